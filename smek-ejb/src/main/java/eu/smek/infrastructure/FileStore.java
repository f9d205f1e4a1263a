package eu.smek.infrastructure;

import eu.smek.security.AccountPrincipal;
import eu.smek.security.Subjects;
import eu.smek.shared.StoredFile;
import eu.smek.shared.StoredFileContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.Tika;

/**
 * Keeps uploaded files in the database (see {@link StoredFile}), in the calling service's
 * transaction. The type is found from the bytes (Apache Tika) and checked against what the caller
 * accepts; images are decoded, shrunk and re-encoded as PNG, so no foreign content is kept.
 */
@ApplicationScoped
public class FileStore {

  public static final Set<String> PDF = Set.of("application/pdf");
  public static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif");

  /** Membership documents: decisions, resolutions and signed declarations. */
  public static final long DOCUMENT_LIMIT = 10L * 1024 * 1024;

  public static final long IMAGE_LIMIT = 2L * 1024 * 1024;

  /** Larger pictures are refused before they are decoded (8000 × 8000 × 4 bytes = 256 MB). */
  static final int MAXIMUM_IMAGE_SIDE = 8000;

  private static final Tika TIKA = new Tika();

  @PersistenceContext private EntityManager em;

  /** Stores a file after checking its size and its real type. */
  public StoredFile store(Upload upload, Set<String> acceptedTypes, long maximumBytes) {
    byte[] content = checkSize(upload, maximumBytes);
    String type = TIKA.detect(content, FileNames.clean(upload.name()));
    if (!acceptedTypes.contains(type)) {
      throw FileRejectedException.typeNotAllowed(type);
    }
    return persist(FileNames.clean(upload.name()), type, content);
  }

  /**
   * Stores an image, decoded and re-encoded as a PNG no larger than {@code maximumSide} pixels on
   * either side: what is kept is pixels, never the uploaded file with whatever else it carried.
   */
  public StoredFile storeImage(Upload upload, int maximumSide) {
    byte[] content = checkSize(upload, IMAGE_LIMIT);
    if (!IMAGES.contains(TIKA.detect(content))) {
      throw FileRejectedException.typeNotAllowed(TIKA.detect(content));
    }
    byte[] png = png(shrink(decode(content), maximumSide));
    String name = FileNames.clean(upload.name()).replaceAll("\\.[^.]*$", "") + ".png";
    return persist(name, "image/png", png);
  }

  /**
   * Decodes an image after reading only its header: a small file may declare a huge picture (a
   * decompression bomb) that would fill the heap when decoded.
   */
  static BufferedImage decode(byte[] content) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      return decode(in, MAXIMUM_IMAGE_SIDE);
    } catch (IOException unreadable) {
      throw FileRejectedException.unreadableImage();
    }
  }

  /**
   * Decodes a picture from a stream (also a file on disk) after reading only its header, refusing
   * one larger than {@link #MAXIMUM_IMAGE_SIDE}. A picture much larger than {@code wantedSide} is
   * read with only every n-th pixel, so that a thumbnail of a big picture takes little memory.
   */
  public static BufferedImage decode(ImageInputStream in, int wantedSide) {
    try {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw FileRejectedException.unreadableImage();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int side = Math.max(reader.getWidth(0), reader.getHeight(0));
        if (side > MAXIMUM_IMAGE_SIDE) {
          throw FileRejectedException.tooManyPixels(MAXIMUM_IMAGE_SIDE);
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, side / (2 * wantedSide));
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage image = reader.read(0, param);
        if (image.getWidth() < 1 || image.getHeight() < 1) {
          throw FileRejectedException.unreadableImage();
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException unreadable) {
      if (unreadable instanceof FileRejectedException rejected) {
        throw rejected;
      }
      throw FileRejectedException.unreadableImage();
    }
  }

  /** Deletes a file that nothing refers to any more. */
  public void delete(StoredFile file) {
    em.remove(em.find(StoredFileContent.class, file.getId()));
    em.remove(em.contains(file) ? file : em.merge(file));
  }

  public byte[] read(StoredFile file) {
    return em.find(StoredFileContent.class, file.getId()).getData();
  }

  private StoredFile persist(String name, String type, byte[] content) {
    StoredFile file =
        new StoredFile(
            name,
            type,
            content.length,
            sha256(content),
            Subjects.principal().map(AccountPrincipal::login).orElse(null));
    em.persist(file);
    em.persist(new StoredFileContent(file, content));
    return file;
  }

  /** The upload's bytes, if it is neither empty nor larger than allowed. */
  private static byte[] checkSize(Upload upload, long maximumBytes) {
    if (upload.size() > maximumBytes || upload.content() == null) {
      throw FileRejectedException.tooLarge(maximumBytes);
    }
    if (upload.content().length == 0) {
      throw FileRejectedException.empty();
    }
    return upload.content();
  }

  /** The picture, made smaller if either side is longer than {@code maximumSide}. */
  public static BufferedImage shrink(BufferedImage image, int maximumSide) {
    double scale =
        Math.min(1.0, (double) maximumSide / Math.max(image.getWidth(), image.getHeight()));
    int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    result
        .createGraphics()
        .drawImage(image.getScaledInstance(width, height, Image.SCALE_SMOOTH), 0, 0, null);
    return result;
  }

  public static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
