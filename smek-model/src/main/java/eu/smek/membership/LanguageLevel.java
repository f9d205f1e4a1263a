package eu.smek.membership;

import eu.smek.shared.Translatable;

/** How well someone speaks a language: the CEFR levels, and a native speaker's. */
public enum LanguageLevel implements Translatable {
  A1,
  A2,
  B1,
  B2,
  C1,
  C2,
  NATIVE;

  @Override
  public String messageKey() {
    return "membership.languageLevel." + name();
  }
}
