package eu.smek.membership;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smek.shared.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganisationTest {

  @Test
  void theSearchKeyHoldsEveryNameFolded() {
    assertThat(
            Organisation.searchKeyOf(
                "Gmina Miejska Przemyśl", List.of("Town of Przemyśl", "Mesto Přemyšl")))
        .isEqualTo("gmina miejska przemysl town of przemysl mesto premysl");
    assertThat(Organisation.searchKeyOf("Mesto Humenné", List.of())).isEqualTo("mesto humenne");
  }

  @Test
  void aNewOrganisationGetsItsKeyWhenSaved() {
    Organisation town = new Organisation("PP99", "Město Stará Ľubovňa", Country.SK, null);
    town.getTranslatedNames().put(Language.UK, "Стара Любовня");
    town.updateSearchKey();
    assertThat(town).extracting("searchKey").isEqualTo("mesto stara lubovna стара любовня");
  }
}
