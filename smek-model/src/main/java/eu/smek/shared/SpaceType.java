package eu.smek.shared;

/**
 * The kinds of place that documents, calendars, telesessions and procedures attach to. The whole
 * network and a person are spaces for calendars (the network's calendar, a personal one); document
 * libraries belong to organisations, cells and working groups only.
 */
public enum SpaceType {
  ORGANISATION,
  CELL,
  WORKING_GROUP,
  /** The whole network; its id is always {@link SpaceRef#NETWORK_ID}. */
  NETWORK,
  /** One person of the directory, by the person's id. */
  PERSON;

  /** Whether document libraries may belong to this kind of space. */
  public boolean holdsLibraries() {
    return this == ORGANISATION || this == CELL || this == WORKING_GROUP;
  }
}
