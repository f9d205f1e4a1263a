package eu.smek.faces;

import java.io.Serial;
import java.io.Serializable;

/**
 * One option of a plain HTML {@code <select>} of a bookmarkable (GET) filter form, with whether it
 * is the chosen one worked out in Java. Lists of hundreds of towns or languages render much faster
 * this way than with an expression per option that compares against a bean and calls record
 * methods, which Expression Language 5 looks up by reflection every time.
 */
public final class Choice implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private final String value;
  private final String label;
  private final String language;
  private final boolean selected;

  /**
   * @param language the ISO 639 code of the label's language, for the {@code lang} attribute, or
   *     null when the label is in the page's language
   */
  public Choice(Object value, String label, String language, Object chosen) {
    this.value = String.valueOf(value);
    this.label = label;
    this.language = language;
    this.selected = chosen != null && this.value.equals(String.valueOf(chosen));
  }

  public String getValue() {
    return value;
  }

  public String getLabel() {
    return label;
  }

  public String getLanguage() {
    return language;
  }

  /** {@code "selected"} for the chosen option, else null, so that no attribute is written. */
  public String getSelected() {
    return selected ? "selected" : null;
  }
}
