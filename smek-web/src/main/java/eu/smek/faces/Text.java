package eu.smek.faces;

import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import jakarta.faces.context.FacesContext;
import java.util.Enumeration;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The application's texts for Faces, as {@code #{msg['key']}} and as the message bundle for the
 * Faces validators and converters. Always answers in the language of the current view, without
 * falling back to the server's default locale (see {@link Messages}).
 */
public class Text extends ResourceBundle {

  @Override
  protected Object handleGetObject(String key) {
    return bundle().getObject(key);
  }

  @Override
  public Enumeration<String> getKeys() {
    return bundle().getKeys();
  }

  private static ResourceBundle bundle() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Locale locale =
        faces != null && faces.getViewRoot() != null
            ? faces.getViewRoot().getLocale()
            : Language.DEFAULT.locale();
    return Messages.bundle(locale);
  }
}
