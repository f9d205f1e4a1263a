package eu.smek.calendar.ical;

/**
 * How much an imported file may ask of the server. A file beyond them is refused whole with an
 * {@link IcsRejectedException}: such files are attacks or mistakes, not calendars to half-import.
 *
 * @param maximumBytes the file's size
 * @param maximumComponents events, to-dos, time zones, alarms and the rest together
 * @param maximumRuleValues the values of one RRULE's BY… parts together ({@code BYDAY=MO,TU} is 2)
 * @param maximumOccurrences an RRULE's COUNT, and the EXDATEs of one event
 */
public record IcsLimits(
    long maximumBytes, int maximumComponents, int maximumRuleValues, int maximumOccurrences) {

  /** A town's whole calendar over years fits; 2 MiB of ICS is about 5 000 plain events. */
  public static final IcsLimits DEFAULT = new IcsLimits(2L * 1024 * 1024, 5_000, 100, 5_000);

  public IcsLimits {
    if (maximumBytes < 1
        || maximumComponents < 1
        || maximumRuleValues < 1
        || maximumOccurrences < 1) {
      throw new IllegalArgumentException("Limits are positive");
    }
  }
}
