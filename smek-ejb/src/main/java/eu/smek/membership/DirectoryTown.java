package eu.smek.membership;

/**
 * A town whose cell the directory lists, as the directory page offers it to choose from: id, name
 * and country only, as there are hundreds.
 */
public record DirectoryTown(long id, String name, Country country) {

  /** The language the name is in (ISO 639 code), for the {@code lang} attribute. */
  public String language() {
    return country.language().code();
  }
}
