package eu.smek.calendar;

import eu.smek.shared.Translatable;

/** Which occurrences of a recurring event a change or a deletion applies to. */
public enum EditScope implements Translatable {
  /** The chosen occurrence only: it becomes an overridden occurrence, or an excluded date. */
  ONE,
  /** The chosen occurrence and all later ones: the series is split in two at it. */
  THIS_AND_FOLLOWING,
  /** Every occurrence. */
  SERIES;

  @Override
  public String messageKey() {
    return "calendar.scope." + name();
  }
}
