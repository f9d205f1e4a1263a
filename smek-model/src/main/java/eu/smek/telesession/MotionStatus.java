package eu.smek.telesession;

/** A motion takes ballots while open; closing it computes the result once. */
public enum MotionStatus {
  OPEN,
  CLOSED
}
