package eu.smek.membership;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The network's organisations: towns and associations, with their country. */
@Named
@RequestScoped
public class ListOrganisations {

  @Inject private MembershipService membership;

  private List<Organisation> organisations;

  @PostConstruct
  void load() {
    organisations = membership.listOrganisations();
  }

  public List<Organisation> getOrganisations() {
    return organisations;
  }
}
