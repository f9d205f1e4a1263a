package eu.smek.calendar.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
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
  @SuppressWarnings("unchecked")
  void aRedeployedApplicationReadsAndWritesAsTheFirstDid() throws Exception {
    // Each "deployment" has its own copy of ical4j and of this library, as WildFly gives a
    // redeployed EAR; java.time's zone providers are shared by all of them.
    URL[] classPath =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(Ical4jInTheServerTest::url)
            .toArray(URL[]::new);
    for (int deployment = 1; deployment <= 2; deployment++) {
      try (URLClassLoader ear =
          new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
        Supplier<Integer> probe =
            (Supplier<Integer>)
                ear.loadClass(RedeployProbe.class.getName()).getDeclaredConstructor().newInstance();
        assertThat(probe.get()).as("deployment %d", deployment).isEqualTo(3);
      }
    }
  }

  private static URL url(String path) {
    try {
      return new File(path).toURI().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(path, e);
    }
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
