package eu.smek.telesession;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void plainCellsStayAsTheyAre() {
    assertThat(Csv.cell("Mesto Snina")).isEqualTo("Mesto Snina");
    assertThat(Csv.cell("")).isEmpty();
    assertThat(Csv.cell(null)).isEmpty();
    assertThat(Csv.cell("2027-03-19T09:00:00Z")).isEqualTo("2027-03-19T09:00:00Z");
  }

  @Test
  void cellsWithSeparatorsQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
    assertThat(Csv.cell("Jasło, Miasto")).isEqualTo("\"Jasło, Miasto\"");
    assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.cell("one\ntwo")).isEqualTo("\"one\ntwo\"");
    assertThat(Csv.cell("one\r\ntwo")).isEqualTo("\"one\r\ntwo\"");
  }

  @Test
  void formulasAreDefusedWithAnApostrophe() {
    assertThat(Csv.cell("=1+1")).isEqualTo("'=1+1");
    assertThat(Csv.cell("+48 123")).isEqualTo("'+48 123");
    assertThat(Csv.cell("-2")).isEqualTo("'-2");
    assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.cell("=HYPERLINK(\"http://x\",\"y\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    // Only the first character counts.
    assertThat(Csv.cell("a=b")).isEqualTo("a=b");
  }

  @Test
  void rowsEndWithCrLf() {
    assertThat(Csv.of(List.of(List.of("a", "b"), List.of("=c", "d,e"))))
        .isEqualTo("a,b\r\n'=c,\"d,e\"\r\n");
  }
}
