package eu.smek.calendar;

import eu.smek.rest.RestInput;
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
 * The documents of the libraries attached to an event, over REST. Attaching or removing one is a
 * change of the event: it takes the version read and raises it. The list holds only the documents
 * the caller may read; a document they may not read is not found (404), attached or not.
 */
@RequestScoped
@Path("calendar/events/{eventId: \\d+}/attachments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar")
public class AttachmentsResource {

  @Inject private CalendarService calendar;
  @Context private HttpHeaders headers;

  /** A document attached to an event; {@code file} is its current file's address. */
  public record AttachmentView(
      long eventId,
      long documentId,
      String title,
      String libraryName,
      String fileName,
      String contentType,
      long size,
      String file,
      String attachedAt,
      String attachedBy) {

    static AttachmentView of(EventAttachment attachment) {
      return new AttachmentView(
          attachment.eventId(),
          attachment.documentId(),
          attachment.title(),
          attachment.libraryName(),
          attachment.fileName(),
          attachment.contentType(),
          attachment.size(),
          "documents/files/" + attachment.documentId(),
          attachment.attachedAt().toString(),
          attachment.attachedBy());
    }
  }

  /** What to attach, to the event read at {@code version}. */
  public record AttachmentInput(Long documentId, Long version) {}

  /** The attachment made, and the event's version after it. */
  public record Attached(AttachmentView attachment, long eventVersion) {}

  @GET
  @Operation(
      summary =
          "The documents attached to an event that the caller may read (an occurrence: its"
              + " series')")
  public List<AttachmentView> list(@PathParam("eventId") long eventId) {
    return calendar.attachments(eventId).stream().map(AttachmentView::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Attach a document of a library to an event or a whole series",
      description =
          "{\"documentId\": 1000, \"version\": 3}: the event's version as read. The caller must be"
              + " able to read the document; at most "
              + CalendarService.MAXIMUM_ATTACHMENTS
              + " documents (422).")
  public Response attach(@PathParam("eventId") long eventId, @NotNull AttachmentInput input) {
    EventAttachment attachment =
        calendar.attach(
            eventId,
            input().required(input.version(), "version"),
            input().required(input.documentId(), "documentId"));
    long version = calendar.getEvent(eventId).getVersion();
    return Response.created(
            URI.create("calendar/events/" + eventId + "/attachments/" + attachment.documentId()))
        .entity(new Attached(AttachmentView.of(attachment), version))
        .build();
  }

  @DELETE
  @Path("{documentId: \\d+}")
  @Operation(
      summary = "Take a document off an event",
      description = "version is the event's version as read.")
  public Response detach(
      @PathParam("eventId") long eventId,
      @PathParam("documentId") long documentId,
      @QueryParam("version") Long version) {
    calendar.detach(eventId, input().required(version, "version"), documentId);
    return Response.noContent().build();
  }

  private RestInput input() {
    return RestInput.of(headers, "calendar");
  }
}
