package eu.smek.telesession;

/** How a motion is voted on: by name (each ballot keeps its choice) or secretly (tallies only). */
public enum VoteKind {
  ROLL_CALL,
  SECRET
}
