package eu.smek.telesession;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smek.shared.Language;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The minutes' PDF is accessible: tagged, with language, title and embedded fonts. */
class MinutesPdfTest {

  @ParameterizedTest
  @EnumSource(
      value = Language.class,
      names = {"PL", "SK", "EN"})
  void isTaggedWithLanguageTitleAndEmbeddedFonts(Language language) throws IOException {
    String html = MinutesWriter.draft(MinutesWriterTest.facts(), language);
    String title = "Protokół – Zápisnica " + language;
    try (PDDocument pdf = Loader.loadPDF(MinutesPdf.print(html, title, language))) {
      PDDocumentCatalog catalog = pdf.getDocumentCatalog();
      assertThat(catalog.getMarkInfo().isMarked()).isTrue();
      assertThat(catalog.getLanguage()).isEqualTo(language.code());
      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(title);
      assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
      String xmp = new String(catalog.getMetadata().toByteArray(), "UTF-8");
      assertThat(xmp).contains("<dc:title>", title, "<pdfuaid:part>1</pdfuaid:part>");

      PDStructureTreeRoot root = catalog.getStructureTreeRoot();
      assertThat(root).isNotNull();
      assertThat(root.getParentTree()).isNotNull();
      List<String> types = new ArrayList<>();
      collect(root, types);
      assertThat(types)
          .contains("Document", "H1", "H2", "H3", "P", "L", "LI", "LBody", "Table", "TR", "TH")
          .contains("TD");

      for (PDPage page : pdf.getPages()) {
        assertThat(page.getCOSObject().getInt(COSName.STRUCT_PARENTS)).isGreaterThanOrEqualTo(0);
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Ján Kováč", "Gmina Miejska Przemyśl", "1/2027");
    }
  }

  @Test
  void keepsPolishAndSlovakDiacriticsAndSpansPages() throws IOException {
    StringBuilder html = new StringBuilder("<h1>Zażółć gęślą jaźń</h1>");
    for (int i = 0; i < 200; i++) {
      html.append("<p>Ťažký úľ, ôsmy dážď – paragraph ").append(i).append("</p>");
    }
    html.append("<p>emoji \uD83D\uDE00 and a tab\tare dropped or spaced</p>");
    try (PDDocument pdf = Loader.loadPDF(MinutesPdf.print(html.toString(), "T", Language.PL))) {
      assertThat(pdf.getNumberOfPages()).isGreaterThan(3);
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Zażółć gęślą jaźń", "Ťažký úľ, ôsmy dážď – paragraph 199");
      List<String> types = new ArrayList<>();
      collect(pdf.getDocumentCatalog().getStructureTreeRoot(), types);
      assertThat(types.stream().filter("P"::equals).count()).isEqualTo(201);
    }
  }

  @Test
  void hostileMarkupIsNotPrinted() throws IOException {
    String html = "<p>safe</p><script>alert('x')</script><svg><text>svg</text></svg>";
    try (PDDocument pdf = Loader.loadPDF(MinutesPdf.print(html, "T", Language.EN))) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("safe").doesNotContain("alert");
    }
  }

  private static void collect(PDStructureNode node, List<String> types) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement element) {
        types.add(element.getStructureType());
        collect(element, types);
      }
    }
  }
}
