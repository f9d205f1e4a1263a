package eu.smek.membership;

import eu.smek.shared.Translatable;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a working group stands. An active group works; a paused one keeps its members but meets no
 * more for now; a closed one is kept for the record and changes no more until an administrator
 * reopens it.
 */
public enum WorkingGroupStatus implements Translatable {
  ACTIVE,
  PAUSED,
  CLOSED;

  /** The statuses a group with this status may move to. */
  public Set<WorkingGroupStatus> next() {
    return switch (this) {
      case ACTIVE -> EnumSet.of(PAUSED, CLOSED);
      case PAUSED -> EnumSet.of(ACTIVE, CLOSED);
      case CLOSED -> EnumSet.of(ACTIVE);
    };
  }

  public boolean allows(WorkingGroupStatus to) {
    return next().contains(to);
  }

  @Override
  public String messageKey() {
    return "membership.workingGroupStatus." + name();
  }
}
