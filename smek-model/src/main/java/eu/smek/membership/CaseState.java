package eu.smek.membership;

import eu.smek.shared.Translatable;

/**
 * Where a membership case stands. An association reviews it, may ask for completion (as often as
 * needed), then approves or rejects it; an approved case is completed by the signed document.
 */
public enum CaseState implements Translatable {
  UNDER_REVIEW,
  COMPLETION_REQUESTED,
  APPROVED,
  REJECTED,
  COMPLETED;

  public boolean isOpen() {
    return this != REJECTED && this != COMPLETED;
  }

  /** Whether the step may be taken in this state. */
  public boolean allows(CaseStep step) {
    return switch (step) {
      case OPENED -> false;
      case COMMENTED -> isOpen();
      case COMPLETION_REQUESTED, APPROVED, REJECTED -> this == UNDER_REVIEW;
      case SUPPLEMENTED -> this == COMPLETION_REQUESTED;
      case COMPLETED -> this == APPROVED;
    };
  }

  /** The state after the step. */
  public CaseState after(CaseStep step) {
    if (!allows(step)) {
      throw new IllegalStateException(step + " is not allowed in " + this);
    }
    return switch (step) {
      case COMPLETION_REQUESTED -> COMPLETION_REQUESTED;
      case SUPPLEMENTED -> UNDER_REVIEW;
      case APPROVED -> APPROVED;
      case REJECTED -> REJECTED;
      case COMPLETED -> COMPLETED;
      default -> this;
    };
  }

  @Override
  public String messageKey() {
    return "membership.case.state." + name();
  }
}
