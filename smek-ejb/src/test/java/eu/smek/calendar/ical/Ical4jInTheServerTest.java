package eu.smek.calendar.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.util.CompatibilityHints;
import org.junit.jupiter.api.Test;

/**
 * What ical4j needs inside WildFly, where its jar sits in the EAR's lib and the thread's context
 * class loader belongs to whichever module runs the code.
 */
class Ical4jInTheServerTest {

  @Test
  void zoneDefinitionsLoadWhateverTheContextClassLoaderSees() throws Exception {
    // A zone no other test writes, so its definition is loaded here, with a context class
    // loader that sees nothing at all: ical4j falls back to its own class loader.
    ZoneId bucharest = ZoneId.of("Europe/Bucharest");
    IcsEvent event =
        IcsEvent.builder(
                "bucharest@smek.eu",
                ZonedDateTime.of(2026, 7, 1, 10, 0, 0, 0, bucharest),
                ZonedDateTime.of(2026, 7, 1, 11, 0, 0, 0, bucharest))
            .stamp(Events.STAMP)
            .summary("Întâlnire")
            .organizer(Events.ORGANIZER)
            .build();
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    String text;
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      thread.setContextClassLoader(empty);
      text = IcsWriter.write(IcsMethod.PUBLISH, List.of(event));
    } finally {
      thread.setContextClassLoader(original);
    }

    assertThat(text).contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Bucharest\r\n");
    assertThat(text).contains("TZOFFSETTO:+0300").contains("TZOFFSETTO:+0200");
  }

  @Test
  void theSettingsAreMadeInCodeNotReadFromAFile() {
    Ical4j.configure();

    assertThat(getClass().getClassLoader().getResource("ical4j.properties")).isNull();
    assertThat(CompatibilityHints.isHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING)).isTrue();
    assertThat(CompatibilityHints.isHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING)).isTrue();
    assertThat(CompatibilityHints.isHintEnabled(CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY))
        .isTrue();
    assertThat(CompatibilityHints.isHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION))
        .isFalse();
  }

  @Test
  void readingAndWritingRegisterNoZonesWithJavaTime() {
    // ical4j's own registry gives every VTIMEZONE it reads a JVM-wide java.time zone id
    // ("ical4j-local-…"): the registration outlives the EAR and pins its class loader.
    IcsWriter.write(
        IcsMethod.PUBLISH, List.of(Events.telesession(), Events.weekly(), Events.allDay()));
    IcsWriter.write(IcsMethod.REQUEST, List.of(Events.telesession()));
    Ics.resource("outlook.ics");
    Ics.resource("thunderbird.ics");
    Ics.resource("google.ics");

    assertThat(ZoneId.getAvailableZoneIds()).noneMatch(id -> id.startsWith("ical4j-local-"));
  }
}
