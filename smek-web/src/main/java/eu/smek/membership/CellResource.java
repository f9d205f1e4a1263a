package eu.smek.membership;

import eu.smek.shared.RecordNotFoundException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Cooperation cells over REST, addressed by their organisation's id. */
@RequestScoped
@Path("cells/{organisationId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Membership")
public class CellResource {

  @Inject private MembershipService membership;

  /** A cell with its people: coordinator first, then deputies, then members. */
  public record CellView(
      long organisationId,
      String organisation,
      String email,
      LocalDate establishedOn,
      List<PersonView> people) {}

  @GET
  @Operation(summary = "A town's cooperation cell and its people")
  public CellView get(@PathParam("organisationId") long organisationId) {
    Cell cell = cell(organisationId);
    return new CellView(
        organisationId,
        cell.getOrganisation().getName(),
        cell.getEmail(),
        cell.getEstablishedOn(),
        membership.people(cell.getId()).stream().map(PersonView::of).toList());
  }

  @GET
  @Path("vcard")
  @Produces(VCards.MEDIA_TYPE)
  @Operation(summary = "The cell's people as vCards, one file")
  public String vcard(@PathParam("organisationId") long organisationId) {
    return VCards.of(membership.people(cell(organisationId).getId()));
  }

  @POST
  @Path("people")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a person to the cell (its coordinator, association administrators)")
  public Response addPerson(
      @PathParam("organisationId") long organisationId, @NotNull PersonView input) {
    Person person = new Person();
    input.applyTo(person);
    Person added = membership.addPerson(organisationId, person);
    return Response.created(URI.create("people/" + added.getId()))
        .entity(PersonView.of(membership.getPerson(added.getId())))
        .build();
  }

  private Cell cell(long organisationId) {
    return membership
        .findCell(organisationId)
        .orElseThrow(() -> new RecordNotFoundException(Cell.class, organisationId));
  }
}
