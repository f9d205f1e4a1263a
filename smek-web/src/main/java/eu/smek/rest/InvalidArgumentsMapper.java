package eu.smek.rest;

import eu.smek.shared.Messages;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Invalid service arguments as the same 400 problem as everywhere else. Needed besides {@link
 * ProblemMappers}: RESTEasy unwraps the EJBException around a refused call and would answer with
 * its own violation report, whose format clients would have to know as well.
 */
@Provider
public class InvalidArgumentsMapper implements ExceptionMapper<ConstraintViolationException> {

  @Context private HttpHeaders headers;

  @Override
  public Response toResponse(ConstraintViolationException invalid) {
    return Problem.of(
            400, Messages.negotiate(headers.getAcceptableLanguages()), "api.invalidArguments")
        .toResponse();
  }
}
