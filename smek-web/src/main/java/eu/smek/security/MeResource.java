package eu.smek.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The REST view of the caller's own account. */
@RequestScoped
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Account")
public class MeResource {

  @Inject private SecurityService security;

  /** What the API knows about the caller. */
  public record Me(
      String login,
      String displayName,
      String email,
      String language,
      OrganisationRef organisation,
      Set<String> roles,
      Set<String> permissions) {}

  public record OrganisationRef(long id, String code, String name) {}

  @GET
  @Operation(summary = "The signed-in account: organisation, roles and permissions")
  public Me me() {
    Account account = security.getCurrentAccount();
    Authorization authorization = security.authorization(account.getId());
    return new Me(
        account.getLogin(),
        account.getDisplayName(),
        account.getEmail(),
        account.getLanguage().code(),
        new OrganisationRef(
            account.getOrganisation().getId(),
            account.getOrganisation().getCode(),
            account.getOrganisation().getName()),
        new TreeSet<>(authorization.roles()),
        new TreeSet<>(authorization.permissions()));
  }

  @GET
  @Path("data")
  @Operation(
      summary = "Everything the application holds about you",
      description = "Your account, directory entry, API tokens, notifications and audit entries.")
  public PersonalData data() {
    return security.myData();
  }
}
