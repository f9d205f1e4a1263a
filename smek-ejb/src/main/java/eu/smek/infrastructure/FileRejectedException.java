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

  public static FileRejectedException tooManyPixels(int maximumSide) {
    return new FileRejectedException("file.tooManyPixels", maximumSide);
  }
}
