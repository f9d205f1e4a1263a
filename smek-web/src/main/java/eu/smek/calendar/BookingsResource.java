package eu.smek.calendar;

import eu.smek.rest.RestInput;
import eu.smek.shared.Language;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The rooms and equipment an event books, over REST. A booking is a change of the event: it takes
 * the version read and raises it; a double booking is refused (422, {@code
 * calendar.rule.resourceBooked} or {@code calendar.rule.resourceBusy}).
 */
@RequestScoped
@Path("calendar/events/{eventId: \\d+}/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar")
public class BookingsResource {

  @Inject private CalendarService calendar;
  @Context private HttpHeaders headers;

  /** A resource an event books. */
  public record BookingView(
      long eventId,
      long resourceId,
      ResourceKind kind,
      String resourceName,
      long organisationId,
      String organisationName,
      String bookedAt,
      String bookedBy) {

    static BookingView of(ResourceBooking booking, Language language) {
      BookableResource resource = booking.getResource();
      return new BookingView(
          booking.getEvent().getId(),
          resource.getId(),
          resource.getKind(),
          resource.getName(),
          resource.getOrganisation().getId(),
          resource.getOrganisation().nameIn(language),
          booking.getBookedAt().toString(),
          booking.getBookedBy());
    }
  }

  /** What to book, for the event read at {@code version}. */
  public record BookingInput(Long resourceId, Long version) {}

  /** The booking made, and the event's version after it. */
  public record Booked(BookingView booking, long eventVersion) {}

  @GET
  @Operation(summary = "The rooms and equipment an event books (an occurrence: its series')")
  public List<BookingView> list(@PathParam("eventId") long eventId) {
    Language language = input().language();
    return calendar.bookings(eventId).stream().map(b -> BookingView.of(b, language)).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Book a room or piece of equipment for an event or a whole series",
      description =
          "{\"resourceId\": 1000, \"version\": 3}: the event's version as read. Every occurrence"
              + " of a series holds the resource; one that another event holds at an"
              + " overlapping time is refused (422).")
  public Response book(@PathParam("eventId") long eventId, @NotNull BookingInput input) {
    ResourceBooking booking =
        calendar.book(
            eventId,
            input().required(input.version(), "version"),
            input().required(input.resourceId(), "resourceId"));
    long version = calendar.getEvent(eventId).getVersion();
    return Response.created(
            URI.create("calendar/events/" + eventId + "/bookings/" + booking.getResource().getId()))
        .entity(new Booked(BookingView.of(booking, input().language()), version))
        .build();
  }

  @DELETE
  @Path("{resourceId: \\d+}")
  @Operation(
      summary = "Give up an event's booking of a room or piece of equipment",
      description = "version is the event's version as read.")
  public Response unbook(
      @PathParam("eventId") long eventId,
      @PathParam("resourceId") long resourceId,
      @QueryParam("version") Long version) {
    calendar.unbook(eventId, input().required(version, "version"), resourceId);
    return Response.noContent().build();
  }

  private RestInput input() {
    return RestInput.of(headers, "calendar");
  }
}
