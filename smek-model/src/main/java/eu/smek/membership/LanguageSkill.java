package eu.smek.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * A language a person speaks and how well. Any language can be named by its ISO 639 code (German,
 * Russian, Romani, ...), not only those of the user interface; its name is shown in the reader's
 * language.
 */
@Embeddable
public class LanguageSkill implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @NotNull
  @Pattern(regexp = "[a-z]{2,3}")
  @Column(name = "language", nullable = false, length = 3)
  private String language;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(name = "level", nullable = false, length = 8)
  private LanguageLevel level;

  protected LanguageSkill() {}

  public LanguageSkill(String language, LanguageLevel level) {
    this.language = language;
    this.level = level;
  }

  /** The ISO 639 code, e.g. {@code uk}. */
  public String getLanguage() {
    return language;
  }

  public LanguageLevel getLevel() {
    return level;
  }

  /** The language's name as a reader of {@code locale} calls it, e.g. "ukraiński" in Polish. */
  public String nameIn(Locale locale) {
    return Locale.forLanguageTag(language).getDisplayLanguage(locale);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LanguageSkill skill
        && Objects.equals(language, skill.language)
        && level == skill.level;
  }

  @Override
  public int hashCode() {
    return Objects.hash(language, level);
  }
}
