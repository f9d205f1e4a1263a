package eu.smek.membership;

import eu.smek.infrastructure.Upload;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;

/** An uploaded form field as the services take it: none if nothing was chosen. */
final class Uploads {

  private Uploads() {}

  static Upload of(Part part) throws IOException {
    if (part == null || part.getSize() == 0) {
      return null;
    }
    if (part.getSize() > Upload.READ_LIMIT) {
      return new Upload(part.getSubmittedFileName(), part.getSize(), null);
    }
    try (InputStream in = part.getInputStream()) {
      return new Upload(part.getSubmittedFileName(), part.getSize(), in.readAllBytes());
    }
  }
}
