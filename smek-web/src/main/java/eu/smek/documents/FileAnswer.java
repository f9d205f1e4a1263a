package eu.smek.documents;

import eu.smek.http.ContentDisposition;
import eu.smek.http.RangeRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a stored file is answered over HTTP, the same for the download servlet and the REST API: its
 * type, size, name (RFC 6266), a strong ETag and Last-Modified for conditional requests (304), and
 * one byte range (206, or 416 when no byte of the file is in it) for PDF viewers and resumed
 * downloads. The content is streamed a 256 KiB chunk at a time, whatever the file's size.
 *
 * <p>A file whose content is gone or changed in size is noticed before anything is sent, and
 * answered with 500. Every chunk is checked against its CRC32C before it is sent (see {@code
 * ChunkChecksums}), so a damaged chunk is never sent: the connection breaks off before it, and the
 * server log says which file it was.
 */
final class FileAnswer {

  private static final Logger LOG = Logger.getLogger(FileAnswer.class.getName());

  /** IMF-fixdate (RFC 9110, 5.6.7); the JDK's RFC_1123 formatter drops the day's leading zero. */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final DownloadableFile file;
  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final long offset;
  private final long length;

  private FileAnswer(DownloadableFile file, int status, long offset, long length) {
    this.file = file;
    this.status = status;
    this.offset = offset;
    this.length = length;
  }

  /**
   * What to answer a GET or HEAD for the file, from the request's conditional and Range headers.
   * {@code inline} asks to show the file in the browser, which is done for PDFs and pictures only.
   */
  static FileAnswer to(HttpServletRequest request, DownloadableFile file, boolean inline) {
    Instant modified = file.lastModified().truncatedTo(ChronoUnit.SECONDS);
    FileAnswer answer;
    if (notModified(request, file, modified)) {
      answer = new FileAnswer(file, HttpServletResponse.SC_NOT_MODIFIED, 0, -1);
    } else {
      String range = rangeApplies(request, file, modified) ? request.getHeader("Range") : null;
      RangeRequest asked = RangeRequest.of(range, file.size());
      if (asked instanceof RangeRequest.Part part) {
        answer =
            new FileAnswer(
                    file, HttpServletResponse.SC_PARTIAL_CONTENT, part.first(), part.length())
                .with("Content-Range", part.contentRange())
                .with("Content-Length", Long.toString(part.length()));
      } else if (asked instanceof RangeRequest.Unsatisfiable none) {
        answer =
            new FileAnswer(file, HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE, 0, -1)
                .with("Content-Range", none.contentRange());
      } else {
        answer =
            new FileAnswer(file, HttpServletResponse.SC_OK, 0, file.size())
                .with("Content-Length", Long.toString(file.size()));
      }
      if (answer.hasBody()) {
        answer
            .with("Content-Type", file.contentType())
            .with(
                "Content-Disposition",
                inline && showable(file.contentType())
                    ? ContentDisposition.inline(file.fileName())
                    : ContentDisposition.attachment(file.fileName()));
      }
    }
    // Private: only this user may have been allowed to read it. no-cache: a browser may keep the
    // file but asks again each time (a cheap 304), so a right withdrawn is a right withdrawn.
    return answer
        .with("ETag", file.etag())
        .with("Last-Modified", HTTP_DATE.format(modified))
        .with("Accept-Ranges", "bytes")
        .with("Cache-Control", "private, no-cache");
  }

  /** Browsers show these themselves; anything else is only ever saved. */
  private static boolean showable(String contentType) {
    return contentType.equals("application/pdf") || contentType.startsWith("image/");
  }

  /** If-None-Match, or else If-Modified-Since, says the client has this very file (RFC 9110). */
  private static boolean notModified(
      HttpServletRequest request, DownloadableFile file, Instant modified) {
    String noneMatch = request.getHeader("If-None-Match");
    if (noneMatch != null) {
      return Arrays.stream(noneMatch.split(","))
          .map(String::strip)
          .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
          .anyMatch(tag -> tag.equals("*") || tag.equals(file.etag()));
    }
    long since = date(request, "If-Modified-Since");
    return since >= 0 && modified.toEpochMilli() <= since;
  }

  /**
   * A Range counts unless If-Range names another state of the file: an entity tag must match
   * strongly, a date exactly (RFC 9110, 13.1.5). The content behind an ETag never changes, so this
   * only matters for clients resuming from another server's copy.
   */
  private static boolean rangeApplies(
      HttpServletRequest request, DownloadableFile file, Instant modified) {
    String ifRange = request.getHeader("If-Range");
    if (ifRange == null) {
      return true;
    }
    ifRange = ifRange.strip();
    if (ifRange.startsWith("\"") || ifRange.startsWith("W/")) {
      return ifRange.equals(file.etag());
    }
    return date(request, "If-Range") == modified.toEpochMilli();
  }

  /** A date header in milliseconds, or -1 when absent or not a date. */
  private static long date(HttpServletRequest request, String header) {
    try {
      return request.getDateHeader(header);
    } catch (IllegalArgumentException notADate) {
      return -1;
    }
  }

  private FileAnswer with(String header, String value) {
    headers.put(header, value);
    return this;
  }

  int status() {
    return status;
  }

  Map<String, String> headers() {
    return headers;
  }

  /** Whether bytes of the file go with the answer (200 and 206; not 304 and 416). */
  boolean hasBody() {
    return length >= 0;
  }

  /**
   * Opens the content of the answer before anything is sent, so that a missing file is still
   * answered with a proper error.
   */
  InputStream open(DocumentStorage storage) {
    try {
      return storage.open(file, offset, length);
    } catch (BlobDamagedException damaged) {
      throw logged(damaged, "cannot be sent");
    }
  }

  /** Sends the answer's bytes from {@code content}, which {@link #open} opened. */
  void copy(InputStream content, OutputStream out) throws IOException {
    try {
      content.transferTo(out);
    } catch (BlobDamagedException damaged) {
      throw logged(damaged, "stopped sending");
    }
  }

  private BlobDamagedException logged(BlobDamagedException damaged, String what) {
    LOG.log(
        Level.SEVERE,
        "Document file {0} ({1}) {2}: {3}",
        new Object[] {file.sha256(), file.fileName(), what, damaged.getMessageKey()});
    return damaged;
  }

  /** Answers through the servlet API; {@code withBody} is false for HEAD. */
  void send(HttpServletResponse response, DocumentStorage storage, boolean withBody)
      throws IOException {
    InputStream content = hasBody() ? open(storage) : null;
    response.setStatus(status);
    headers.forEach(response::setHeader);
    if (content == null) {
      return;
    }
    try (content) {
      if (withBody) {
        copy(content, response.getOutputStream());
      }
    } catch (BlobDamagedException damaged) {
      if (response.isCommitted()) {
        // Too late for another status: the client sees the download break off.
        throw new IOException("stopped sending a damaged file", damaged);
      }
      response.reset();
      response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    }
  }

  /** Answers through JAX-RS; {@code withBody} is false for HEAD. */
  Response toResponse(DocumentStorage storage, boolean withBody) throws IOException {
    Response.ResponseBuilder response = Response.status(status);
    headers.forEach(response::header);
    if (hasBody()) {
      InputStream content = open(storage);
      if (withBody) {
        response.entity(
            (StreamingOutput)
                out -> {
                  try (content) {
                    copy(content, out);
                  }
                });
      } else {
        content.close();
      }
    }
    return response.build();
  }
}
