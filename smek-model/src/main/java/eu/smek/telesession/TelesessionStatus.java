package eu.smek.telesession;

import eu.smek.shared.Translatable;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a telesession stands. It only moves forward, one step at a time: planned, open (the room is
 * live, attendance and votes are taken), closed, minutes drafted, minutes approved, published. A
 * rejected draft of the minutes stays drafted and is changed there, so the only legal move is the
 * next step.
 */
public enum TelesessionStatus implements Translatable {
  PLANNED,
  OPEN,
  CLOSED,
  MINUTES_DRAFTED,
  MINUTES_APPROVED,
  PUBLISHED;

  /** The statuses this one may move to. */
  public Set<TelesessionStatus> next() {
    return switch (this) {
      case PLANNED -> EnumSet.of(OPEN);
      case OPEN -> EnumSet.of(CLOSED);
      case CLOSED -> EnumSet.of(MINUTES_DRAFTED);
      case MINUTES_DRAFTED -> EnumSet.of(MINUTES_APPROVED);
      case MINUTES_APPROVED -> EnumSet.of(PUBLISHED);
      case PUBLISHED -> EnumSet.noneOf(TelesessionStatus.class);
    };
  }

  public boolean mayMoveTo(TelesessionStatus target) {
    return target != null && next().contains(target);
  }

  /** Whether the agenda and the session's details may still change: before it opens. */
  public boolean isEditable() {
    return this == PLANNED;
  }

  @Override
  public String messageKey() {
    return "telesession.status." + name();
  }
}
