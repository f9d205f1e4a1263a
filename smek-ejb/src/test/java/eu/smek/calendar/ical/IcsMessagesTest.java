package eu.smek.calendar.ical;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smek.shared.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every message key of the reader's notices and refusals exists in English, Polish and Slovak
 * (BundleCompletenessTest in smek-web checks only the key prefixes it knows).
 */
class IcsMessagesTest {

  private static final Path SOURCES = Path.of("src/main/java/eu/smek/calendar/ical");
  private static final Pattern KEY = Pattern.compile("\"(calendar\\.ical\\.[A-Za-z0-9_.]+)\"");

  private static Set<String> keysInCode() throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher matcher = KEY.matcher(Files.readString(file));
        while (matcher.find()) {
          keys.add(matcher.group(1));
        }
      }
    }
    return keys;
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "_pl", "_sk"})
  void everyKeyTheLibraryUsesIsTranslated(String suffix) throws IOException {
    Properties bundle = new Properties();
    String name = Messages.BUNDLE.replace('.', '/') + suffix + ".properties";
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Set<String> used = keysInCode();

    assertThat(used)
        .containsAll(
            List.of(
                "calendar.ical.tooLarge",
                "calendar.ical.notICalendar",
                "calendar.ical.skipped.unknownZone"));
    assertThat(bundle.stringPropertyNames()).as(name).containsAll(used);
  }
}
