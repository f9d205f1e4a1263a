package eu.smek.shared;

/**
 * The kinds of place that documents, calendars, telesessions and procedures attach to. The whole
 * network and a person are spaces for calendars (the network's calendar, a personal one); document
 * libraries are created for organisations, cells and working groups (a telesession gets its one
 * library with it).
 */
public enum SpaceType {
  ORGANISATION,
  CELL,
  WORKING_GROUP,
  /** The whole network; its id is always {@link SpaceRef#NETWORK_ID}. */
  NETWORK,
  /** One person of the directory, by the person's id. */
  PERSON,
  /**
   * A telesession, by its id: its members are the people it invites (in person or through their
   * organisation), its chair and secretary and its organisation's people. It has exactly one
   * library, made with it; no other library may be created in it.
   */
  TELESESSION;

  /** Whether document libraries may belong to this kind of space. */
  public boolean holdsLibraries() {
    return this == ORGANISATION || this == CELL || this == WORKING_GROUP;
  }
}
