package eu.smek.faces;

import eu.smek.infrastructure.Failures;
import eu.smek.shared.BusinessException;
import eu.smek.shared.Messages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a broken business rule (and invalid service arguments) into translated messages on the page
 * the user is on, keeping their input, so backing beans need no try/catch. Anything else goes on to
 * OmniFaces' FullAjaxExceptionHandler and the error pages.
 */
public class BusinessExceptionHandler extends ExceptionHandlerWrapper {

  public BusinessExceptionHandler(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
    while (events.hasNext()) {
      Throwable failure = events.next().getContext().getException();
      Optional<BusinessException> broken = Failures.businessCause(failure);
      Optional<ConstraintViolationException> invalid = Failures.invalidArguments(failure);
      if (broken.isPresent() || invalid.isPresent()) {
        events.remove();
        Locale locale = faces.getViewRoot().getLocale();
        broken.ifPresent(
            rule ->
                error(faces, Messages.format(locale, rule.getMessageKey(), rule.getArguments())));
        invalid.ifPresent(
            violations ->
                violations.getConstraintViolations().stream()
                    .map(ConstraintViolation::getMessage)
                    .forEach(message -> error(faces, message)));
        faces.validationFailed();
        faces.renderResponse();
      }
    }
    getWrapped().handle();
  }

  private static void error(FacesContext faces, String message) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  /** Registered in faces-config.xml after OmniFaces' factory, so this handler wraps that one. */
  public static class Factory extends ExceptionHandlerFactory {

    public Factory(ExceptionHandlerFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
      return new BusinessExceptionHandler(getWrapped().getExceptionHandler());
    }
  }
}
