package eu.smek.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.infrastructure.FileRejectedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;

class SignedPdfTest {

  private static byte[] unsigned() throws IOException {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] signedBy(byte[] pdf, String signer, String at) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(signer);
      signature.setLocation("Snina");
      signature.setReason("Vyhlásenie o pristúpení");
      signature.setSignDate(GregorianCalendar.from(ZonedDateTime.parse(at)));
      document.addSignature(signature, content -> new byte[] {0x30, 0x00});
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      return out.toByteArray();
    }
  }

  @Test
  void readsWhatEachSignatureSaysAboutItself() throws IOException {
    byte[] once =
        signedBy(
            unsigned(), "Ing. Štefan Milovčík", "2026-11-20T10:15:00+01:00[Europe/Bratislava]");
    byte[] twice =
        signedBy(once, "Mgr. Ľubica Nováková", "2026-11-21T09:00:00+01:00[Europe/Bratislava]");

    List<DocumentSignature> signatures = SignedPdf.signatures(twice);

    assertEquals(2, signatures.size());
    DocumentSignature first = signatures.get(0);
    assertEquals("Ing. Štefan Milovčík", first.getSignerName());
    assertEquals(Instant.parse("2026-11-20T09:15:00Z"), first.getSignedAt());
    assertEquals("Vyhlásenie o pristúpení", first.getReason());
    assertEquals("Snina", first.getLocation());
    assertEquals("ETSI.CAdES.detached", first.getSubFilter());
    assertEquals("Mgr. Ľubica Nováková", signatures.get(1).getSignerName());
  }

  @Test
  void aScanSignedOnPaperHasNone() throws IOException {
    assertTrue(SignedPdf.signatures(unsigned()).isEmpty());
  }

  @Test
  void aDamagedPdfIsRefusedWithAMessage() {
    FileRejectedException refused =
        assertThrows(
            FileRejectedException.class,
            () -> SignedPdf.signatures("%PDF-1.7\n garbage".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("file.unreadablePdf", refused.getMessageKey());
  }
}
