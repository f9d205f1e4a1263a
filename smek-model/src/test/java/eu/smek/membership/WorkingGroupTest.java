package eu.smek.membership;

import static eu.smek.membership.WorkingGroupStatus.ACTIVE;
import static eu.smek.membership.WorkingGroupStatus.CLOSED;
import static eu.smek.membership.WorkingGroupStatus.PAUSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smek.shared.Language;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A working group's names and descriptions per language, and how its status may change. */
class WorkingGroupTest {

  private static final Set<String> ALLOWED =
      Set.of("ACTIVE>PAUSED", "ACTIVE>CLOSED", "PAUSED>ACTIVE", "PAUSED>CLOSED", "CLOSED>ACTIVE");

  static Stream<Arguments> everyPair() {
    return EnumSet.allOf(WorkingGroupStatus.class).stream()
        .flatMap(
            from ->
                EnumSet.allOf(WorkingGroupStatus.class).stream().map(to -> Arguments.of(from, to)));
  }

  @ParameterizedTest(name = "{0} to {1}")
  @MethodSource("everyPair")
  void exactlyTheAllowedStatusChangesAreAllowed(WorkingGroupStatus from, WorkingGroupStatus to) {
    assertThat(from.allows(to)).isEqualTo(ALLOWED.contains(from + ">" + to));
    assertThat(from.next().contains(to)).isEqualTo(from.allows(to));
  }

  @Test
  void aClosedGroupCanOnlyBeReopenedAndNothingStaysWhereItIs() {
    assertThat(CLOSED.next()).containsExactly(ACTIVE);
    for (WorkingGroupStatus status : WorkingGroupStatus.values()) {
      assertThat(status.allows(status)).as(status.name()).isFalse();
    }
    assertThat(PAUSED.messageKey()).isEqualTo("membership.workingGroupStatus.PAUSED");
  }

  @Test
  void theNameInTheReadersLanguageFallsBackToEnglishThenPolishThenSlovak() {
    WorkingGroup group = new WorkingGroup(Topic.TOURISM);
    group.setName(Language.SK, "Cezhraničný cestovný ruch");
    assertThat(group.nameIn(Language.PL)).isEqualTo("Cezhraničný cestovný ruch");
    assertThat(group.nameLanguage(Language.PL)).isEqualTo(Language.SK);

    group.setName(Language.PL, "Turystyka transgraniczna");
    assertThat(group.nameIn(Language.UK)).isEqualTo("Turystyka transgraniczna");
    assertThat(group.nameIn(Language.SK)).isEqualTo("Cezhraničný cestovný ruch");

    group.setName(Language.EN, "Cross-border tourism");
    assertThat(group.nameIn(Language.HU)).isEqualTo("Cross-border tourism");
    assertThat(group.getName()).isEqualTo("Cross-border tourism");
    assertThat(group.nameLanguage(Language.PL)).isEqualTo(Language.PL);
  }

  @Test
  void blankTextsAreRemovedAndOthersStripped() {
    WorkingGroup group = new WorkingGroup(Topic.CULTURE);
    group.setName(Language.PL, "  Kultura  ");
    group.setDescription(Language.PL, " Festiwale i wymiana artystów ");
    assertThat(group.getNames()).containsEntry(Language.PL, "Kultura");
    assertThat(group.descriptionIn(Language.SK)).isEqualTo("Festiwale i wymiana artystów");
    assertThat(group.descriptionLanguage(Language.SK)).isEqualTo(Language.PL);

    group.setName(Language.PL, "   ");
    group.setDescription(Language.PL, null);
    assertThat(group.getNames()).isEmpty();
    assertThat(group.nameIn(Language.PL)).isEmpty();
    assertThat(group.nameLanguage(Language.HU)).isEqualTo(Language.HU);
    assertThat(group.descriptionIn(Language.PL)).isEmpty();
    assertThatThrownBy(() -> group.getNames().put(Language.EN, "bypassing the search key"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theSearchKeyHoldsEveryNameWithoutDiacritics() throws Exception {
    WorkingGroup group = new WorkingGroup(Topic.TRANSPORT);
    group.setName(Language.PL, "Transport publiczny Łańcut–Humenné");
    group.setName(Language.SK, "Verejná doprava");
    var key = WorkingGroup.class.getDeclaredField("searchKey");
    key.setAccessible(true);
    assertThat((String) key.get(group))
        .contains("transport publiczny lancut–humenne")
        .contains("verejna doprava");
  }

  @Test
  void aGroupIsASpaceOfItsOwnKind() throws Exception {
    WorkingGroup group = new WorkingGroup(Topic.TOURISM);
    var id = WorkingGroup.class.getDeclaredField("id");
    id.setAccessible(true);
    id.set(group, 7L);
    assertThat(group.toSpaceRef()).isEqualTo(new SpaceRef(SpaceType.WORKING_GROUP, 7));
    assertThat(group.toSpaceRef()).hasToString("working-group:7");
  }
}
