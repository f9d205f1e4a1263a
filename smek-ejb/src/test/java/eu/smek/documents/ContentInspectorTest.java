package eu.smek.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smek.infrastructure.FileRejectedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentInspectorTest {

  @TempDir Path dir;

  @Test
  void theTypeComesFromTheContentIncludingOfficeContainers() throws IOException {
    assertThat(ContentInspector.inspect(file(pdf()), "Umowa o współpracy.pdf"))
        .isEqualTo("application/pdf");
    assertThat(ContentInspector.inspect(file(docx()), "Zápisnica.docx"))
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(ContentInspector.inspect(file(docx()), "bez rozszerzenia"))
        .as("no name needed")
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(ContentInspector.inspect(file(bytes("town;members\nKrosno;12\n")), "list.csv"))
        .isEqualTo("text/csv");
    assertThat(ContentInspector.inspect(file(bytes("Zápis zo stretnutia")), "zapis.txt"))
        .isEqualTo("text/plain");
  }

  @Test
  void aFileRenamedToPdfIsRefusedWithItsRealType() throws IOException {
    Path docx = file(docx());
    assertThatThrownBy(() -> ContentInspector.inspect(docx, "umowa.pdf"))
        .isInstanceOf(FileRejectedException.class)
        .hasMessage("file.nameMismatch");
    Path program = file(bytes("MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000PE program"));
    assertThatThrownBy(() -> ContentInspector.inspect(program, "faktura.pdf"))
        .isInstanceOf(FileRejectedException.class)
        .hasMessage("file.typeNotAllowed");
    Path html = file(bytes("<html><script>alert(1)</script></html>"));
    assertThatThrownBy(() -> ContentInspector.inspect(html, "page.html"))
        .hasMessage("file.typeNotAllowed");
  }

  @Test
  void aZipBombIsRefusedBeforeItIsInflatedWhole() throws IOException {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
      zip.putNextEntry(new ZipEntry("zeros.txt"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 64; i++) {
        zip.write(zeros);
      }
    }
    assertThat(bomb.size()).as("64 MiB of zeros packs small").isLessThan(1024 * 1024);
    Path file = file(bomb.toByteArray());
    assertThatThrownBy(() -> ContentInspector.inspect(file, "report.zip"))
        .isInstanceOf(FileRejectedException.class)
        .hasMessage("file.archiveBomb");
  }

  @Test
  void archivesNestedTooDeepAreRefusedAndOrdinaryArchivesAccepted() throws IOException {
    byte[] inner = zip("minutes.txt", bytes("Protokół ze spotkania"));
    assertThat(ContentInspector.inspect(file(zip("inner.zip", inner)), "minutes.zip"))
        .isEqualTo("application/zip");
    byte[] nested = inner;
    for (int depth = 0; depth < ContentInspector.MAXIMUM_DEPTH; depth++) {
      nested = zip("level" + depth + ".zip", nested);
    }
    Path deep = file(nested);
    assertThatThrownBy(() -> ContentInspector.inspect(deep, "deep.zip"))
        .hasMessage("file.archiveBomb");
  }

  private Path file(byte[] content) throws IOException {
    Path file = Files.createTempFile(dir, "upload", ".part");
    Files.write(file, content);
    return file;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(
        StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)
            ? StandardCharsets.ISO_8859_1
            : StandardCharsets.UTF_8);
  }

  private static byte[] zip(String name, byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content);
    }
    return out.toByteArray();
  }

  private static byte[] pdf() throws IOException {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] docx() throws IOException {
    try (XWPFDocument document = new XWPFDocument()) {
      document.createParagraph().createRun().setText("Zápisnica zo zasadnutia");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.write((OutputStream) out);
      return out.toByteArray();
    }
  }
}
