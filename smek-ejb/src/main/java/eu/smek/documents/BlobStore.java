package eu.smek.documents;

import eu.smek.infrastructure.FileRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The content of documents: files on disk named by the SHA-256 of their bytes, so that identical
 * content is kept once, under {@code root/ab/cd/abcd…}. Content is streamed through a fixed buffer
 * in both directions, never held in memory whole. Beside each blob lie its {@link ChunkChecksums},
 * which every read checks; {@link #verify} checks the SHA-256 itself.
 *
 * <p>Every node of a cluster may point at the same directory. A blob is first written to {@code
 * root/incoming} and then renamed into place in one atomic step on the same file system, so a
 * reader on any node sees a whole blob or none, and two nodes storing the same content at once both
 * succeed. Whatever an interrupted upload left in {@code incoming} is removed at once or, if the
 * node died, by {@link #deleteOrphans}.
 */
public final class BlobStore {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final int BUFFER = 64 * 1024;

  /**
   * The file that {@code backup.sh} (wildfly-config/src/main/scripts) keeps in the store's root
   * while it copies the blobs its database dump refers to; see {@link #deleteOrphans}.
   */
  public static final String BACKUP_MARKER = "backup-in-progress";

  /**
   * How long a marker holds without being touched again. The backup touches it every few minutes,
   * so only a backup that died leaves one this old, and it then holds the clean-up back no longer.
   */
  static final Duration BACKUP_MARKER_LIFETIME = Duration.ofHours(1);

  private final Path root;
  private final Path incoming;
  private final BlobStoreDirectory directory;
  private final Clock clock;

  public BlobStore(Path root) {
    this(root, Clock.systemUTC());
  }

  BlobStore(Path root, Clock clock) {
    this.root = root.toAbsolutePath().normalize();
    this.directory = new BlobStoreDirectory(this.root);
    this.incoming = directory.incoming();
    this.clock = clock;
    try {
      Files.createDirectories(incoming);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the blob store at " + this.root, e);
    }
  }

  /**
   * What was stored: the content's SHA-256 in lower-case hex, its size in bytes, and whether this
   * call added it (rather than finding the same content there) and when.
   */
  public record Blob(String sha256, long size, Instant addedAt) {
    public boolean added() {
      return addedAt != null;
    }
  }

  /**
   * Stores what the stream holds, up to {@code maximumBytes}. An empty or too large content, or a
   * stream that fails half-way, leaves nothing behind.
   */
  public Blob store(InputStream content, long maximumBytes) {
    return store(content, maximumBytes, file -> {});
  }

  /**
   * Stores what the stream holds after {@code inspect} has looked at the whole file and not thrown;
   * whatever it throws leaves nothing behind.
   */
  public Blob store(InputStream content, long maximumBytes, Consumer<Path> inspect) {
    Path part = null;
    try {
      part = Files.createTempFile(incoming, "upload-", ".part");
      MessageDigest digest = sha256();
      ChunkChecksums.Builder sums = new ChunkChecksums.Builder();
      long size = 0;
      try (OutputStream out = Files.newOutputStream(part)) {
        byte[] buffer = new byte[BUFFER];
        for (int read; (read = content.read(buffer)) != -1; ) {
          size += read;
          if (size > maximumBytes) {
            throw FileRejectedException.tooLarge(maximumBytes);
          }
          digest.update(buffer, 0, read);
          sums.update(buffer, 0, read);
          out.write(buffer, 0, read);
        }
      }
      if (size == 0) {
        throw FileRejectedException.empty();
      }
      inspect.accept(part);
      String sha256 = HexFormat.of().formatHex(digest.digest());
      Path target = pathOf(sha256);
      Blob blob = new Blob(sha256, size, moveIntoPlace(part, target, size));
      sums.build().write(target, incoming);
      return blob;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(part);
    }
  }

  /** Returns when the blob was added, or null if the same content was there already. */
  private Instant moveIntoPlace(Path part, Path target, long size) throws IOException {
    Files.createDirectories(target.getParent());
    Instant now = clock.instant();
    if (Files.exists(target) && Files.size(target) == size) {
      // The same content is there already. Touched, so that the orphan clean-up, which spares
      // young blobs, does not take it before the new document that refers to it is committed.
      Files.setLastModifiedTime(target, FileTime.from(now.plusMillis(1)));
      return null;
    }
    try {
      // On POSIX a rename replaces a target that another node has just moved into place: the
      // same bytes, by their name.
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      Files.setLastModifiedTime(target, FileTime.from(now));
      return now;
    } catch (FileAlreadyExistsException sameContentMeanwhile) {
      // A file system that does not replace on rename: the other writer's blob is the same.
      return null;
    }
  }

  /**
   * Takes back a blob that {@link #store} added for a transaction that then rolled back, unless the
   * same content was stored again since (which touched it): that upload needs it.
   */
  public void withdraw(Blob blob) {
    if (!blob.added()) {
      return;
    }
    Path file = pathOf(blob.sha256());
    try {
      if (Files.getLastModifiedTime(file).toInstant().equals(blob.addedAt())) {
        Files.deleteIfExists(file);
        Files.deleteIfExists(ChunkChecksums.sidecarOf(file));
      }
    } catch (NoSuchFileException gone) {
      // Nothing to take back.
    } catch (IOException e) {
      // Left for deleteOrphans.
    }
  }

  /** Reads a whole blob; see {@link #open(String, long, long)}. */
  public InputStream open(String sha256) {
    return open(sha256, 0);
  }

  /** Reads a blob from {@code offset} to its end; see {@link #open(String, long, long)}. */
  public InputStream open(String sha256, long offset) {
    return open(sha256, offset, size(sha256) - offset);
  }

  /**
   * Reads {@code length} bytes of a blob from {@code offset} on. Each chunk is checked against its
   * CRC32C before any of its bytes is returned; the stream throws {@link BlobDamagedException} at
   * the first that does not match, and at once if the file's size changed.
   */
  public InputStream open(String sha256, long offset, long length) {
    Path file = pathOf(sha256);
    ChunkChecksums sums = checksums(sha256);
    try {
      if (Files.size(file) != sums.length()) {
        throw BlobDamagedException.damaged(sha256);
      }
      FileChannel channel = FileChannel.open(file);
      channel.position(CheckedContent.chunkStart(offset));
      return new CheckedContent(Channels.newInputStream(channel), sums, sha256, offset, length);
    } catch (NoSuchFileException e) {
      throw BlobDamagedException.missing(sha256);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the whole blob and checks its SHA-256; throws {@link BlobDamagedException} if it does not
   * match. Writes the chunk checksums anew if they are missing or damaged.
   */
  public void verify(String sha256) {
    Path file = pathOf(sha256);
    MessageDigest digest = sha256();
    ChunkChecksums.Builder built = new ChunkChecksums.Builder();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[BUFFER];
      for (int read; (read = in.read(buffer)) != -1; ) {
        digest.update(buffer, 0, read);
        built.update(buffer, 0, read);
      }
      if (!HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
        throw BlobDamagedException.damaged(sha256);
      }
      ChunkChecksums sums = built.build();
      if (!ChunkChecksums.read(file).equals(Optional.of(sums))) {
        sums.write(file, incoming);
      }
    } catch (NoSuchFileException e) {
      throw BlobDamagedException.missing(sha256);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Verifies each of the blobs named, in order, and answers those that are damaged or missing, each
   * with its message key ({@code file.damaged}, {@code file.missing}).
   */
  public Map<String, String> scrub(Collection<String> sha256s) {
    Map<String, String> problems = new TreeMap<>();
    for (String sha256 : new TreeSet<>(sha256s)) {
      try {
        verify(sha256);
      } catch (BlobDamagedException damaged) {
        problems.put(sha256, damaged.getMessageKey());
      }
    }
    return problems;
  }

  /** The blob's chunk checksums; made after a check of its SHA-256 if they are missing. */
  private ChunkChecksums checksums(String sha256) {
    try {
      Optional<ChunkChecksums> sums = ChunkChecksums.read(pathOf(sha256));
      if (sums.isPresent()) {
        return sums.get();
      }
      verify(sha256);
      return ChunkChecksums.read(pathOf(sha256)).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean exists(String sha256) {
    return Files.isRegularFile(pathOf(sha256));
  }

  public long size(String sha256) {
    try {
      return Files.size(pathOf(sha256));
    } catch (NoSuchFileException e) {
      throw BlobDamagedException.missing(sha256);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes the blobs that nothing refers to, and what interrupted uploads left in {@code
   * incoming}, if older than {@code grace}: a blob stored a moment ago may belong to a document
   * whose transaction has not committed yet. While a backup runs ({@link #BACKUP_MARKER}) no blob
   * is deleted. Returns how many files were deleted.
   */
  public int deleteOrphans(Predicate<String> referenced, Duration grace) {
    Instant before = clock.instant().minus(grace);
    int deleted = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        boolean leftOver = file.startsWith(incoming);
        String name = file.getFileName().toString();
        boolean orphan =
            !leftOver && SHA256.matcher(name).matches() && !referenced.test(name)
                || name.endsWith(ChunkChecksums.SUFFIX) && !Files.exists(blobOf(file));
        // Checked before every deletion, not once: a clean-up that began before the backup read
        // the references before the backup's dump did, so it could take a blob that the dump
        // refers to while the backup still copies.
        if (orphan && !leftOver && backupInProgress()) {
          continue;
        }
        if ((leftOver || orphan) && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
          deleted += Files.deleteIfExists(file) ? 1 : 0;
          Files.deleteIfExists(ChunkChecksums.sidecarOf(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return deleted;
  }

  /**
   * Whether a backup is copying blobs now: its marker exists and was touched within {@link
   * #BACKUP_MARKER_LIFETIME}. While it is, orphans stay: a blob that nothing refers to any more may
   * still be referred to by the database dump the backup took a moment ago.
   */
  boolean backupInProgress() throws IOException {
    try {
      Instant touched = Files.getLastModifiedTime(root.resolve(BACKUP_MARKER)).toInstant();
      return touched.isAfter(clock.instant().minus(BACKUP_MARKER_LIFETIME));
    } catch (NoSuchFileException none) {
      return false;
    }
  }

  /** The blobs' SHA-256 values, for a check of the store against the database. */
  public List<String> list() {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(file -> !file.startsWith(incoming) && Files.isRegularFile(file))
          .map(file -> file.getFileName().toString())
          .filter(name -> SHA256.matcher(name).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The directory the store lives in. */
  public Path root() {
    return root;
  }

  /** How many blobs the store holds and their bytes (without checksums and unfinished uploads). */
  public record Usage(long files, long bytes) {}

  /** Walks the whole store: for the operator's page, not for every request. */
  public Usage usage() {
    long[] totals = new long[2];
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(file -> !file.startsWith(incoming) && Files.isRegularFile(file))
          .filter(file -> SHA256.matcher(file.getFileName().toString()).matches())
          .forEach(
              file -> {
                totals[0]++;
                totals[1] += file.toFile().length();
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Usage(totals[0], totals[1]);
  }

  /** Whether the store can take uploads now: see {@link BlobStoreDirectory#problem(long)}. */
  public Optional<String> problem(long minimumFreeBytes) {
    return directory.problem(minimumFreeBytes);
  }

  /** The space left on the store's file system for this process. */
  public long freeBytes() {
    return directory.freeBytes();
  }

  private static Path blobOf(Path sidecar) {
    String name = sidecar.getFileName().toString();
    return sidecar.resolveSibling(
        name.substring(0, name.length() - ChunkChecksums.SUFFIX.length()));
  }

  /** Where a blob lives; anything but 64 lower-case hex digits is refused (no path tricks). */
  Path pathOf(String sha256) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // Left for deleteOrphans.
      }
    }
  }
}
