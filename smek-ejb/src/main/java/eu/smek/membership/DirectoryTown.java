package eu.smek.membership;

import java.io.Serial;
import java.io.Serializable;

/**
 * A town whose cell the directory lists, as a page offers it to choose from. A class with getters
 * rather than a record, because the page reads hundreds of them and Expression Language 5 reads
 * properties quickly but calls methods by reflection each time.
 */
public final class DirectoryTown implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private final long id;
  private final String name;
  private final Country country;

  public DirectoryTown(long id, String name, Country country) {
    this.id = id;
    this.name = name;
    this.country = country;
  }

  public long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Country getCountry() {
    return country;
  }

  /** The language the name is in (ISO 639 code), for the {@code lang} attribute. */
  public String getLanguage() {
    return country.language().code();
  }
}
