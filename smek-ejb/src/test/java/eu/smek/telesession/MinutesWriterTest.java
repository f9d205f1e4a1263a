package eu.smek.telesession;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smek.shared.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinutesWriterTest {

  static final Instant START = Instant.parse("2027-03-10T09:00:00Z");

  static MinutesFacts facts() {
    return new MinutesFacts(
        "Budget <2027> & roads",
        "Gmina Miejska Przemyśl",
        START,
        START.plusSeconds(7200),
        ZoneId.of("Europe/Warsaw"),
        "Anna Chair",
        "Jan Secretary",
        List.of(
            new MinutesFacts.Present(
                "Ján Kováč", "Mesto Snina", START.plusSeconds(60), START.plusSeconds(3600)),
            new MinutesFacts.Present("Ewa <b>Nowak</b>", "Gmina Lesko", START, null)),
        List.of(
            new MinutesFacts.Item(
                1,
                "Roads",
                "Ewa Nowak",
                List.of(
                    new MinutesFacts.Vote(
                        "Repair the road",
                        VoteKind.ROLL_CALL,
                        2,
                        0,
                        1,
                        3,
                        10,
                        true,
                        true,
                        "1/2027"),
                    new MinutesFacts.Vote(
                        "Close the bridge", VoteKind.SECRET, 0, 3, 0, 3, 10, true, false, null))),
            new MinutesFacts.Item(2, "Other business", null, List.of())));
  }

  @Test
  void writesEachLanguageFromItsBundle() {
    assertThat(MinutesWriter.draft(facts(), Language.EN))
        .contains("<h1>Minutes of the telesession “Budget &lt;2027&gt; &amp; roads”</h1>")
        .contains("<h2>Attendance</h2>", "<h2>Agenda</h2>")
        .contains("The motion is adopted as resolution 1/2027.", "The motion is rejected.");
    assertThat(MinutesWriter.draft(facts(), Language.PL))
        .contains("<h1>Protokół z telesesji „Budget &lt;2027&gt; &amp; roads”</h1>")
        .contains("<h2>Obecność</h2>", "Za: 2, przeciw: 0, wstrzymało się: 1.");
    assertThat(MinutesWriter.draft(facts(), Language.SK))
        .contains("<h1>Zápisnica z telerelácie „Budget &lt;2027&gt; &amp; roads“</h1>")
        .contains("Za: 2, proti: 0, zdržali sa: 1.");
  }

  @Test
  void attendanceIsATableWithColumnHeadersAndLocalTimes() {
    String html = MinutesWriter.draft(facts(), Language.EN);
    assertThat(html)
        .contains("<table><thead><tr><th scope=\"col\">Person</th>")
        .contains("<td>Ján Kováč</td><td>Mesto Snina</td><td>10:01 AM</td><td>11:00 AM</td>")
        // Names are text, never markup; someone still present has no time of leaving.
        .contains(
            "<td>Ewa &lt;b&gt;Nowak&lt;/b&gt;</td><td>Gmina Lesko</td><td>10:00 AM</td><td></td>");
  }

  @Test
  void agendaItemsCarryTheirMotionsResultsAndResolutionNumbers() {
    String html = MinutesWriter.draft(facts(), Language.EN);
    assertThat(html)
        .contains("<h3>1. Roads</h3><p>Presenter: Ewa Nowak</p>")
        .contains("<strong>Motion (roll call):</strong> Repair the road")
        .contains("3 of 10 member towns present, quorum reached.")
        .contains("<h3>2. Other business</h3>");
    assertThat(html.indexOf("Repair the road")).isLessThan(html.indexOf("Other business"));
  }

  @Test
  void theDraftSurvivesTheSanitiserUnchanged() {
    for (Language language : TelesessionService.MINUTES_LANGUAGES) {
      String html = MinutesWriter.draft(facts(), language);
      assertThat(MinutesHtml.sanitise(html)).isEqualTo(html);
    }
  }

  @Test
  void anEmptySessionSaysSo() {
    MinutesFacts empty =
        new MinutesFacts(
            "Empty",
            "Mesto Humenné",
            START,
            START,
            ZoneId.of("UTC"),
            "A",
            "B",
            List.of(),
            List.of());
    assertThat(MinutesWriter.draft(empty, Language.EN))
        .contains("<p>Nobody attended.</p>", "<p>The agenda is empty.</p>")
        .doesNotContain("<table>");
  }
}
