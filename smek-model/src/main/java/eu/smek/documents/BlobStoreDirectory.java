package eu.smek.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The directory of the blob store and whether it can take uploads. It lives in the EAR's lib, apart
 * from the store itself (the EJB module's {@code BlobStore}), because the readiness check must live
 * there too (see {@code eu.smek.operations}).
 *
 * @param root the store's directory, which every node of a cluster reaches at the same path
 */
public record BlobStoreDirectory(Path root) {

  private static final long MIB = 1024 * 1024;

  /**
   * The directory set by {@code smek.documents.dir} (07-documents.cli), by default {@code
   * documents} in the server's data directory.
   */
  public static BlobStoreDirectory configured() {
    String dataDir = System.getProperty("jboss.server.data.dir", "target");
    return new BlobStoreDirectory(
        Path.of(System.getProperty("smek.documents.dir", dataDir + "/documents"))
            .toAbsolutePath()
            .normalize());
  }

  /** Where every upload starts before it is renamed into place. */
  public Path incoming() {
    return root.resolve("incoming");
  }

  /**
   * Whether the store can take uploads now: its directory is there (never created here: a missing
   * directory may be a share that is not mounted, and writing into the mount point would hide
   * that), a file can be written and removed in {@code incoming}, and its file system has at least
   * {@code minimumFreeBytes} free. Returns the problem, or empty.
   */
  public Optional<String> problem(long minimumFreeBytes) {
    if (!Files.isDirectory(root)) {
      return Optional.of("missing: " + root);
    }
    try {
      Path probe = Files.createTempFile(incoming(), "readiness-", ".probe");
      try {
        Files.write(probe, new byte[] {1});
      } finally {
        Files.delete(probe);
      }
    } catch (IOException | SecurityException e) {
      return Optional.of("not writable: " + incoming() + " (" + e + ")");
    }
    long free = freeBytes();
    if (free < minimumFreeBytes) {
      return Optional.of(
          "low on space: " + free / MIB + " MiB free, at least " + minimumFreeBytes / MIB + " MiB");
    }
    return Optional.empty();
  }

  /** The space left on the store's file system for this process. */
  public long freeBytes() {
    try {
      return Files.getFileStore(root).getUsableSpace();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
