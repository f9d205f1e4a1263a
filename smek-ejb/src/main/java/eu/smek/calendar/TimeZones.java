package eu.smek.calendar;

import java.time.ZoneId;
import java.util.Set;

/** The time zones events and readers may use: IANA regions such as Europe/Warsaw. */
public final class TimeZones {

  private static final Set<String> REGIONS = ZoneId.getAvailableZoneIds();

  private TimeZones() {}

  /** The zone of an IANA id; anything else (offsets, typos, hostile text) is refused. */
  public static ZoneId of(String id) {
    if (id == null || id.length() > CalendarEvent.ZONE_LENGTH || !REGIONS.contains(id)) {
      String shown = id == null ? "" : id.substring(0, Math.min(id.length(), 64));
      throw new UnknownTimeZoneException(shown);
    }
    return ZoneId.of(id);
  }
}
