package eu.smek.documents;

import eu.smek.infrastructure.FileRejectedException;
import eu.smek.infrastructure.FileStore;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Makes the PNG preview of a new version — the first page of a PDF, or the picture itself — at most
 * {@link #SIDE} pixels on either side, after the upload has committed and in the background, so a
 * slow or unreadable file never slows or breaks the upload. Versions of other types get none.
 */
@Stateless
public class DocumentThumbnails {

  private static final Logger LOG = Logger.getLogger(DocumentThumbnails.class.getName());

  /** The longest side of a thumbnail, in pixels. */
  static final int SIDE = 320;

  /**
   * Larger files get no thumbnail: PDFBox may need memory in proportion to a file's structure (a
   * damaged 1 GiB "PDF" filled a 1 GiB heap in the documents benchmark).
   */
  static final long MAXIMUM_BYTES = 64L * 1024 * 1024;

  /** Pages are rendered at no more than this; a thumbnail needs no more detail. */
  static final float MAXIMUM_DPI = 72;

  @PersistenceContext private EntityManager em;
  @Inject private DocumentStorage storage;

  /**
   * Makes the version's thumbnail, in a transaction of its own. A file that cannot be rendered is
   * logged and left without a thumbnail.
   */
  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void make(long versionId) {
    DocumentVersion version = em.find(DocumentVersion.class, versionId);
    if (version == null || version.getThumbnailSha256() != null) {
      return;
    }
    Optional<String> made = sameContentsThumbnail(version.getSha256());
    if (made.isEmpty()) {
      made = render(version).map(this::store);
    }
    // Only this column: writing the whole version would put back the approval state read before
    // rendering, undoing an approval round submitted meanwhile.
    made.ifPresent(
        sha256 ->
            em.createQuery(
                    "update DocumentVersion v set v.thumbnailSha256 = :sha256 where v.id = :id")
                .setParameter("sha256", sha256)
                .setParameter("id", versionId)
                .executeUpdate());
  }

  /** A restored version, or the same file uploaded again, has its thumbnail already. */
  private Optional<String> sameContentsThumbnail(String sha256) {
    return em.createQuery(
            "select v.thumbnailSha256 from DocumentVersion v"
                + " where v.sha256 = :sha256 and v.thumbnailSha256 is not null",
            String.class)
        .setParameter("sha256", sha256)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private Optional<BufferedImage> render(DocumentVersion version) {
    Path file = storage.blobs().pathOf(version.getSha256());
    String type = version.getContentType();
    if (version.getSize() > MAXIMUM_BYTES) {
      LOG.log(Level.INFO, "No thumbnail for document version {0}: too large", version.getId());
      return Optional.empty();
    }
    try {
      if (type.equals("application/pdf")) {
        return firstPage(file);
      }
      if (type.startsWith("image/")) {
        return Optional.of(picture(file));
      }
      return Optional.empty();
    } catch (FileRejectedException refused) {
      LOG.log(
          Level.INFO,
          "No thumbnail for document version {0} ({1}): {2}",
          new Object[] {version.getId(), type, refused.getMessageKey()});
    } catch (IOException | RuntimeException unreadable) {
      // PDFBox and the image readers answer a malformed file with all kinds of runtime
      // exceptions; whatever it was, the document stays as uploaded, only without a preview.
      LOG.log(
          Level.WARNING,
          "No thumbnail for document version " + version.getId() + " (" + type + ")",
          unreadable);
    }
    return Optional.empty();
  }

  /**
   * The first page at a resolution that gives the thumbnail's size: whatever the page's size, the
   * picture stays small. PDFBox buffers what it must in temporary files, not on the heap.
   */
  private static Optional<BufferedImage> firstPage(Path file) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
      if (pdf.getNumberOfPages() == 0) {
        return Optional.empty();
      }
      PDRectangle page = pdf.getPage(0).getCropBox();
      float longest = Math.max(1, Math.max(page.getWidth(), page.getHeight()));
      float dpi = Math.min(MAXIMUM_DPI, SIDE * 72f / longest);
      PDFRenderer renderer = new PDFRenderer(pdf);
      renderer.setSubsamplingAllowed(true);
      return Optional.of(renderer.renderImageWithDPI(0, dpi, ImageType.RGB));
    }
  }

  /** The picture as the membership register's photos are read: huge pictures are refused. */
  private static BufferedImage picture(Path file) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      return FileStore.decode(in, SIDE);
    }
  }

  private String store(BufferedImage image) {
    byte[] png = FileStore.png(FileStore.shrink(image, SIDE));
    return storage.blobs().store(new ByteArrayInputStream(png), png.length).sha256();
  }
}
