package eu.smek.infrastructure;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** An uploaded file is refused: empty, too large, of a type not accepted here, or unreadable. */
public class FileRejectedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  private FileRejectedException(String key, Object... arguments) {
    super(key, arguments);
  }

  public static FileRejectedException empty() {
    return new FileRejectedException("file.empty");
  }

  public static FileRejectedException tooLarge(long maximumBytes) {
    return new FileRejectedException("file.tooLarge", maximumBytes / (1024 * 1024));
  }

  public static FileRejectedException typeNotAllowed(String detected) {
    return new FileRejectedException("file.typeNotAllowed", detected);
  }

  public static FileRejectedException unreadableImage() {
    return new FileRejectedException("file.unreadableImage");
  }

  public static FileRejectedException unreadablePdf() {
    return new FileRejectedException("file.unreadablePdf");
  }

  /** The name says one accepted type, the content is another: a renamed file. */
  public static FileRejectedException nameMismatch(String name, String detected) {
    return new FileRejectedException("file.nameMismatch", name, detected);
  }

  /** An archive that inflates far beyond its size, or nests archives too deep: a zip bomb. */
  public static FileRejectedException archiveBomb() {
    return new FileRejectedException("file.archiveBomb");
  }

  public static FileRejectedException unreadableArchive() {
    return new FileRejectedException("file.unreadableArchive");
  }

  public static FileRejectedException tooManyPixels(int maximumSide) {
    return new FileRejectedException("file.tooManyPixels", maximumSide);
  }
}
