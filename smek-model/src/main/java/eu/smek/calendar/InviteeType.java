package eu.smek.calendar;

/**
 * What an invitation names: one account or person, or everyone of a cell, an organisation or a
 * working group (their people's accounts, and people with an e-mail but no account).
 */
public enum InviteeType {
  ACCOUNT,
  PERSON,
  CELL,
  ORGANISATION,
  WORKING_GROUP
}
