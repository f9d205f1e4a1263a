package eu.smek.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the readiness check and the status page ask of the blob store. */
class BlobStoreReadinessTest {

  @TempDir Path root;

  @Test
  void aStoreThatTakesFilesAndHasSpaceHasNoProblem() throws Exception {
    BlobStore store = new BlobStore(root);
    assertThat(store.problem(1)).isEmpty();
    try (var incoming = Files.list(root.resolve("incoming"))) {
      assertThat(incoming).as("the probe is removed").isEmpty();
    }
  }

  @Test
  void aMissingDirectoryIsReportedAndNotCreated() throws Exception {
    BlobStore store = new BlobStore(root.resolve("share"));
    Files.move(root.resolve("share"), root.resolve("unmounted"));
    assertThat(store.problem(0)).hasValueSatisfying(p -> assertThat(p).startsWith("missing"));
    assertThat(root.resolve("share")).doesNotExist();
  }

  @Test
  void aStoreWhereNoUploadCanStartIsNotWritable() throws Exception {
    BlobStore store = new BlobStore(root);
    // incoming replaced by a file: nothing can be written in it, whoever the process runs as.
    Files.delete(root.resolve("incoming"));
    Files.writeString(root.resolve("incoming"), "not a directory");
    assertThat(store.problem(0)).hasValueSatisfying(p -> assertThat(p).startsWith("not writable"));
  }

  @Test
  void lessFreeSpaceThanTheLimitIsAProblem() {
    BlobStore store = new BlobStore(root);
    assertThat(store.problem(Long.MAX_VALUE))
        .hasValueSatisfying(p -> assertThat(p).startsWith("low on space"));
  }

  @Test
  void theUsageCountsBlobsNotChecksumsOrUnfinishedUploads() throws Exception {
    BlobStore store = new BlobStore(root);
    store.store(new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), 100);
    store.store(new java.io.ByteArrayInputStream(new byte[] {4, 5}), 100);
    Files.write(root.resolve("incoming").resolve("part"), new byte[10]);
    assertThat(store.usage()).isEqualTo(new BlobStore.Usage(2, 5));
  }
}
