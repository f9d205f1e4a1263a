package eu.smek.membership;

import eu.smek.infrastructure.FileRejectedException;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/**
 * Reads what the electronic signatures of a PDF say about themselves (Apache PDFBox): signer, time,
 * reason, location and format. It does not validate them against trusted lists; a scanned
 * declaration signed on paper simply has none.
 */
final class SignedPdf {

  private SignedPdf() {}

  static List<DocumentSignature> signatures(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getSignatureDictionaries().stream().map(SignedPdf::describe).toList();
    } catch (IOException unreadable) {
      throw FileRejectedException.unreadablePdf();
    }
  }

  private static DocumentSignature describe(PDSignature signature) {
    return new DocumentSignature(
        signature.getName(),
        signature.getSignDate() == null ? null : signature.getSignDate().toInstant(),
        signature.getReason(),
        signature.getLocation(),
        signature.getSubFilter());
  }
}
