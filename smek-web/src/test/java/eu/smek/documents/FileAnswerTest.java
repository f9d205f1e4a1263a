package eu.smek.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a download answers conditional and Range requests, and how it copies the bytes. */
class FileAnswerTest {

  private static final String SHA = "ab".repeat(32);
  private static final Instant STORED = Instant.parse("2026-11-20T09:15:30.250Z");
  private static final String STORED_HTTP = "Fri, 20 Nov 2026 09:15:30 GMT";

  private static DownloadableFile file(String type, long size) {
    return new DownloadableFile("Uchwała.pdf", type, size, SHA, STORED);
  }

  /** A request that answers only the headers, which is all the answer reads. */
  private static HttpServletRequest request(Map<String, String> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            FileAnswerTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, called, arguments) ->
                switch (called.getName()) {
                  case "getHeader" -> headers.get((String) arguments[0]);
                  case "getDateHeader" -> date(headers.get((String) arguments[0]));
                  default -> throw new UnsupportedOperationException(called.getName());
                });
  }

  private static long date(String value) {
    if (value == null) {
      return -1L;
    }
    try {
      return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant()
          .toEpochMilli();
    } catch (DateTimeParseException notADate) {
      throw new IllegalArgumentException(notADate);
    }
  }

  private static FileAnswer answer(Map<String, String> headers) {
    return FileAnswer.to(request(headers), file("application/pdf", 1000), false);
  }

  @Test
  void theWholeFileWithItsValidators() {
    FileAnswer whole = answer(Map.of());
    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.hasBody()).isTrue();
    assertThat(whole.headers())
        .containsEntry("Content-Length", "1000")
        .containsEntry("Content-Type", "application/pdf")
        .containsEntry("ETag", '"' + SHA + '"')
        .containsEntry("Last-Modified", STORED_HTTP)
        .containsEntry("Accept-Ranges", "bytes")
        .containsEntry("Cache-Control", "private, no-cache");
    assertThat(whole.headers().get("Content-Disposition")).startsWith("attachment;");
  }

  @Test
  void aClientWithTheSameFileGetsNotModified() {
    assertThat(answer(Map.of("If-None-Match", '"' + SHA + '"')).status()).isEqualTo(304);
    assertThat(answer(Map.of("If-None-Match", "\"x\", W/\"" + SHA + "\"")).status()).isEqualTo(304);
    assertThat(answer(Map.of("If-None-Match", "*")).status()).isEqualTo(304);
    assertThat(answer(Map.of("If-None-Match", "\"x\"")).status()).isEqualTo(200);
    assertThat(answer(Map.of("If-Modified-Since", STORED_HTTP)).status()).isEqualTo(304);
    assertThat(answer(Map.of("If-Modified-Since", "Thu, 19 Nov 2026 09:15:30 GMT")).status())
        .isEqualTo(200);
    assertThat(answer(Map.of("If-Modified-Since", "yesterday")).status()).isEqualTo(200);
    // If-None-Match decides when both are sent.
    assertThat(answer(Map.of("If-None-Match", "\"x\"", "If-Modified-Since", STORED_HTTP)).status())
        .isEqualTo(200);
    FileAnswer notModified = answer(Map.of("If-None-Match", '"' + SHA + '"'));
    assertThat(notModified.hasBody()).isFalse();
    assertThat(notModified.headers()).containsKey("ETag").doesNotContainKey("Content-Length");
  }

  @Test
  void oneRangeIsAnsweredAndIfRangeMustName() {
    FileAnswer part = answer(Map.of("Range", "bytes=100-199"));
    assertThat(part.status()).isEqualTo(206);
    assertThat(part.headers())
        .containsEntry("Content-Range", "bytes 100-199/1000")
        .containsEntry("Content-Length", "100");
    FileAnswer none = answer(Map.of("Range", "bytes=1000-"));
    assertThat(none.status()).isEqualTo(416);
    assertThat(none.hasBody()).isFalse();
    assertThat(none.headers()).containsEntry("Content-Range", "bytes */1000");

    assertThat(answer(Map.of("Range", "bytes=0-9", "If-Range", '"' + SHA + '"')).status())
        .isEqualTo(206);
    assertThat(answer(Map.of("Range", "bytes=0-9", "If-Range", STORED_HTTP)).status())
        .isEqualTo(206);
    assertThat(answer(Map.of("Range", "bytes=0-9", "If-Range", "\"other\"")).status())
        .isEqualTo(200);
    // A weak tag never matches for a range.
    assertThat(answer(Map.of("Range", "bytes=0-9", "If-Range", "W/\"" + SHA + '"')).status())
        .isEqualTo(200);
    assertThat(
            answer(Map.of("Range", "bytes=0-9", "If-Range", "Thu, 19 Nov 2026 09:15:30 GMT"))
                .status())
        .isEqualTo(200);
  }

  @Test
  void onlyPdfsAndPicturesAreShownInline() {
    HttpServletRequest plain = request(Map.of());
    assertThat(
            FileAnswer.to(plain, file("application/pdf", 1), true)
                .headers()
                .get("Content-Disposition"))
        .startsWith("inline;");
    assertThat(
            FileAnswer.to(plain, file("image/png", 1), true).headers().get("Content-Disposition"))
        .startsWith("inline;");
    assertThat(
            FileAnswer.to(plain, file("text/plain", 1), true).headers().get("Content-Disposition"))
        .startsWith("attachment;");
    assertThat(
            FileAnswer.to(plain, file("application/zip", 1), true)
                .headers()
                .get("Content-Disposition"))
        .startsWith("attachment;");
  }

  @Test
  void aRangeSendsOnlyItsBytesAndADamagedChunkIsNeverSent(@TempDir Path root) throws IOException {
    int chunk = 256 * 1024;
    byte[] content = bytes(3 * chunk + 10);
    BlobStore store = new BlobStore(root);
    String sha = store.store(new ByteArrayInputStream(content), content.length).sha256();
    DownloadableFile stored =
        new DownloadableFile("Uchwała.pdf", "application/pdf", content.length, sha, STORED);

    FileAnswer part = FileAnswer.to(request(Map.of("Range", "bytes=70000-600000")), stored, false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = store.open(sha, 70000, 600000 - 70000 + 1)) {
      part.copy(in, out);
    }
    assertThat(out.toByteArray()).isEqualTo(Arrays.copyOfRange(content, 70000, 600001));

    // One byte changed in the third chunk: the first two go out, nothing of the third.
    content[2 * chunk + 5] ^= 1;
    Files.write(store.pathOf(sha), content);
    FileAnswer whole = FileAnswer.to(request(Map.of()), stored, false);
    ByteArrayOutputStream broken = new ByteArrayOutputStream();
    assertThatThrownBy(
            () -> {
              try (InputStream in = store.open(sha)) {
                whole.copy(in, broken);
              }
            })
        .isInstanceOf(BlobDamagedException.class);
    assertThat(broken.toByteArray()).isEqualTo(Arrays.copyOf(content, 2 * chunk));
  }

  private static byte[] bytes(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31);
    }
    return bytes;
  }
}
