package eu.smek.calendar;

import eu.smek.rest.RestInput;
import eu.smek.shared.Language;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The town halls' rooms and equipment over REST: the list, a coordinator's changes to their own
 * town's, and when one is booked. Who may do what is decided by {@link CalendarService}.
 */
@RequestScoped
@Path("calendar/resources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar")
public class ResourcesResource {

  @Inject private CalendarService calendar;
  @Inject private Validator validator;
  @Context private HttpHeaders headers;

  /** A room or piece of equipment, with whether the caller may change it. */
  public record ResourceView(
      long id,
      long version,
      ResourceKind kind,
      String name,
      Integer capacity,
      String description,
      boolean active,
      long organisationId,
      String organisationName,
      String timeZone,
      boolean mayEdit) {

    static ResourceView of(BookableResource resource, boolean mayEdit, Language language) {
      return new ResourceView(
          resource.getId(),
          resource.getVersion(),
          resource.getKind(),
          resource.getName(),
          resource.getCapacity(),
          resource.getDescription(),
          resource.isActive(),
          resource.getOrganisation().getId(),
          resource.getOrganisation().nameIn(language),
          resource.zone().getId(),
          mayEdit);
    }
  }

  /** A new resource, or a change of one (then with the version read). */
  public record ResourceInput(
      Long version,
      ResourceKind kind,
      String name,
      Integer capacity,
      String description,
      Boolean active) {}

  /**
   * A time the resource is booked, in the reader's zone; the event is named only to those who may
   * see it.
   */
  public record BusyView(
      String start, String end, boolean allDay, Long eventId, String title, boolean busy) {

    static BusyView of(BusyTime time) {
      return new BusyView(
          time.allDay() ? time.start().toLocalDate().toString() : time.start().toString(),
          time.allDay() ? time.end().toLocalDate().toString() : time.end().toString(),
          time.allDay(),
          time.eventId(),
          time.title(),
          true);
    }
  }

  @GET
  @Operation(
      summary = "The rooms and equipment of the network's town halls",
      description =
          "Every active one, of one organisation if organisation names it; the caller's own"
              + " town's deactivated ones too if they manage them.")
  public List<ResourceView> list(@QueryParam("organisation") Long organisation) {
    Language language = input().language();
    return calendar.resources(organisation).stream()
        .map(resource -> ResourceView.of(resource, calendar.mayManage(resource), language))
        .toList();
  }

  @GET
  @Path("{id: \\d+}")
  @Operation(summary = "A room or piece of equipment")
  public ResourceView get(@PathParam("id") long id) {
    BookableResource resource = calendar.getResource(id);
    return ResourceView.of(resource, calendar.mayManage(resource), input().language());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a room or piece of equipment to one's own town hall",
      description =
          "{\"kind\": \"ROOM\", \"name\": \"Sala Rady Miejskiej\", \"capacity\": 60,"
              + " \"description\": \"Rynek 1\"}; kind is ROOM or EQUIPMENT. For the town's"
              + " coordinators.")
  public Response create(@NotNull ResourceInput input) {
    BookableResource created = calendar.createResource(draft(input));
    return Response.created(URI.create("calendar/resources/" + created.getId()))
        .entity(ResourceView.of(created, true, input().language()))
        .build();
  }

  @PUT
  @Path("{id: \\d+}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change, deactivate or offer again a room or piece of equipment",
      description =
          "Send the version read; active false deactivates it (its bookings stay, no new ones).")
  public ResourceView update(@PathParam("id") long id, @NotNull ResourceInput input) {
    BookableResource changed =
        calendar.updateResource(id, input().required(input.version(), "version"), draft(input));
    return ResourceView.of(changed, true, input().language());
  }

  @GET
  @Path("{id: \\d+}/busy")
  @Operation(
      summary = "When a room or piece of equipment is booked",
      description =
          "from and to are dates (to exclusive, at most 366 days after from) in zone, an IANA"
              + " zone (the resource's own if none), in which the times are shown. An event the"
              + " caller may not see is shown without its id and title.")
  public List<BusyView> busy(
      @PathParam("id") long id,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("zone") String zone) {
    LocalDate first = input().date(input().required(from, "from"), "from");
    LocalDate last = input().date(input().required(to, "to"), "to");
    ZoneId reader =
        zone == null || zone.isBlank()
            ? calendar.getResource(id).zone()
            : TimeZones.of(zone.strip());
    return calendar.freeBusy(id, first, last, reader).stream().map(BusyView::of).toList();
  }

  private ResourceDraft draft(ResourceInput input) {
    ResourceDraft draft =
        new ResourceDraft(
            input().required(input.kind(), "kind"),
            input.name(),
            input.capacity(),
            input.description(),
            input.active() == null || input.active());
    return input().valid(validator, draft);
  }

  private RestInput input() {
    return RestInput.of(headers, "calendar");
  }
}
