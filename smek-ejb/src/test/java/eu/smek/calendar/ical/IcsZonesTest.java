package eu.smek.calendar.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IcsZonesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Europe/Warsaw|Europe/Warsaw",
        "Central European Standard Time|Europe/Warsaw",
        "\"Central European Standard Time\"|Europe/Warsaw",
        "Central Europe Standard Time|Europe/Budapest",
        "GTB Standard Time|Europe/Bucharest",
        "W. Europe Standard Time|Europe/Berlin",
        "(UTC+01:00) Sarajevo, Skopje, Warsaw, Zagreb|Europe/Sarajevo",
        "/mozilla.org/20050126_1/Europe/Bratislava|Europe/Bratislava",
        "/softwarestudio.org/Olson_20011030_5/Europe/Budapest|Europe/Budapest",
        "UTC|Etc/UTC",
        "Pacific Standard Time|America/Los_Angeles"
      })
  void namesOtherProgramsUseBecomeIanaZones(String tzid, String iana) {
    assertThat(IcsZones.resolve(tzid)).contains(ZoneId.of(iana));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Mars/Olympus_Mons",
        "Customized Time Zone",
        "",
        " ",
        "../../etc/passwd",
        "+01:00"
      })
  void unknownNamesResolveToNothing(String tzid) {
    assertThat(IcsZones.resolve(tzid)).isEqualTo(Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"FLE Standard Time", "Europe/Kyiv", "Europe/Kiev"})
  void kyivIsKnownByItsNames(String tzid) {
    assertThat(IcsZones.resolve(tzid).orElseThrow().getRules())
        .isEqualTo(ZoneId.of("Europe/Kiev").getRules());
  }
}
