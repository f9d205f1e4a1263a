package eu.smek.membership;

import eu.smek.shared.ConcurrentChangeException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The network's directory over REST: search, read, change and remove people. */
@RequestScoped
@Path("people")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Membership")
public class PersonResource {

  @Inject private MembershipService membership;

  /** One page of the directory and how many people match in all. */
  public record DirectoryPage(long total, int first, List<PersonView> people) {}

  @GET
  @Operation(
      summary = "Search the directory",
      description =
          "All parameters are optional. text matches names, position, e-mail (also without"
              + " diacritics) and the town; language is an ISO 639 code; sort is NAME,"
              + " ORGANISATION, COUNTRY or ROLE; at most 200 people per page.")
  public DirectoryPage search(
      @QueryParam("text") String text,
      @QueryParam("organisation") Long organisation,
      @QueryParam("country") Country country,
      @QueryParam("language") String language,
      @QueryParam("topic") Topic topic,
      @QueryParam("telework") boolean telework,
      @QueryParam("sort") DirectorySort sort,
      @QueryParam("descending") boolean descending,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("50") int max) {
    DirectoryQuery query =
        new DirectoryQuery(
            text, organisation, country, language, topic, telework, sort, descending);
    return new DirectoryPage(
        membership.countDirectory(query),
        first,
        membership.searchDirectory(query, first, max).stream().map(PersonView::of).toList());
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One person")
  public PersonView get(@PathParam("id") long id) {
    return PersonView.of(membership.getPerson(id));
  }

  @GET
  @Path("{id}/vcard")
  @Produces(VCards.MEDIA_TYPE)
  @Operation(summary = "One person as a vCard, with their photo")
  public String vcard(@PathParam("id") long id) {
    return VCards.of(membership.getPerson(id), membership.photo(id).orElse(null));
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a person (their cell's coordinator, association administrators)",
      description =
          "Send the version you read; if someone changed the person since, the answer" + " is 409.")
  public PersonView update(@PathParam("id") long id, @NotNull PersonView input) {
    Person person = membership.getPerson(id);
    if (person.getVersion() != input.version()) {
      throw new ConcurrentChangeException();
    }
    input.applyTo(person);
    membership.updatePerson(person);
    return PersonView.of(membership.getPerson(id));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Remove a person from their cell and the directory")
  public void remove(@PathParam("id") long id) {
    membership.removePerson(id);
  }
}
