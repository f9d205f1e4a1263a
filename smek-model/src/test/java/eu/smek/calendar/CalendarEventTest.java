package eu.smek.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smek.shared.Language;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CalendarEventTest {

  private static final EventCalendar TOWN =
      new EventCalendar(new SpaceRef(SpaceType.ORGANISATION, 4));

  @Test
  void membersSeeEverythingSignedInUsersWhatIsOpenToTheNetworkVisitorsWhatIsPublic() {
    assertThat(EventCalendar.visibleTo(true, true))
        .containsExactlyInAnyOrder(Visibility.PRIVATE, Visibility.NETWORK, Visibility.PUBLIC);
    assertThat(EventCalendar.visibleTo(false, true))
        .containsExactlyInAnyOrder(Visibility.NETWORK, Visibility.PUBLIC);
    assertThat(EventCalendar.visibleTo(false, false)).containsExactly(Visibility.PUBLIC);
  }

  @Test
  void anOverriddenOccurrenceSharesTheUidAndKeepsTheLength() {
    CalendarEvent series = meeting();

    CalendarEvent occurrence = series.overrideOccurrence(LocalDateTime.parse("2026-03-26T10:00"));

    assertThat(occurrence.getUid()).isEqualTo(series.getUid());
    assertThat(occurrence.getMaster()).isSameAs(series);
    assertThat(occurrence.isOverride()).isTrue();
    assertThat(occurrence.isRecurring()).isFalse();
    assertThat(occurrence.getRrule()).isNull();
    assertThat(occurrence.getRecurrenceId()).isEqualTo("2026-03-26T10:00");
    assertThat(occurrence.getEnd()).isEqualTo("2026-03-26T11:30");
    assertThat(occurrence.getCategories()).containsExactly("rada");
  }

  @Test
  void aSplitSeriesGetsANewUid() {
    CalendarEvent series = meeting();

    CalendarEvent next = series.copyAsNewSeries();

    assertThat(next.getUid()).isNotEqualTo(series.getUid()).endsWith("@smek-int");
    assertThat(next.getRrule()).isEqualTo(series.getRrule());
    assertThat(next.isRecurring()).isTrue();
  }

  @Test
  void everyChangeRaisesTheSequence() {
    CalendarEvent series = meeting();
    int before = series.getSequence();
    Instant at = Instant.parse("2026-03-20T08:00:00Z");

    series.changed("jan", at);
    series.changed("eva", at);

    assertThat(series.getSequence()).isEqualTo(before + 2);
    assertThat(series.getUpdatedBy()).isEqualTo("eva");
    assertThat(series.getUpdatedAt()).isEqualTo(at);
  }

  @Test
  void titlesAreShownInTheReadersLanguageWhenTheEventHasOne() {
    CalendarEvent series = meeting();
    series.setLanguage(Language.PL);
    series.setDescription("Porządek obrad");
    series.getTranslations().put(Language.SK, new EventText("Rada siete", "Program"));

    assertThat(series.titleIn(Language.SK)).isEqualTo("Rada siete");
    assertThat(series.descriptionIn(Language.SK)).isEqualTo("Program");
    assertThat(series.titleIn(Language.EN)).isEqualTo("Rada sieci");
    assertThat(series.descriptionIn(Language.EN)).isEqualTo("Porządek obrad");
  }

  @Test
  void categoriesAreTrimmedInLowerCaseWithoutDuplicates() {
    CalendarEvent series = meeting();

    series.setCategories(Set.of(" Rada ", "RADA", "Turystyka", "  "));

    assertThat(series.getCategories()).containsExactly("rada", "turystyka");
  }

  private static CalendarEvent meeting() {
    CalendarEvent series = new CalendarEvent(TOWN, "Rada sieci");
    series.setTimes(
        false,
        LocalDateTime.parse("2026-03-19T10:00"),
        LocalDateTime.parse("2026-03-19T11:30"),
        "Europe/Warsaw");
    series.setRrule("FREQ=WEEKLY");
    series.setCategories(Set.of("Rada"));
    return series;
  }
}
