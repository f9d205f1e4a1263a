package eu.smek.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Dates and times as the current user reads them: in their language and time zone. */
@Named
@RequestScoped
public class Formats {

  @Inject private ActiveLocale activeLocale;

  /**
   * For example {@code 27.11.2026, 14:05:09} in Polish or {@code Nov 27, 2026, 2:05:09 PM} in
   * English.
   */
  public String dateTime(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
        .withLocale(activeLocale.getLocale())
        .withZone(activeLocale.getTimeZone())
        .format(instant);
  }

  /** For example {@code 27.11.2026} in Polish or {@code Nov 27, 2026} in English. */
  public String date(LocalDate date) {
    if (date == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(activeLocale.getLocale())
        .format(date);
  }
}
