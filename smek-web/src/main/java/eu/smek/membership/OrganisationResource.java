package eu.smek.membership;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The network's organisations over REST. */
@RequestScoped
@Path("organisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Membership")
public class OrganisationResource {

  @Inject private MembershipService membership;

  /** An organisation as the API shows it. */
  public record OrganisationView(
      long id, String code, String name, String country, String type, boolean leadPartner) {

    static OrganisationView of(Organisation organisation) {
      return new OrganisationView(
          organisation.getId(),
          organisation.getCode(),
          organisation.getName(),
          organisation.getCountry().name(),
          organisation.getType().name(),
          organisation.isLeadPartner());
    }
  }

  @GET
  @Operation(summary = "All organisations of the network")
  public List<OrganisationView> list() {
    return membership.listOrganisations().stream().map(OrganisationView::of).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One organisation")
  public OrganisationView get(@PathParam("id") long id) {
    return OrganisationView.of(membership.getOrganisation(id));
  }
}
