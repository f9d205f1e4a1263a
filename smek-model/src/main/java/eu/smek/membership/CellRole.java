package eu.smek.membership;

import eu.smek.shared.Translatable;

/** A person's part in their town's cooperation cell; a cell has at most one coordinator. */
public enum CellRole implements Translatable {
  COORDINATOR,
  DEPUTY,
  MEMBER;

  @Override
  public String messageKey() {
    return "membership.cellRole." + name();
  }
}
