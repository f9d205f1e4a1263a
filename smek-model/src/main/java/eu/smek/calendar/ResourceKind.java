package eu.smek.calendar;

/** What a bookable resource is: a room of a town hall or a piece of equipment it lends. */
public enum ResourceKind {
  ROOM,
  EQUIPMENT;

  /** The bundle key of its label: {@code calendar.resource.kind.ROOM}. */
  public String messageKey() {
    return "calendar.resource.kind." + name();
  }
}
