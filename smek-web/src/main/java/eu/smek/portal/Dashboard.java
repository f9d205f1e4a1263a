package eu.smek.portal;

import static eu.smek.security.Permissions.MEMBERSHIP_VIEW;

import eu.smek.faces.Navigation;
import eu.smek.faces.Page;
import eu.smek.membership.Country;
import eu.smek.membership.MembershipService;
import eu.smek.membership.Organisation;
import eu.smek.membership.OrganisationType;
import eu.smek.security.Account;
import eu.smek.security.Role;
import eu.smek.security.SecurityService;
import eu.smek.security.Subjects;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The page after signing in: who the user is, what they may do (one card per page of the menu) and
 * the network at a glance.
 */
@Named
@RequestScoped
public class Dashboard {

  @Inject private SecurityService security;
  @Inject private MembershipService membership;
  @Inject private Navigation navigation;

  private Account account;
  private final Map<Country, Long> townsByCountry = new EnumMap<>(Country.class);
  private long associations;

  @PostConstruct
  void load() {
    account = security.getCurrentAccount();
    if (Subjects.isPermitted(MEMBERSHIP_VIEW)) {
      for (Organisation organisation : membership.listOrganisations()) {
        if (organisation.getType() == OrganisationType.TOWN) {
          townsByCountry.merge(organisation.getCountry(), 1L, Long::sum);
        } else {
          associations++;
        }
      }
    }
  }

  public Account getAccount() {
    return account;
  }

  public List<Role> getRoles() {
    return account.getRoles().stream().sorted().toList();
  }

  /** The pages of the menu except the dashboard itself. */
  public List<Page> getCards() {
    return navigation.getMenu().stream().filter(page -> page != Page.DASHBOARD).toList();
  }

  public boolean isNetworkVisible() {
    return !townsByCountry.isEmpty() || associations > 0;
  }

  public List<Map.Entry<Country, Long>> getTownsByCountryEntries() {
    return List.copyOf(townsByCountry.entrySet());
  }

  public long getAssociations() {
    return associations;
  }
}
