package eu.smek.rest;

import eu.smek.documents.BlobDamagedException;
import eu.smek.infrastructure.Failures;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.NotSignedInException;
import eu.smek.shared.BusinessException;
import eu.smek.shared.ConcurrentChangeException;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import eu.smek.shared.RecordNotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of a REST call as problem details: broken business rules with their translated
 * message and a fitting status, invalid arguments as 400, JAX-RS's own errors (unknown path, wrong
 * method or media type) with their status, and anything unexpected as a 500 that reveals nothing
 * but is logged in full.
 */
@Provider
public class ProblemMappers implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  @Context private HttpHeaders headers;

  @Override
  public Response toResponse(Throwable failure) {
    Language language = Messages.negotiate(headers.getAcceptableLanguages());
    Optional<BusinessException> broken = Failures.businessCause(failure);
    if (broken.isPresent()) {
      BusinessException rule = broken.get();
      return Problem.of(statusOf(rule), language, rule.getMessageKey(), rule.getArguments())
          .toResponse();
    }
    if (Failures.invalidArguments(failure).isPresent()) {
      return Problem.of(400, language, "api.invalidArguments").toResponse();
    }
    if (failure instanceof UnreadableBodies.UnreadableBodyException
        || Failures.unreadableBody(failure)) {
      return Problem.of(400, language, "api.unreadableBody").toResponse();
    }
    if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      int status = web.getResponse().getStatus();
      return Problem.of(status, language, Problem.titleKey(status) + ".detail").toResponse();
    }
    LOG.log(Level.SEVERE, "REST call failed", failure);
    return Problem.of(500, language, "api.status.500.detail").toResponse();
  }

  /** The HTTP status that answers a broken rule, for the API and for downloads. */
  public static int statusOf(BusinessException rule) {
    if (rule instanceof AccessDeniedException) {
      return 403;
    }
    if (rule instanceof NotSignedInException) {
      return 401;
    }
    if (rule instanceof RecordNotFoundException) {
      return 404;
    }
    if (rule instanceof ConcurrentChangeException) {
      return 409;
    }
    if (rule instanceof BlobDamagedException) {
      return 500; // the server's fault, not the request's: a stored file is gone or changed
    }
    return 422;
  }
}
