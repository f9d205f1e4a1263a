package eu.smek.documents;

import eu.smek.infrastructure.FileRejectedException;
import eu.smek.rest.RestInput;
import eu.smek.shared.Language;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.BadRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A multipart/form-data upload to the REST API, read through the servlet API rather than as Jakarta
 * REST {@code EntityPart}s. RESTEasy (6.2) copies the whole body of a request whose parts are
 * {@code @FormParam EntityPart} parameters before it parses it (its {@code EntityPartFilter}): the
 * first 5 MiB on the heap, and it refuses bodies over 50 MiB ({@code
 * dev.resteasy.entity.file.threshold}). Taking the parts as the entity ({@code List<EntityPart>})
 * avoids the copy, but their temporary files go only when the garbage collector gets to them.
 * Undertow's own parser writes each part over the threshold in web.xml to a temporary file as it
 * arrives and deletes it when the request ends; so a document of up to 200 MiB takes a fixed amount
 * of memory, and the service streams it from that file into the blob store.
 */
final class UploadForm {

  /** A text field longer than this is refused unread; the service's rules are much stricter. */
  static final int TEXT_LIMIT = 64 * 1024;

  private final Collection<Part> parts;
  private final Language language;

  private UploadForm(Collection<Part> parts, Language language) {
    this.parts = parts;
    this.language = language;
  }

  /**
   * Reads the request's parts (the files to disk). An upload that broke off is a bad request; one
   * larger than the server takes (max-post-size) is refused as too large.
   */
  static UploadForm of(HttpServletRequest request, Language language, long maximumBytes) {
    try {
      if (request.getCharacterEncoding() == null) {
        // File names in the parts' headers, as browsers send them (RFC 7578); Undertow would read
        // them as ISO-8859-1.
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
      }
      return new UploadForm(request.getParts(), language);
    } catch (IOException brokenOff) {
      throw new BadRequestException("the upload broke off", brokenOff);
    } catch (ServletException notMultipart) {
      throw new BadRequestException(notMultipart);
    } catch (RuntimeException unread) {
      // Undertow wraps what went wrong while reading the parts: an IllegalStateException around
      // RequestTooBigException beyond max-post-size, a RuntimeException around the IOException of
      // an upload that broke off. Anything else (no multipart config) is a fault of ours.
      if (!(unread.getCause() instanceof IOException cause)) {
        throw unread;
      }
      if (unread instanceof IllegalStateException) {
        throw FileRejectedException.tooLarge(maximumBytes);
      }
      throw new BadRequestException("the upload broke off", cause);
    }
  }

  /** The file field; a request without one is refused with a message saying so. */
  Part file(String name) {
    return parts.stream()
        .filter(part -> part.getName().equals(name) && isFile(part))
        .findFirst()
        .orElseThrow(() -> RestInput.badRequest(language, "documents.api.fieldMissing", name));
  }

  /** A text field as UTF-8, as browsers and HTTP clients send it (RFC 7578). */
  Optional<String> text(String name) {
    List<String> values = texts(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value of a text field that may be given more than once. */
  List<String> texts(String name) {
    List<String> values = new ArrayList<>();
    for (Part part : parts) {
      if (part.getName().equals(name) && !isFile(part)) {
        values.add(read(part));
      }
    }
    return values;
  }

  /** Browsers send a file field with an empty name when no file was chosen. */
  private static boolean isFile(Part part) {
    return part.getSubmittedFileName() != null && !part.getSubmittedFileName().isEmpty();
  }

  private String read(Part part) {
    try (InputStream in = part.getInputStream()) {
      byte[] text = in.readNBytes(TEXT_LIMIT + 1);
      if (text.length > TEXT_LIMIT) {
        throw RestInput.badRequest(language, "documents.api.fieldTooLong", part.getName());
      }
      return new String(text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadRequestException(e);
    }
  }
}
