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

  @Test
  void everyCalendarColourCarriesWhiteTextAtAaContrast() {
    for (String colour : EventCalendar.PALETTE) {
      double contrast = 1.05 / (luminance(colour) + 0.05);
      assertThat(contrast).as(colour).isGreaterThanOrEqualTo(4.5);
    }
    assertThat(EventCalendar.PALETTE).doesNotHaveDuplicates();
  }

  @Test
  void calendarsOfDifferentSpacesTendToGetDifferentColours() {
    Set<String> colours = new java.util.HashSet<>();
    for (long id = 1; id <= 10; id++) {
      colours.add(new EventCalendar(new SpaceRef(SpaceType.ORGANISATION, id)).getColour());
    }
    assertThat(colours).hasSize(EventCalendar.PALETTE.size());
  }

  /** WCAG 2.1's relative luminance of an sRGB colour such as #1f6fb2. */
  private static double luminance(String colour) {
    double sum = 0;
    double[] weights = {0.2126, 0.7152, 0.0722};
    for (int i = 0; i < 3; i++) {
      double channel = Integer.parseInt(colour.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      double linear =
          channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
      sum += weights[i] * linear;
    }
    return sum;
  }
}
