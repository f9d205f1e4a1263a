package eu.smek.membership;

import eu.smek.infrastructure.Upload;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Fields of multipart requests: Jakarta REST converts them only to String, InputStream, EntityPart.
 */
final class MultipartFields {

  private MultipartFields() {}

  static LocalDate date(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(e);
    }
  }

  static Upload upload(EntityPart part) throws IOException {
    if (part == null || part.getFileName().isEmpty()) {
      return null;
    }
    try (InputStream in = part.getContent()) {
      return Upload.read(part.getFileName().get(), in);
    }
  }
}
