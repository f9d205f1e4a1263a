package eu.smek.telesession;

/** Where an attendance record comes from: the room, or the secretary's correction. */
public enum AttendanceSource {
  AUTOMATIC,
  CORRECTED
}
