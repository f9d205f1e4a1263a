package eu.smek.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smek.documents.BlobStore.Blob;
import eu.smek.infrastructure.FileRejectedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {

  private static final long MIB = 1024 * 1024;

  @TempDir Path root;

  private static InputStream text(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private long filesUnder(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void contentThatTheInspectionRefusesLeavesNothing() throws Exception {
    BlobStore store = new BlobStore(root);
    assertThatThrownBy(
            () ->
                store.store(
                    text("MZ not a PDF"),
                    MIB,
                    file -> {
                      throw FileRejectedException.typeNotAllowed("application/x-msdownload");
                    }))
        .isInstanceOf(FileRejectedException.class);
    assertThat(filesUnder(root)).isZero();
  }

  @Test
  void aBlobAddedForARolledBackUploadIsTakenBackUnlessStoredAgainSince() throws Exception {
    BlobStore store = new BlobStore(root);
    Blob added = store.store(text("only mine"), MIB);
    store.withdraw(added);
    assertThat(store.exists(added.sha256())).isFalse();

    Blob first = store.store(text("shared"), MIB);
    Thread.sleep(5);
    Blob again = store.store(text("shared"), MIB);
    store.withdraw(first);
    store.withdraw(again);
    assertThat(store.exists(first.sha256())).as("another upload needs it").isTrue();
  }

  @Test
  void identicalContentIsStoredOnceUnderItsSha256() throws Exception {
    BlobStore store = new BlobStore(root);
    Blob first = store.store(text("Umowa o współpracy – Zmluva o spolupráci"), MIB);
    Blob second = store.store(text("Umowa o współpracy – Zmluva o spolupráci"), MIB);
    byte[] bytes = "Umowa o współpracy – Zmluva o spolupráci".getBytes(StandardCharsets.UTF_8);

    assertThat(second.sha256()).isEqualTo(first.sha256());
    assertThat(first.added()).isTrue();
    assertThat(second.added()).as("found, not added").isFalse();
    assertThat(first.sha256()).isEqualTo(sha256(bytes));
    assertThat(first.size()).isEqualTo(bytes.length);
    assertThat(store.list()).containsExactly(first.sha256());
    assertThat(filesUnder(root)).as("the blob and its chunk checksums").isEqualTo(2);
    assertThat(
            root.resolve(first.sha256().substring(0, 2))
                .resolve(first.sha256().substring(2, 4))
                .resolve(first.sha256()))
        .hasBinaryContent(bytes);
    try (InputStream in = store.open(first.sha256())) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
  }

  @Test
  void aLargeStreamIsStoredThroughABufferAndReadFromAnyOffset() throws Exception {
    BlobStore store = new BlobStore(root);
    long size = 48 * MIB + 7;
    MessageDigest expected = MessageDigest.getInstance("SHA-256");
    Blob blob = store.store(new Pattern(size, expected), 64 * MIB);

    assertThat(blob.size()).isEqualTo(size);
    assertThat(blob.sha256()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
    store.verify(blob.sha256());
    try (InputStream tail = store.open(blob.sha256(), size - 3)) {
      assertThat(tail.readAllBytes())
          .containsExactly(
              Pattern.byteAt(size - 3), Pattern.byteAt(size - 2), Pattern.byteAt(size - 1));
    }
  }

  @Test
  void emptyAndTooLargeContentIsRefusedAndLeavesNothing() throws Exception {
    BlobStore store = new BlobStore(root);
    assertThatThrownBy(() -> store.store(InputStream.nullInputStream(), MIB))
        .isInstanceOf(FileRejectedException.class)
        .hasMessage("file.empty");
    assertThatThrownBy(() -> store.store(new Pattern(MIB + 1, null), MIB))
        .isInstanceOf(FileRejectedException.class)
        .hasMessage("file.tooLarge");
    assertThat(filesUnder(root)).isZero();
  }

  @Test
  void anUploadInterruptedHalfWayLeavesNothing() throws Exception {
    BlobStore store = new BlobStore(root);
    InputStream brokenOff =
        new Pattern(10 * MIB, null) {
          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position() > 3 * MIB) {
              throw new IOException("connection reset by peer");
            }
            return super.read(buffer, offset, length);
          }
        };
    assertThatThrownBy(() -> store.store(brokenOff, 64 * MIB))
        .hasRootCauseMessage("connection reset by peer");
    assertThat(filesUnder(root)).isZero();
  }

  @Test
  void changedOrMissingContentIsReportedNotServed() throws Exception {
    BlobStore store = new BlobStore(root);
    Blob blob = store.store(text("Uchwała Rady Miasta nr XII/2026"), MIB);
    Path file = store.pathOf(blob.sha256());
    Files.writeString(file, "Uchwała Rady Miasta nr XIII/2026");

    assertThatThrownBy(() -> store.verify(blob.sha256()))
        .isInstanceOf(BlobDamagedException.class)
        .hasMessage("file.damaged");
    assertThatThrownBy(
            () -> {
              try (InputStream in = store.open(blob.sha256())) {
                in.transferTo(OutputStream.nullOutputStream());
              }
            })
        .isInstanceOf(BlobDamagedException.class);

    // Storing the right content again repairs the blob.
    store.store(text("Uchwała Rady Miasta nr XII/2026"), MIB);
    store.verify(blob.sha256());

    Files.delete(file);
    assertThatThrownBy(() -> store.open(blob.sha256()))
        .isInstanceOf(BlobDamagedException.class)
        .hasMessage("file.missing");
    assertThatThrownBy(() -> store.size(blob.sha256())).isInstanceOf(BlobDamagedException.class);
  }

  @Test
  void onlySha256NamesAreAcceptedSoNoPathLeavesTheStore() {
    BlobStore store = new BlobStore(root);
    for (String hostile :
        List.of(
            "../../../../etc/passwd",
            "..%2F..%2Fetc%2Fpasswd",
            "/etc/passwd",
            "a".repeat(63),
            "A".repeat(64),
            "a".repeat(63) + "/",
            "")) {
      assertThatThrownBy(() -> store.open(hostile)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.exists(hostile)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void concurrentUploadsOfTheSameContentAllSucceedWithOneBlob() throws Exception {
    BlobStore store = new BlobStore(root);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Blob>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        Callable<Blob> upload = () -> store.store(new Pattern(2 * MIB, null), 4 * MIB);
        results.add(pool.submit(upload));
      }
      Set<String> blobs = new java.util.HashSet<>();
      for (Future<Blob> result : results) {
        blobs.add(result.get().sha256());
      }
      assertThat(blobs).hasSize(1);
      assertThat(filesUnder(root)).as("the blob and its chunk checksums").isEqualTo(2);
      store.verify(blobs.iterator().next());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theCleanUpDeletesOldOrphansAndLeftOversButSparesTheReferencedAndTheYoung() throws Exception {
    Instant now = Instant.parse("2026-11-28T02:00:00Z");
    BlobStore store = new BlobStore(root, Clock.fixed(now, ZoneOffset.UTC));
    Blob kept = store.store(text("referenced"), MIB);
    Blob orphan = store.store(text("orphan"), MIB);
    Blob young = store.store(text("young orphan"), MIB);
    Path leftOver = Files.writeString(root.resolve("incoming/upload-1.part"), "half");
    FileTime old = FileTime.from(now.minus(Duration.ofDays(2)));
    for (Path file :
        List.of(store.pathOf(kept.sha256()), store.pathOf(orphan.sha256()), leftOver)) {
      Files.setLastModifiedTime(file, old);
    }
    Files.setLastModifiedTime(store.pathOf(young.sha256()), FileTime.from(now));

    int deleted = store.deleteOrphans(kept.sha256()::equals, Duration.ofDays(1));

    assertThat(deleted).isEqualTo(2);
    assertThat(store.list()).containsExactlyInAnyOrder(kept.sha256(), young.sha256());
    assertThat(leftOver).doesNotExist();
    assertThat(ChunkChecksums.sidecarOf(store.pathOf(orphan.sha256()))).doesNotExist();
    assertThat(ChunkChecksums.sidecarOf(store.pathOf(kept.sha256()))).exists();
  }

  @Test
  void aFreshBackupMarkerHoldsTheCleanUpBackUntilItGoesStale() throws Exception {
    Instant now = Instant.parse("2026-11-28T02:00:00Z");
    BlobStore store = new BlobStore(root, Clock.fixed(now, ZoneOffset.UTC));
    Blob orphan = store.store(text("referenced when the backup dumped the database"), MIB);
    Path leftOver = Files.writeString(root.resolve("incoming/upload-2.part"), "half");
    FileTime old = FileTime.from(now.minus(Duration.ofDays(2)));
    Files.setLastModifiedTime(store.pathOf(orphan.sha256()), old);
    Files.setLastModifiedTime(leftOver, old);
    Path marker = Files.writeString(root.resolve(BlobStore.BACKUP_MARKER), "backup.sh");
    Files.setLastModifiedTime(marker, FileTime.from(now.minus(Duration.ofMinutes(5))));

    assertThat(store.deleteOrphans(sha256 -> false, Duration.ofHours(6)))
        .as("only the left-over upload, which no dump refers to")
        .isEqualTo(1);
    assertThat(store.exists(orphan.sha256())).isTrue();
    assertThat(leftOver).doesNotExist();
    assertThat(store.list()).as("the marker is no blob").containsExactly(orphan.sha256());

    // A backup that died leaves its marker behind: it holds for an hour, not for ever.
    Files.setLastModifiedTime(
        marker, FileTime.from(now.minus(BlobStore.BACKUP_MARKER_LIFETIME).minusSeconds(1)));
    assertThat(store.deleteOrphans(sha256 -> false, Duration.ofHours(6))).isEqualTo(1);
    assertThat(store.exists(orphan.sha256())).isFalse();
    assertThat(marker).as("the clean-up never deletes the marker").exists();
  }

  @Test
  void storingContentAgainProtectsItsBlobFromTheCleanUp() throws Exception {
    Instant now = Instant.parse("2026-11-28T02:00:00Z");
    BlobStore store = new BlobStore(root, Clock.fixed(now, ZoneOffset.UTC));
    Blob blob = store.store(text("uploaded again"), MIB);
    Files.setLastModifiedTime(
        store.pathOf(blob.sha256()), FileTime.from(now.minus(Duration.ofDays(9))));

    store.store(text("uploaded again"), MIB);

    assertThat(store.deleteOrphans(sha256 -> false, Duration.ofDays(1))).isZero();
    assertThat(store.exists(blob.sha256())).isTrue();
  }

  @Test
  void anyRangeOfBlobsAroundTheChunkSizeReadsTheRightBytesInEveryWay() throws Exception {
    int chunk = ChunkChecksums.CHUNK;
    for (long size : new long[] {1, chunk - 1, chunk, chunk + 1, 3L * chunk + 10}) {
      BlobStore store = new BlobStore(root.resolve("size-" + size));
      byte[] content = new Pattern(size, null).readAllBytes();
      String sha = store.store(new ByteArrayInputStream(content), 4 * MIB).sha256();
      for (long[] range :
          new long[][] {
            {0, size}, {0, 1}, {size - 1, 1}, {size / 2, size - size / 2}, {size / 3, size / 3}
          }) {
        int from = (int) range[0];
        int to = (int) (range[0] + range[1]);
        byte[] expected = java.util.Arrays.copyOfRange(content, from, to);
        try (InputStream in = store.open(sha, range[0], range[1])) {
          assertThat(in.readAllBytes())
              .as("size %d, range %d+%d", size, from, range[1])
              .isEqualTo(expected);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (InputStream in = store.open(sha, range[0], range[1])) {
          assertThat(in.transferTo(out)).isEqualTo(range[1]);
        }
        assertThat(out.toByteArray()).isEqualTo(expected);
        try (InputStream in = store.open(sha, range[0], range[1])) {
          for (byte b : expected) {
            assertThat(in.read()).isEqualTo(b & 0xff);
          }
          assertThat(in.read()).isEqualTo(-1);
        }
      }
    }
  }

  @Test
  void aDamagedChunkIsNeverReturnedWhileTheOthersStillAre() throws Exception {
    BlobStore store = new BlobStore(root);
    int chunk = ChunkChecksums.CHUNK;
    byte[] content = new Pattern(3L * chunk + 10, null).readAllBytes();
    String sha = store.store(new ByteArrayInputStream(content), 4 * MIB).sha256();
    content[2 * chunk + 5] ^= 1; // bit rot in the third chunk; the size stays
    Files.write(store.pathOf(sha), content);

    try (InputStream in = store.open(sha, 100, 2L * chunk - 100)) {
      assertThat(in.readAllBytes()).hasSize(2 * chunk - 100);
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    assertThatThrownBy(
            () -> {
              try (InputStream in = store.open(sha)) {
                in.transferTo(out);
              }
            })
        .isInstanceOf(BlobDamagedException.class)
        .hasMessage("file.damaged");
    assertThat(out.size()).as("nothing of the damaged chunk").isEqualTo(2 * chunk);
    assertThatThrownBy(() -> store.open(sha, 2L * chunk, 1).read())
        .isInstanceOf(BlobDamagedException.class);
    assertThatThrownBy(() -> store.verify(sha)).isInstanceOf(BlobDamagedException.class);
  }

  @Test
  void aBlobWhoseSizeChangedIsRefusedBeforeAnyByte() throws Exception {
    BlobStore store = new BlobStore(root);
    Blob blob = store.store(text("Protokół z telesesji"), MIB);
    Files.write(
        store.pathOf(blob.sha256()), new byte[] {'!'}, java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> store.open(blob.sha256(), 0, 3))
        .isInstanceOf(BlobDamagedException.class)
        .hasMessage("file.damaged");
  }

  @Test
  void missingOrDamagedChunkChecksumsAreRebuiltAfterTheSha256IsChecked() throws Exception {
    BlobStore store = new BlobStore(root);
    byte[] content = new Pattern(MIB + 3, null).readAllBytes();
    String sha = store.store(new ByteArrayInputStream(content), 4 * MIB).sha256();
    Path sums = ChunkChecksums.sidecarOf(store.pathOf(sha));
    byte[] written = Files.readAllBytes(sums);

    Files.delete(sums); // a blob stored before chunk checksums existed
    try (InputStream in = store.open(sha)) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThat(sums).hasBinaryContent(written);

    byte[] rotten = written.clone();
    rotten[30] ^= 0x40; // one of the sums: the file's own CRC32C gives it away
    Files.write(sums, rotten);
    try (InputStream in = store.open(sha, MIB, 3)) {
      assertThat(in.readAllBytes())
          .isEqualTo(java.util.Arrays.copyOfRange(content, (int) MIB, (int) MIB + 3));
    }
    assertThat(sums).hasBinaryContent(written);

    // Without checksums, damaged content is found by its SHA-256 and not described anew.
    Files.delete(sums);
    content[7] ^= 1;
    Files.write(store.pathOf(sha), content);
    assertThatThrownBy(() -> store.open(sha)).isInstanceOf(BlobDamagedException.class);
    assertThat(sums).doesNotExist();
  }

  @Test
  void theScrubNamesWhatIsDamagedOrMissingAndRestoresLostChecksums() throws Exception {
    BlobStore store = new BlobStore(root);
    Blob sound = store.store(text("Porozumienie o partnerstwie"), MIB);
    Blob rotten = store.store(text("Dohoda o partnerstve"), MIB);
    Blob gone = store.store(text("Sprawozdanie roczne"), MIB);
    Files.delete(ChunkChecksums.sidecarOf(store.pathOf(sound.sha256())));
    Files.writeString(store.pathOf(rotten.sha256()), "Dohoda o partnerstvo");
    Files.delete(store.pathOf(gone.sha256()));

    assertThat(store.scrub(List.of(sound.sha256(), rotten.sha256(), gone.sha256())))
        .containsOnly(
            java.util.Map.entry(rotten.sha256(), "file.damaged"),
            java.util.Map.entry(gone.sha256(), "file.missing"));
    assertThat(ChunkChecksums.sidecarOf(store.pathOf(sound.sha256()))).exists();
  }

  @Test
  void checksumsWithoutTheirBlobAreCleanedUp() throws Exception {
    Instant now = Instant.parse("2026-11-28T02:00:00Z");
    BlobStore store = new BlobStore(root, Clock.fixed(now, ZoneOffset.UTC));
    Blob blob = store.store(text("deleted by hand"), MIB);
    Path sums = ChunkChecksums.sidecarOf(store.pathOf(blob.sha256()));
    Files.delete(store.pathOf(blob.sha256()));
    Files.setLastModifiedTime(sums, FileTime.from(now.minus(Duration.ofDays(2))));

    assertThat(store.deleteOrphans(sha256 -> true, Duration.ofDays(1))).isEqualTo(1);
    assertThat(sums).doesNotExist();
  }

  /** A deterministic stream of any length that never exists in memory whole. */
  private static class Pattern extends InputStream {

    private final long size;
    private final MessageDigest digest;
    private long position;

    Pattern(long size, MessageDigest digest) {
      this.size = size;
      this.digest = digest;
    }

    static byte byteAt(long position) {
      return (byte) (position * 31 + (position >>> 13));
    }

    long position() {
      return position;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (position >= size) {
        return -1;
      }
      int count = (int) Math.min(length, size - position);
      for (int i = 0; i < count; i++) {
        buffer[offset + i] = byteAt(position++);
      }
      if (digest != null) {
        digest.update(buffer, offset, count);
      }
      return count;
    }
  }
}
