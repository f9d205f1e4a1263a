package eu.smek.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ContentDispositionTest {

  /** RFC 8187: what filename* may hold unencoded. */
  private static final Pattern EXT_VALUE =
      Pattern.compile("UTF-8''(%[0-9A-F]{2}|[A-Za-z0-9!#$&+.^_`|~-])*");

  @Test
  void namesOfTheNetworkKeepTheirLettersInBothForms() {
    assertThat(ContentDisposition.attachment("Uchwała Rady Miasta Przemyśl.pdf"))
        .isEqualTo(
            "attachment; filename=\"Uchwala Rady Miasta Przemysl.pdf\";"
                + " filename*=UTF-8''Uchwa%C5%82a%20Rady%20Miasta%20Przemy%C5%9Bl.pdf");
    assertThat(ContentDisposition.inline("Deklarácia prístupu – Stropkov.pdf"))
        .isEqualTo(
            "inline; filename=\"Deklaracia pristupu - Stropkov.pdf\";"
                + " filename*=UTF-8''Deklar%C3%A1cia%20pr%C3%ADstupu%20%E2%80%93%20Stropkov.pdf");
    assertThat(ContentDisposition.attachment("Ужгород.vcf"))
        .isEqualTo(
            "attachment; filename=\"_______.vcf\";"
                + " filename*=UTF-8''%D0%A3%D0%B6%D0%B3%D0%BE%D1%80%D0%BE%D0%B4.vcf");
  }

  @Test
  void hostileNamesCannotBreakOutOfTheHeader() {
    for (String hostile :
        List.of(
            "a\"; filename=\"evil.exe",
            "report.pdf\r\nSet-Cookie: session=stolen",
            "../../etc/passwd",
            "100% *final* it's.pdf",
            "C:\\Windows\\system32\\cmd.exe")) {
      String header = ContentDisposition.attachment(hostile);
      assertThat(header).doesNotContain("\r", "\n");
      String plain = header.substring("attachment; filename=\"".length(), header.indexOf("\"; "));
      assertThat(plain).matches("[A-Za-z0-9._ ()-]+");
      assertThat(header.substring(header.indexOf("filename*=") + "filename*=".length()))
          .matches(EXT_VALUE);
    }
  }

  @Test
  void aMissingNameBecomesDownload() {
    assertThat(ContentDisposition.attachment(" "))
        .isEqualTo("attachment; filename=\"download\"; filename*=UTF-8''download");
    assertThat(ContentDisposition.attachment(null)).startsWith("attachment; filename=\"download\"");
  }
}
