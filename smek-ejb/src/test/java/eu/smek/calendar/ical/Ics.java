package eu.smek.calendar.ical;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;

/** Test helpers: ical4j's own view of what the writer wrote, and reading back. */
final class Ics {

  private Ics() {}

  /** Parsed by ical4j, strictly (no SMEK tolerance), with a registry that stays local. */
  static Calendar parse(String text) {
    try {
      return new CalendarBuilder(
              new CalendarParserImpl(), new ContentHandlerContext(), new IcsZones.LocalRegistry())
          .build(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParserException e) {
      throw new AssertionError("ical4j cannot parse what SMEK wrote: " + e.getMessage(), e);
    }
  }

  static IcsImport read(String text) {
    return new IcsReader().read(text.getBytes(StandardCharsets.UTF_8), ZoneId.of("Europe/Warsaw"));
  }

  static IcsImport resource(String name) {
    try (var in = Ics.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("no test resource " + name);
      }
      return new IcsReader().read(in.readAllBytes(), ZoneId.of("Europe/Warsaw"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
