package eu.smek.shared;

/** The kinds of place that documents, calendars, telesessions and procedures attach to. */
public enum SpaceType {
  ORGANISATION,
  CELL,
  WORKING_GROUP
}
