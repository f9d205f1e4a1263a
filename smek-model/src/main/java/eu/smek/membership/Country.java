package eu.smek.membership;

import eu.smek.shared.Language;
import java.time.ZoneId;

/** The countries of the Carpathian Euroregion, with the time zone and language of their towns. */
public enum Country {
  PL("Europe/Warsaw", Language.PL),
  SK("Europe/Bratislava", Language.SK),
  UA("Europe/Kyiv", Language.UK),
  HU("Europe/Budapest", Language.HU),
  RO("Europe/Bucharest", Language.RO);

  private final ZoneId timeZone;
  private final Language language;

  Country(String timeZone, Language language) {
    this.timeZone = ZoneId.of(timeZone);
    this.language = language;
  }

  public ZoneId timeZone() {
    return timeZone;
  }

  public Language language() {
    return language;
  }
}
