package eu.smek.calendar.ical;

/** The STATUS of an event. */
public enum IcsStatus {
  TENTATIVE,
  CONFIRMED,
  CANCELLED
}
