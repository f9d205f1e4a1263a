package eu.smek.faces;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/**
 * Gives every new view the user's language from {@link ActiveLocale}, rather than the browser's, so
 * that messages raised before the page is built (view parameters, view actions) are in the same
 * language as the page.
 */
public class LocaleViewHandler extends ViewHandlerWrapper {

  public LocaleViewHandler(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public Locale calculateLocale(FacesContext context) {
    return CDI.current().select(ActiveLocale.class).get().getLocale();
  }
}
