package eu.smek.calendar.ical;

import static eu.smek.calendar.ical.Events.STAMP;
import static eu.smek.calendar.ical.Events.WARSAW;
import static eu.smek.calendar.ical.Events.warsaw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ZoneRulesBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.validate.ITIPValidator;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IcsWriterTest {

  private static final Instant LATER = Instant.parse("2026-12-01T08:00:00Z");

  private static List<IcsEvent> eventsFor(IcsMethod method) {
    return switch (method) {
      case PUBLISH ->
          List.of(Events.telesession(), Events.weekly(), Events.weeklyMoved(), Events.allDay());
      case REQUEST -> List.of(Events.telesession());
      case CANCEL -> List.of(Events.telesession().cancelled(LATER));
      case REPLY ->
          List.of(
              Events.telesession().replyFrom("jan.novak@humenne.sk", IcsPartStat.ACCEPTED, LATER));
    };
  }

  @ParameterizedTest
  @EnumSource(IcsMethod.class)
  void theOutputPassesIcal4jsValidationForItsMethod(IcsMethod method) {
    String text = IcsWriter.write(method, eventsFor(method));
    Calendar calendar = Ics.parse(text);

    ValidationResult rfc5545AndMethod = calendar.validate();
    assertThat(rfc5545AndMethod.hasErrors()).as(rfc5545AndMethod.toString()).isFalse();
    if (method != IcsMethod.PUBLISH) {
      // iTIP: one METHOD, and the events of one UID only.
      ValidationResult itip = new ITIPValidator().validate(calendar);
      assertThat(itip.hasErrors()).as(itip.toString()).isFalse();
    }
    assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo(method.name());
    assertThat(text).startsWith("BEGIN:VCALENDAR\r\nPRODID:" + IcsWriter.PRODID + "\r\n");
    assertThat(text).contains("\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
  }

  @Test
  void aRequestCarriesOrganiserAttendeesAndTheirQuestion() {
    String text = IcsWriter.write(IcsMethod.REQUEST, List.of(Events.telesession()));
    String unfolded = text.replace("\r\n ", "");

    assertThat(unfolded)
        .contains("ORGANIZER;CN=Anna Nowak:mailto:anna.nowak@przemysl.pl\r\n")
        .contains(
            "ATTENDEE;CN=\"Ján Novák\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:"
                + "mailto:jan.novak@humenne.sk\r\n")
        .contains("UID:telesession-42@smek.eu\r\n")
        .contains("SEQUENCE:0\r\n")
        .contains("DTSTAMP:20261128T100000Z\r\n")
        .contains("DTSTART;TZID=Europe/Warsaw:20260327T100000\r\n");
  }

  @Test
  void attachedDocumentsAreLinksWithTheirMediaType() {
    IcsEvent attached =
        Events.telesession().toBuilder()
            .attachments(
                List.of(
                    new IcsAttachment(
                        URI.create("https://smek.eu/documents/files/1000"), "application/pdf"),
                    new IcsAttachment(
                        URI.create("https://smek.eu/documents/files/1001"),
                        "Text/Plain; charset=UTF-8"),
                    new IcsAttachment(
                        URI.create("https://smek.eu/documents/files/1002"), "x\"y;z:/w")))
            .build();

    for (IcsMethod method : List.of(IcsMethod.PUBLISH, IcsMethod.REQUEST)) {
      String text = IcsWriter.write(method, List.of(attached)).replace("\r\n ", "");
      assertThat(text)
          .contains("ATTACH;FMTTYPE=application/pdf:https://smek.eu/documents/files/1000\r\n")
          .contains("ATTACH;FMTTYPE=text/plain:https://smek.eu/documents/files/1001\r\n")
          .contains("ATTACH:https://smek.eu/documents/files/1002\r\n");
      ValidationResult result = Ics.parse(text).validate();
      assertThat(result.hasErrors()).as(result.toString()).isFalse();
    }
    assertThatThrownBy(() -> new IcsAttachment(URI.create("file:///etc/passwd"), "application/pdf"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IcsAttachment(URI.create("/documents/files/1"), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCancellationKeepsTheUidRaisesTheSequenceAndSaysCancelled() {
    IcsEvent request = Events.telesession().toBuilder().sequence(4).build();
    IcsEvent cancel = request.cancelled(LATER);

    Calendar calendar = Ics.parse(IcsWriter.write(IcsMethod.CANCEL, List.of(cancel)));
    VEvent written = calendar.<VEvent>getComponent("VEVENT").orElseThrow();

    assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
    assertThat(written.getProperty("UID").orElseThrow().getValue()).isEqualTo(request.uid());
    assertThat(written.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("5");
    assertThat(written.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
    assertThat(written.getProperty("DTSTAMP").orElseThrow().getValue())
        .isEqualTo("20261201T080000Z");
  }

  @Test
  void anEventThatBreaksTheRulesOfItsMethodIsNotWritten() {
    // RFC 5546: an invitation has an organiser and attendees, an export at least an organiser.
    IcsEvent noAttendees = Events.telesession().toBuilder().attendees(List.of()).build();
    IcsEvent noOrganiser = Events.telesession().toBuilder().organizer(null).build();

    assertThatThrownBy(() -> IcsWriter.write(IcsMethod.REQUEST, List.of(noAttendees)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ATTENDEE");
    assertThatThrownBy(() -> IcsWriter.write(IcsMethod.PUBLISH, List.of(noOrganiser)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ORGANIZER");
  }

  @Test
  void aCancelWithoutCancelledStatusIsAProgrammingError() {
    assertThatThrownBy(() -> IcsWriter.write(IcsMethod.CANCEL, List.of(Events.telesession())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("STATUS:CANCELLED");
  }

  @Test
  void aReplyCarriesOnlyTheAnsweringAttendee() {
    IcsEvent reply =
        Events.telesession().replyFrom("OLENA.KOWAL@jaslo.pl", IcsPartStat.DECLINED, LATER);
    String text = IcsWriter.write(IcsMethod.REPLY, List.of(reply)).replace("\r\n ", "");

    assertThat(text).contains("METHOD:REPLY\r\n").contains("PARTSTAT=DECLINED");
    assertThat(text).doesNotContain("jan.novak@humenne.sk");
    assertThat(Pattern.compile("^ATTENDEE", Pattern.MULTILINE).matcher(text).results().count())
        .isEqualTo(1);
    assertThatThrownBy(
            () ->
                Events.telesession().replyFrom("stranger@example.org", IcsPartStat.ACCEPTED, LATER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyTzidUsedHasOneVtimezoneWithWarsawsRulesInTheEventsYears() {
    IcsEvent nextYear =
        IcsEvent.builder(
                "in-2027@smek.eu",
                ZonedDateTime.of(2027, 10, 31, 2, 30, 0, 0, WARSAW),
                ZonedDateTime.of(2027, 10, 31, 4, 0, 0, 0, WARSAW))
            .stamp(STAMP)
            .summary("Across the autumn change")
            .organizer(Events.ORGANIZER)
            .build();
    IcsEvent bratislava =
        IcsEvent.builder(
                "ba@smek.eu",
                ZonedDateTime.of(2026, 5, 4, 9, 0, 0, 0, Events.BRATISLAVA),
                ZonedDateTime.of(2026, 5, 4, 10, 0, 0, 0, Events.BRATISLAVA))
            .stamp(STAMP)
            .organizer(Events.ORGANIZER)
            .build();
    String text =
        IcsWriter.write(IcsMethod.PUBLISH, List.of(Events.telesession(), nextYear, bratislava));
    Calendar calendar = Ics.parse(text);

    Set<String> used = new TreeSet<>();
    Matcher tzid = Pattern.compile(";TZID=([^:;]+)").matcher(text.replace("\r\n ", ""));
    while (tzid.find()) {
      used.add(tzid.group(1));
    }
    List<VTimeZone> definitions = calendar.getComponents("VTIMEZONE");
    assertThat(used).containsExactly("Europe/Bratislava", "Europe/Warsaw");
    assertThat(definitions.stream().map(z -> z.getTimeZoneId().getValue()).toList())
        .containsExactlyInAnyOrderElementsOf(used);

    VTimeZone warsaw =
        definitions.stream()
            .filter(z -> z.getTimeZoneId().getValue().equals("Europe/Warsaw"))
            .findFirst()
            .orElseThrow();
    ZoneRules rules = new ZoneRulesBuilder().vTimeZone(warsaw).build();
    ZoneRules java = WARSAW.getRules();
    for (int year : List.of(2026, 2027)) {
      Instant newYear = LocalDate.of(year, 1, 1).atStartOfDay(WARSAW).toInstant();
      ZoneOffsetTransition spring = java.nextTransition(newYear);
      ZoneOffsetTransition autumn = java.nextTransition(spring.getInstant());
      for (ZoneOffsetTransition change : List.of(spring, autumn)) {
        assertThat(rules.nextTransition(change.getInstant().minusSeconds(7200)).getInstant())
            .isEqualTo(change.getInstant());
        for (Instant t = change.getInstant().minus(1, ChronoUnit.DAYS);
            t.isBefore(change.getInstant().plus(1, ChronoUnit.DAYS));
            t = t.plus(30, ChronoUnit.MINUTES)) {
          assertThat(rules.getOffset(t)).as("offset at %s", t).isEqualTo(java.getOffset(t));
        }
      }
      for (Instant noon = newYear.plus(12, ChronoUnit.HOURS);
          noon.isBefore(newYear.plus(365, ChronoUnit.DAYS));
          noon = noon.plus(1, ChronoUnit.DAYS)) {
        assertThat(rules.getOffset(noon)).as("offset at %s", noon).isEqualTo(java.getOffset(noon));
      }
    }
    assertThat(warsaw.getObservances()).hasSizeLessThanOrEqualTo(4);
  }

  @Test
  void textIsEscapedAndLongLinesFolded() {
    String hostile = "Zebranie; punkt 1, punkt 2\nnowa linia \\ ukośnik";
    IcsEvent event =
        Events.telesession().toBuilder()
            .summary("Ярмарок, ďakujem; zażółć")
            .description(hostile + " " + "ą".repeat(200))
            .build();
    String text = IcsWriter.write(IcsMethod.PUBLISH, List.of(event));

    assertThat(text).contains("SUMMARY:Ярмарок\\, ďakujem\\; zażółć\r\n");
    assertThat(text)
        .contains("DESCRIPTION:Zebranie\\; punkt 1\\, punkt 2\\nnowa linia \\\\ ukośnik");
    // ical4j folds at 75 characters (RFC 5545 says "SHOULD NOT" exceed 75 octets; Outlook and
    // Thunderbird read longer lines).
    assertThat(text.split("\r\n"))
        .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(75));
    assertThat(text).contains("\r\n ą");
  }

  @Test
  void lineBreaksInATitleOrANameCreateNoProperty() {
    IcsEvent event =
        Events.telesession().toBuilder()
            .summary("Spotkanie\r\nATTENDEE:mailto:evil@example.org\r\nX-INJECTED:1")
            .location("Sala\nORGANIZER:mailto:evil@example.org")
            .description("Line one\r\nEND:VEVENT\r\nBEGIN:VTODO")
            .attendees(
                List.of(
                    new IcsAttendee(
                        "Jan\r\nATTENDEE:mailto:evil@example.org",
                        "jan.novak@humenne.sk",
                        IcsRole.REQ_PARTICIPANT,
                        IcsPartStat.NEEDS_ACTION,
                        true)))
            .build();
    String text = IcsWriter.write(IcsMethod.REQUEST, List.of(event));

    assertThat(text).doesNotContain("\r\nATTENDEE:mailto:evil").doesNotContain("\r\nX-INJECTED");
    assertThat(text).doesNotContain("\r\nORGANIZER:mailto:evil").doesNotContain("\r\nBEGIN:VTODO");
    assertThat(text.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
    VEvent written = Ics.parse(text).<VEvent>getComponent("VEVENT").orElseThrow();
    assertThat(written.getProperties("ATTENDEE")).hasSize(1);
    assertThat(written.getProperties("ORGANIZER")).hasSize(1);
    assertThat(written.getProperty("SUMMARY").orElseThrow().getValue())
        .isEqualTo("Spotkanie  ATTENDEE:mailto:evil@example.org  X-INJECTED:1");
    assertThat(written.getProperty("DESCRIPTION").orElseThrow().getValue())
        .isEqualTo("Line one\nEND:VEVENT\nBEGIN:VTODO");
  }

  @Test
  void addressesThatCouldBreakALineOrAHeaderAreRefused() {
    for (String bad :
        List.of(
            "jan@humenne.sk\r\nBcc: evil@example.org",
            "jan@humenne.sk\nATTENDEE:mailto:x@y.z",
            "\"Jan\" <jan@humenne.sk>",
            "jan@humenne.sk, evil@example.org",
            "jan humenne@sk.sk",
            "no-at-sign",
            "")) {
      assertThatThrownBy(() -> new IcsPerson("Jan", bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () -> new IcsAttendee("Jan", bad, IcsRole.CHAIR, IcsPartStat.ACCEPTED, false))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void anEventIsAllTimesInANamedZoneOrAllDays() {
    assertThatThrownBy(
            () ->
                IcsEvent.builder("x@smek.eu", warsaw(2026, 1, 1, 10, 0), LocalDate.of(2026, 1, 2))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                IcsEvent.builder(
                        "x@smek.eu",
                        ZonedDateTime.of(2026, 1, 1, 10, 0, 0, 0, java.time.ZoneOffset.ofHours(1)),
                        ZonedDateTime.of(2026, 1, 1, 11, 0, 0, 0, java.time.ZoneOffset.ofHours(1)))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("named zone");
    assertThatThrownBy(
            () ->
                IcsEvent.builder("x@smek.eu", warsaw(2026, 1, 1, 10, 0), warsaw(2026, 1, 1, 9, 0))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
