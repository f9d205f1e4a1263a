package eu.smek.documents;

import eu.smek.shared.BusinessException;
import eu.smek.shared.Language;
import java.io.Serial;

/** Linking a language version in a language that the group already has. */
public class LanguageTakenException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public LanguageTakenException(Language language) {
    super("documents.rule.languageTaken", language.code());
  }
}
