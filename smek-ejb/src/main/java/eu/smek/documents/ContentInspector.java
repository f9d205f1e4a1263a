package eu.smek.documents;

import eu.smek.infrastructure.FileRejectedException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * Decides whether an uploaded file may enter a library: its type is found from its bytes (Apache
 * Tika, with the container detectors that tell a DOCX from a ZIP) and must be on the allow-list; a
 * name that claims another accepted type is refused, so nobody downloads a "PDF" that is not one;
 * and archives (also Office and ODF files, which are ZIP inside) are inflated once, with limits, so
 * that a small decompression bomb cannot take the server down later when it is indexed.
 */
final class ContentInspector {

  /** PDF (also PDF/A), ODF, Office, images, text, CSV and ZIP. */
  static final Set<String> ACCEPTED =
      Set.of(
          "application/pdf",
          "application/vnd.oasis.opendocument.text",
          "application/vnd.oasis.opendocument.spreadsheet",
          "application/vnd.oasis.opendocument.presentation",
          "application/vnd.oasis.opendocument.graphics",
          "application/msword",
          "application/vnd.ms-excel",
          "application/vnd.ms-powerpoint",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "application/vnd.openxmlformats-officedocument.presentationml.presentation",
          "application/rtf",
          "image/png",
          "image/jpeg",
          "image/gif",
          "image/webp",
          "image/tiff",
          "text/plain",
          "text/csv",
          "application/zip");

  /** Archives may inflate to this many times their size, and to 20 MiB whatever their size. */
  static final long MAXIMUM_RATIO = 100;

  static final long RATIO_FREE_BYTES = 20L * 1024 * 1024;

  static final int MAXIMUM_ENTRIES = 10_000;

  /** Archives inside archives are followed this deep. */
  static final int MAXIMUM_DEPTH = 4;

  private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

  private ContentInspector() {}

  /**
   * The accepted media type of the file, or {@link FileRejectedException} saying why it is not
   * accepted.
   */
  static String inspect(Path file, String name) {
    String content = detect(file, null);
    String claimed = detect(null, name);
    if (content.equals("text/plain") && claimed.equals("text/csv")) {
      content = claimed; // CSV has no signature; its name is all there is.
    }
    if (!ACCEPTED.contains(content)) {
      throw FileRejectedException.typeNotAllowed(content);
    }
    if (ACCEPTED.contains(claimed) && !claimed.equals(content)) {
      throw FileRejectedException.nameMismatch(name, content);
    }
    if (isZip(file)) {
      checkInflatedSize(file);
    }
    return content;
  }

  private static String detect(Path file, String name) {
    Metadata metadata = new Metadata();
    if (name != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    try (TikaInputStream in = file == null ? null : TikaInputStream.get(file)) {
      MediaType type = DETECTOR.detect(in, metadata);
      return type.getBaseType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isZip(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Inflates the archive, and the archives in it, counting bytes; stops at the first excess. */
  static void checkInflatedSize(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      long limit = Math.max(RATIO_FREE_BYTES, Files.size(file) * MAXIMUM_RATIO);
      new Inflation(limit).read(in, 0);
    } catch (ZipException | IllegalArgumentException damaged) {
      throw FileRejectedException.unreadableArchive();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Inflation {
    private final long limit;
    private final byte[] buffer = new byte[64 * 1024];
    private long inflated;
    private int entries;

    Inflation(long limit) {
      this.limit = limit;
    }

    void read(InputStream in, int depth) throws IOException {
      ZipInputStream zip = new ZipInputStream(in);
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        if (++entries > MAXIMUM_ENTRIES) {
          throw FileRejectedException.archiveBomb();
        }
        BufferedInputStream content = new BufferedInputStream(new Counting(zip), 8);
        content.mark(4);
        byte[] magic = content.readNBytes(4);
        content.reset();
        if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3) {
          if (depth + 1 >= MAXIMUM_DEPTH) {
            throw FileRejectedException.archiveBomb();
          }
          read(content, depth + 1);
        } else {
          while (content.read(buffer) != -1) {
            // counted by Counting
          }
        }
      }
    }

    /** Counts what the entry inflates to, refusing as soon as the total passes the limit. */
    private final class Counting extends java.io.FilterInputStream {
      Counting(InputStream in) {
        super(in);
      }

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b != -1) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] bytes, int offset, int length) throws IOException {
        int read = super.read(bytes, offset, length);
        if (read > 0) {
          count(read);
        }
        return read;
      }

      @Override
      public void close() {
        // The entry, not the archive: the enclosing loop goes on to the next entry.
      }

      private void count(int bytes) {
        inflated += bytes;
        if (inflated > limit) {
          throw FileRejectedException.archiveBomb();
        }
      }
    }
  }
}
