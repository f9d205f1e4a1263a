package eu.smek.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchKeysTest {

  @Test
  void foldingDropsDiacriticsOfEveryLanguageOfTheNetwork() {
    assertThat(SearchKeys.fold("Przemyśl")).isEqualTo("przemysl");
    assertThat(SearchKeys.fold("Łańcut  Żółć")).isEqualTo("lancut zolc");
    assertThat(SearchKeys.fold("Humenné Ďurčo Ľubica")).isEqualTo("humenne durco lubica");
    assertThat(SearchKeys.fold("Nyíregyháza Győr")).isEqualTo("nyiregyhaza gyor");
    assertThat(SearchKeys.fold("Brașov Țară")).isEqualTo("brasov tara");
    assertThat(SearchKeys.fold("Ужгород")).isEqualTo("ужгород");
    assertThat(SearchKeys.fold(null)).isEmpty();
  }
}
