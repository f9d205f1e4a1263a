package eu.smek.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;

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

  /** A day of the week in the reader's language, e.g. {@code wtorek} or {@code Tuesday}. */
  public String weekday(DayOfWeek day) {
    return day == null ? "" : day.getDisplayName(TextStyle.FULL, activeLocale.getLocale());
  }

  /**
   * A file's size as people read it, in binary units like the upload limit: {@code 840 B}, {@code
   * 12,5 KiB} in Polish, {@code 3.2 MiB} in English.
   */
  public String fileSize(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double size = bytes / 1024.0;
    int unit = 0;
    while (size >= 1024 && unit < units.length - 1) {
      size /= 1024;
      unit++;
    }
    NumberFormat number = NumberFormat.getNumberInstance(activeLocale.getLocale());
    number.setMaximumFractionDigits(1);
    return number.format(size) + " " + units[unit];
  }
}
