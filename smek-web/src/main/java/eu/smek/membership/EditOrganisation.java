package eu.smek.membership;

import eu.smek.shared.Language;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Faces;

/**
 * Registers a new organisation (as a prospect) or edits one: official name and its translations,
 * type, country, address, website, coordinates, representative, and the logo or coat of arms.
 */
@Named
@ViewScoped
public class EditOrganisation implements Serializable {

  @Inject private MembershipService membership;

  private Long id;
  private Organisation organisation;
  private final Map<Language, String> names = new EnumMap<>(Language.class);
  // Only used within the request that uploads it; never kept in the view state.
  private transient Part logo;

  public void load() {
    organisation =
        id == null
            ? new Organisation(null, null, Country.PL, OrganisationType.TOWN)
            : membership.getOrganisation(id);
    names.putAll(organisation.getTranslatedNames());
  }

  /** Saves and opens the organisation's page. */
  public void save() throws IOException {
    organisation.getTranslatedNames().clear();
    names.forEach(
        (language, name) -> {
          if (name != null && !name.isBlank()) {
            organisation.getTranslatedNames().put(language, name.strip());
          }
        });
    Organisation saved =
        id == null
            ? membership.createOrganisation(organisation)
            : membership.updateOrganisation(organisation);
    Faces.redirect(
        Faces.getRequestContextPath() + "/membership/view-organisation?id=" + saved.getId());
  }

  /** Replaces the logo and shows the organisation's page. */
  public void uploadLogo() throws IOException {
    membership.changeLogo(id, Uploads.of(logo));
    Faces.redirect(Faces.getRequestContextPath() + "/membership/view-organisation?id=" + id);
  }

  public List<Country> getCountries() {
    return Arrays.asList(Country.values());
  }

  public List<OrganisationType> getTypes() {
    return Arrays.asList(OrganisationType.values());
  }

  /** Every language the network's towns write in, for the translated names. */
  public List<Language> getLanguages() {
    return Arrays.asList(Language.values());
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public boolean isNew() {
    return id == null;
  }

  public Organisation getOrganisation() {
    return organisation;
  }

  public Map<Language, String> getNames() {
    return names;
  }

  public Part getLogo() {
    return logo;
  }

  public void setLogo(Part logo) {
    this.logo = logo;
  }
}
