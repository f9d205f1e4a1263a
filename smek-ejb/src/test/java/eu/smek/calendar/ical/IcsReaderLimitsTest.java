package eu.smek.calendar.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile and broken files: each is refused whole, with a translated reason. */
class IcsReaderLimitsTest {

  private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
  private static final IcsLimits SMALL = new IcsLimits(4_096, 10, 10, 100);

  private static String event(int i, String extra) {
    return """
        BEGIN:VEVENT
        UID:e%d@test
        DTSTAMP:20261101T000000Z
        DTSTART;TZID=Europe/Warsaw:20261110T093000
        DTEND;TZID=Europe/Warsaw:20261110T110000
        SUMMARY:Spotkanie %d
        %sEND:VEVENT
        """
        .formatted(i, i, extra);
  }

  private static String calendar(String body) {
    return "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//EN\n" + body + "END:VCALENDAR\n";
  }

  private static IcsRejectedException refused(IcsLimits limits, byte[] content) {
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> new IcsReader(limits).read(content, WARSAW));
    assertThat(thrown).isInstanceOf(IcsRejectedException.class);
    return (IcsRejectedException) thrown;
  }

  private static IcsRejectedException refused(IcsLimits limits, String content) {
    return refused(limits, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anOversizedFileIsRefusedBeforeItIsParsed() {
    String big = calendar(event(1, "DESCRIPTION:" + "a".repeat(5_000) + "\n"));

    IcsRejectedException refusal = refused(SMALL, big);

    assertThat(refusal.getMessageKey()).isEqualTo("calendar.ical.tooLarge");
    assertThat(refusal.getArguments()).containsExactly(4L);
  }

  @Test
  void tooManyComponentsAreRefused() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      body.append(event(i, ""));
    }
    IcsRejectedException refusal =
        refused(new IcsLimits(1_000_000, 10, 10, 100), calendar(body.toString()));

    assertThat(refusal.getMessageKey()).isEqualTo("calendar.ical.tooManyComponents");
    assertThat(refusal.getArguments()).containsExactly(10);
  }

  @Test
  void alarmsAndTimeZonesCountAsComponentsEvenWhenFoldedToHideThem() {
    StringBuilder alarms = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      // A folded BEGIN line escapes a count of lines; ical4j's own count does not.
      alarms.append("BEGIN:VAL\n ARM\nTRIGGER:-PT15M\nACTION:DISPLAY\nDESCRIPTION:x\nEND:VALARM\n");
    }
    IcsRejectedException refusal =
        refused(new IcsLimits(1_000_000, 10, 10, 100), calendar(event(1, alarms.toString())));

    assertThat(refusal.getMessageKey()).isEqualTo("calendar.ical.tooManyComponents");
  }

  @Test
  void recurrenceRulesBeyondTheLimitsAreRefused() {
    for (String rule :
        new String[] {
          "FREQ=SECONDLY",
          "FREQ=MINUTELY;INTERVAL=1",
          "FREQ=DAILY;COUNT=1000000",
          "FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=1,2,3,4,5",
          "FREQ=DAILY;BYSETPOS=" + "1,".repeat(300) + "1"
        }) {
      IcsRejectedException refusal =
          refused(
              new IcsLimits(1_000_000, 10, 10, 100), calendar(event(1, "RRULE:" + rule + "\n")));
      assertThat(refusal.getMessageKey()).as(rule).isEqualTo("calendar.ical.ruleTooComplex");
      assertThat(refusal.getArguments()).as(rule).containsExactly("Spotkanie 1");
    }
  }

  @Test
  void tooManyExceptionDatesAreRefused() {
    StringBuilder exdates = new StringBuilder("EXDATE;TZID=Europe/Warsaw:");
    for (int day = 1; day <= 28; day++) {
      exdates.append(day > 1 ? "," : "").append("202612%02dT093000".formatted(day));
    }
    IcsRejectedException refusal =
        refused(
            new IcsLimits(1_000_000, 10, 10, 20),
            calendar(event(1, "RRULE:FREQ=DAILY\n" + exdates + "\n")));

    assertThat(refusal.getMessageKey()).isEqualTo("calendar.ical.ruleTooComplex");
  }

  @Test
  void binaryFilesAreNotICalendar() throws Exception {
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    assertThat(refused(IcsLimits.DEFAULT, png).getMessageKey())
        .isEqualTo("calendar.ical.notICalendar");

    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("calendar.ics"));
      out.write(calendar(event(1, "")).getBytes(StandardCharsets.UTF_8));
    }
    assertThat(refused(IcsLimits.DEFAULT, zip.toByteArray()).getMessageKey())
        .isEqualTo("calendar.ical.notICalendar");

    // Starts like a calendar, then turns binary.
    byte[] disguised = (calendar(event(1, "")) + "\0\0\0").getBytes(StandardCharsets.UTF_8);
    assertThat(refused(IcsLimits.DEFAULT, disguised).getMessageKey())
        .isEqualTo("calendar.ical.notICalendar");

    assertThat(refused(IcsLimits.DEFAULT, new byte[0]).getMessageKey())
        .isEqualTo("calendar.ical.notICalendar");
    assertThat(refused(IcsLimits.DEFAULT, "BEGIN:VCARD\nVERSION:4.0\nEND:VCARD\n").getMessageKey())
        .isEqualTo("calendar.ical.notICalendar");
  }

  @Test
  void aFileNotInUtf8IsRefusedRatherThanGarbled() {
    byte[] latin2 =
        calendar(event(1, "LOCATION:Przemyśl, Łódź\n")).getBytes(Charset.forName("ISO-8859-2"));

    assertThat(refused(IcsLimits.DEFAULT, latin2).getMessageKey())
        .isEqualTo("calendar.ical.notICalendar");
  }

  @Test
  void aUtf8ByteOrderMarkIsAccepted() {
    byte[] withBom = ("\uFEFF" + calendar(event(1, ""))).getBytes(StandardCharsets.UTF_8);

    assertThat(new IcsReader().read(withBom, WARSAW).events()).hasSize(1);
  }

  /** The file: a broken event 1 (its DTSTART on line 7) and a good event 2. */
  private static byte[] withBrokenEvent(String bad) {
    String broken = event(1, "").replace("DTSTART;TZID=Europe/Warsaw:20261110T093000", bad);
    return calendar(broken + event(2, "")).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aDateValueThatCannotBeADateSkipsItsEventAndNamesIt() {
    // ical4j reads these as dates only when asked: the event is left out, the others are read.
    for (String bad :
        new String[] {
          "DTSTART;TZID=Europe/Warsaw:2026-13-45T25:61:00",
          "DTSTART;TZID=Europe/Warsaw:20261345T093000"
        }) {
      IcsImport read = new IcsReader().read(withBrokenEvent(bad), WARSAW);

      assertThat(read.events()).as(bad).extracting(IcsEvent::uid).containsExactly("e2@test");
      assertThat(read.notices())
          .as(bad)
          .containsExactly(IcsNotice.of("calendar.ical.skipped.invalid", "Spotkanie 1"));
    }
  }

  @Test
  void aValueIcal4jRefusesWhileParsingRefusesTheFileNamingTheLine() {
    for (String bad :
        new String[] {
          "DTSTART:yesterday",
          "DTSTART;VALUE=DATE:2026111",
          "DTSTART;TZID=Europe/Warsaw:20261110T093000\nEXDATE:20261399T000000",
          "DTSTART;TZID=Europe/Warsaw:20261110T093000\nRRULE:FREQ=SOMETIMES;BYDAY=XX"
        }) {
      IcsRejectedException refusal = refused(IcsLimits.DEFAULT, withBrokenEvent(bad));

      assertThat(refusal.getMessageKey()).as(bad).isEqualTo("calendar.ical.malformed");
      assertThat((int) refusal.getArguments()[0]).as(bad).isBetween(7, 8);
    }
  }

  @Test
  void brokenStructureRefusesTheFile() {
    for (String broken :
        new String[] {
          "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x\n",
          "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VEVENT\nEND:VCALENDAR\n",
          "BEGIN:VCALENDAR\nthis is not a content line\nEND:VCALENDAR\n"
        }) {
      assertThat(refused(IcsLimits.DEFAULT, broken).getMessageKey())
          .as(broken)
          .isEqualTo("calendar.ical.malformed");
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void rulesAreCheckedNotExpanded() {
    // Each rule allows 5 000 occurrences: reading must not produce them.
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      body.append(event(i, "RRULE:FREQ=DAILY;BYHOUR=8,9,10,11,12,13,14,15;COUNT=5000\n"));
    }
    IcsImport read =
        new IcsReader().read(calendar(body.toString()).getBytes(StandardCharsets.UTF_8), WARSAW);

    assertThat(read.events()).hasSize(500);
    assertThat(read.events().get(0).rrule())
        .isEqualTo("FREQ=DAILY;COUNT=5000;BYHOUR=8,9,10,11,12,13,14,15");
  }
}
