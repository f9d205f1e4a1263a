package eu.smek.membership;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * A search of the network's directory. Every criterion is optional; {@code text} matches names,
 * position, e-mail and the town's names in every language, without regard to case or diacritics.
 *
 * @param language an ISO 639 code: people who speak it at any level
 */
public record DirectoryQuery(
    @Size(max = 100) String text,
    Long organisationId,
    Country country,
    @Pattern(regexp = "[a-z]{2,3}") String language,
    Topic topic,
    boolean teleworkOnly,
    DirectorySort sort,
    boolean descending)
    implements Serializable {

  public static final DirectoryQuery EVERYONE =
      new DirectoryQuery(null, null, null, null, null, false, DirectorySort.NAME, false);

  public DirectoryQuery {
    text = text == null || text.isBlank() ? null : text.strip();
    language = language == null || language.isBlank() ? null : language.strip();
    sort = sort == null ? DirectorySort.NAME : sort;
  }
}
