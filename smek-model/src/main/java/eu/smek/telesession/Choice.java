package eu.smek.telesession;

/** What an organisation votes. */
public enum Choice {
  YES,
  NO,
  ABSTAIN
}
