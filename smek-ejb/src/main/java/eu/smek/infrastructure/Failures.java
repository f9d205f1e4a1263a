package eu.smek.infrastructure;

import eu.smek.shared.BusinessException;
import eu.smek.shared.ConcurrentChangeException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolationException;
import java.util.Optional;
import org.hibernate.StaleStateException;

/**
 * Reads what went wrong out of the exceptions a service call can end in. The container wraps
 * exceptions (EJBException, Faces and EL exceptions), and a lost optimistic lock only surfaces at
 * commit, so both the page handler and the REST mappers look through the causes here.
 */
public final class Failures {

  private Failures() {}

  /**
   * The broken business rule behind a failure; a lost optimistic lock, or a row lock not obtained
   * in time, counts as a concurrent change.
   */
  public static Optional<BusinessException> businessCause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof BusinessException business) {
        return Optional.of(business);
      }
      if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
        return Optional.of(new ConcurrentChangeException());
      }
      // A row lock held by someone else's change for longer than the database waits (H2: one
      // second by default): the same concurrent change, to be tried again.
      if (cause instanceof PessimisticLockException || cause instanceof LockTimeoutException) {
        return Optional.of(new ConcurrentChangeException());
      }
    }
    return Optional.empty();
  }

  /** Bean Validation's verdict on a service method's arguments, if that is what failed. */
  public static Optional<ConstraintViolationException> invalidArguments(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof ConstraintViolationException violations) {
        return Optional.of(violations);
      }
    }
    return Optional.empty();
  }

  /** Whether a request body could not be read as JSON (malformed, or of the wrong shape). */
  public static boolean unreadableBody(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof JsonException || cause instanceof JsonbException) {
        return true;
      }
    }
    return false;
  }

  private static Throwable next(Throwable cause) {
    return cause.getCause() == cause ? null : cause.getCause();
  }
}
