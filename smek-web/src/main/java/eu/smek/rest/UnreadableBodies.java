package eu.smek.rest;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.Serial;

/**
 * A request body that cannot be read (malformed JSON, an unknown enum value, the wrong shape) ends
 * as the 400 problem {@code api.unreadableBody}, whichever JSON provider read it. WildFly picks
 * Jackson rather than JSON-B when a library of the EAR uses Jackson annotations (Flyway does), and
 * Jackson's own exception mapper would otherwise answer with a plain 400 before {@link
 * ProblemMappers} sees the failure.
 */
@Provider
public class UnreadableBodies implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    try {
      return context.proceed();
    } catch (IOException unreadable) {
      throw new UnreadableBodyException(unreadable);
    }
  }

  /** The body could not be read; the cause says why. */
  public static class UnreadableBodyException extends RuntimeException {

    @Serial private static final long serialVersionUID = 1L;

    UnreadableBodyException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
