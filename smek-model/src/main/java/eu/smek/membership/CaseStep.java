package eu.smek.membership;

import eu.smek.shared.Translatable;

/** A step in a membership case's record: what happened, in the order it happened. */
public enum CaseStep implements Translatable {
  OPENED,
  COMMENTED,
  COMPLETION_REQUESTED,
  SUPPLEMENTED,
  APPROVED,
  REJECTED,
  COMPLETED;

  @Override
  public String messageKey() {
    return "membership.case.step." + name();
  }
}
