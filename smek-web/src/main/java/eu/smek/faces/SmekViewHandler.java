package eu.smek.faces;

import eu.smek.security.Subjects;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/**
 * Sets up every new view: in the user's language from {@link ActiveLocale} rather than the
 * browser's, so that messages raised before the page is built are in the page's language; and, for
 * visitors who are not signed in, stateless, so that reading a public page or the sign-in form
 * creates no session on the server. Those two forms are guarded by SameOriginFilter instead.
 */
public class SmekViewHandler extends ViewHandlerWrapper {

  public SmekViewHandler(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public Locale calculateLocale(FacesContext context) {
    return CDI.current().select(ActiveLocale.class).get().getLocale();
  }

  @Override
  public UIViewRoot createView(FacesContext context, String viewId) {
    UIViewRoot view = super.createView(context, viewId);
    // Set now, before anything (PrimeFaces' CSP nonce, for one) asks the view for its state; the
    // layout's f:view says the same for views that Faces rebuilds on a postback.
    view.setTransient(Page.isStatelessFor(viewId, Subjects.principal().isPresent()));
    return view;
  }
}
