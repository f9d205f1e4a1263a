package eu.smek.calendar.ical;

import net.fortuna.ical4j.util.CompatibilityHints;

/**
 * ical4j's settings, made in code. ical4j reads them from an {@code ical4j.properties} found by the
 * thread's context class loader when its classes load; inside WildFly that is whichever deployment
 * touches ical4j first, so a file would be fragile. Everything SMEK relies on is set here or passed
 * explicitly (the time-zone registry of each read), and the defaults of 4.2.2 that matter are the
 * safe ones: zone definitions come from the jar, never from the network
 * (net.fortuna.ical4j.timezone.update.enabled is off), cached in a plain map (no JCache needed).
 */
final class Ical4j {

  static {
    // What Outlook, Google and Thunderbird write: lines folded with any whitespace, unknown
    // parameters, Outlook's own quirks. What SMEK writes is still validated strictly.
    CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
    CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, true);
    CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY, true);
    CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, false);
  }

  private Ical4j() {}

  /** Applies the settings once, before the first use of ical4j by this package. */
  static void configure() {
    // The static initialiser above does the work; calling this makes sure it has run.
  }
}
