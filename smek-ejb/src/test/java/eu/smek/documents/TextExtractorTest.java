package eu.smek.documents;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smek.documents.DocumentText.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** The text inside files is read within limits: long texts are cut, bombs refused. */
class TextExtractorTest {

  private static TextExtractor.Extracted extract(byte[] file, String type) {
    return new TextExtractor().extract(new ByteArrayInputStream(file), file.length, type);
  }

  @Test
  void aFileOverTheLimitIsNotParsedAtAll() {
    InputStream unread =
        new InputStream() {
          @Override
          public int read() {
            throw new AssertionError("a file over the limit must not be read");
          }
        };
    TextExtractor.Extracted extracted =
        new TextExtractor().extract(unread, TextExtractor.MAXIMUM_BYTES + 1, "application/pdf");
    assertThat(extracted.outcome()).isEqualTo(DocumentText.Outcome.TOO_LARGE);
    assertThat(extracted.text()).isNull();
  }

  @Test
  void plainTextIsReadWhole() {
    TextExtractor.Extracted text =
        extract("Umowa o współpracy".getBytes(StandardCharsets.UTF_8), "text/plain");
    assertThat(text.outcome()).isEqualTo(Outcome.COMPLETE);
    assertThat(text.text()).isEqualTo("Umowa o współpracy");
  }

  @Test
  void pdfWordAndExcelTextsAreRead() throws IOException {
    assertThat(extract(pdf("Harmonogram spotkan"), "application/pdf").text())
        .contains("Harmonogram spotkan");
    assertThat(
            extract(
                    docx("Sprawozdanie z realizacji"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .text())
        .contains("Sprawozdanie z realizacji");
    assertThat(
            extract(
                    xlsx("Koszty podróży"),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .text())
        .contains("Koszty podróży");
  }

  @Test
  void aLongTextIsCutAtTheLimit() {
    String words = "słowo ".repeat(1000);
    TextExtractor.Extracted text =
        new TextExtractor(2000)
            .extract(
                new ByteArrayInputStream(words.getBytes(StandardCharsets.UTF_8)),
                words.length(),
                "text/plain");
    assertThat(text.outcome()).isEqualTo(Outcome.TRUNCATED);
    assertThat(text.text()).hasSizeLessThanOrEqualTo(2000).startsWith("słowo słowo");
  }

  @Test
  void aWordFileThatInflatesToFarMoreTextIsRefused() throws IOException {
    byte[] bomb = withBigText(docx("x"), "word/document.xml", "<w:t>x</w:t>");
    assertThat(bomb.length).as("tens of megabytes of text pack small").isLessThan(200_000);

    TextExtractor.Extracted text =
        extract(bomb, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    assertThat(text.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(text.text()).isNull();
  }

  @Test
  void anOpenDocumentThatInflatesToFarMoreTextIsRefused() throws IOException {
    byte[] bomb = odt("a".repeat(5_000_000));
    assertThat((long) bomb.length).isLessThan(TextExtractor.RATIO_FREE_CHARACTERS / 100);

    TextExtractor.Extracted text = extract(bomb, "application/vnd.oasis.opendocument.text");

    assertThat(text.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(text.text()).isNull();
  }

  @Test
  void aDamagedFileHasNoText() {
    TextExtractor.Extracted text =
        extract("%PDF-1.4 not really".getBytes(StandardCharsets.ISO_8859_1), "application/pdf");
    assertThat(text.outcome()).isIn(Outcome.REFUSED, Outcome.NONE);
    assertThat(text.text()).isNull();
  }

  @Test
  void nulCharactersAreDropped() {
    TextExtractor.Extracted text =
        extract("a\u0000b".getBytes(StandardCharsets.UTF_8), "text/plain");
    assertThat(text.text()).doesNotContain("\u0000");
  }

  static byte[] pdf(String text) throws IOException {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 720);
        content.showText(text);
        content.endText();
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  static byte[] docx(String text) throws IOException {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText(text);
      document.write(out);
      return out.toByteArray();
    }
  }

  static byte[] xlsx(String text) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.createSheet("Arkusz").createRow(0).createCell(0).setCellValue(text);
      workbook.write(out);
      return out.toByteArray();
    }
  }

  /** The file with one entry's {@code marker} replaced by 20 million characters of text. */
  private static byte[] withBigText(byte[] zip, String entry, String marker) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream copy = new ZipOutputStream(out)) {
      for (ZipEntry each; (each = in.getNextEntry()) != null; ) {
        byte[] content = in.readAllBytes();
        if (each.getName().equals(entry)) {
          String xml = new String(content, StandardCharsets.UTF_8);
          content =
              xml.replace(marker, "<w:t>" + "x".repeat(20_000_000) + "</w:t>")
                  .getBytes(StandardCharsets.UTF_8);
        }
        copy.putNextEntry(new ZipEntry(each.getName()));
        copy.write(content);
        copy.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** A minimal OpenDocument text with the given paragraph. */
  private static byte[] odt(String paragraph) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry mimetype = new ZipEntry("mimetype");
      zip.putNextEntry(mimetype);
      zip.write("application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(
          ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                  + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                  + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                  + " office:version=\"1.2\"><office:body><office:text><text:p>"
                  + paragraph
                  + "</text:p></office:text></office:body></office:document-content>")
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
