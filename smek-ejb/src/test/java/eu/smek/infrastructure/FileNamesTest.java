package eu.smek.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Uchwała Rady Miasta Przemyśl.pdf|Uchwała Rady Miasta Przemyśl.pdf",
        "Uznesenie mesta Humenné č. 5.pdf|Uznesenie mesta Humenné č. 5.pdf",
        "Рішення міської ради Ужгород.pdf|Рішення міської ради Ужгород.pdf",
        "Umowa – Przemyśl, 2026.pdf|Umowa – Przemyśl, 2026.pdf",
        "../../etc/passwd|passwd",
        "C:\\Users\\anna\\Desktop\\deklaracja.pdf|deklaracja.pdf",
        "..hidden.pdf|hidden.pdf",
        "<script>alert(1)</script>.pdf|script.pdf",
        "name\"; filename=evil.exe|name filenameevil.exe"
      })
  void keepsLettersOfEveryLanguageAndNothingDangerous(String submitted, String clean) {
    assertThat(FileNames.clean(submitted)).isEqualTo(clean);
  }

  @Test
  void controlCharactersAndRunsOfSpaceGo() {
    assertThat(FileNames.clean("a\r\nb\u0000c\u202e.pdf")).isEqualTo("abc.pdf");
    assertThat(FileNames.clean("  lots   of   space.pdf  ")).isEqualTo("lots of space.pdf");
  }

  @Test
  void nothingUsableBecomesFile() {
    assertThat(FileNames.clean(null)).isEqualTo("file");
    assertThat(FileNames.clean("/")).isEqualTo("file");
    assertThat(FileNames.clean("...")).isEqualTo("file");
  }

  @Test
  void longNamesKeepTheirExtension() {
    String clean = FileNames.clean("a".repeat(500) + ".pdf");
    assertThat(clean).hasSize(FileNames.MAXIMUM_LENGTH).endsWith(".pdf");
  }
}
