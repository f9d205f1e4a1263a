package eu.smek.calendar;

import eu.smek.rest.RestInput;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Calendars over REST: the calendars a user sees, the occurrences of a date range (series expanded
 * in their own zone, shown in the reader's), and events with their edit scopes. What each user may
 * see and change is decided by {@link CalendarService}; an event the caller may not see is not
 * found (404).
 */
@RequestScoped
@Path("calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar")
public class CalendarResource {

  @Inject private CalendarService calendar;
  @Inject private Validator validator;
  @Context private HttpHeaders headers;

  /** A calendar with what the caller may do in it. */
  public record CalendarView(
      long id,
      SpaceType spaceType,
      long spaceId,
      String name,
      String colour,
      boolean member,
      boolean mayEdit) {

    static CalendarView of(CalendarSummary summary, Language language) {
      EventCalendar calendar = summary.calendar();
      return new CalendarView(
          calendar.getId(),
          calendar.getSpace().getType(),
          calendar.getSpace().getId(),
          calendar.getSpace().getType() == SpaceType.NETWORK
              ? Messages.format(language.locale(), "calendar.networkName")
              : summary.name(),
          calendar.getColour(),
          summary.member(),
          summary.mayEdit());
    }
  }

  /**
   * One occurrence in the reader's zone. {@code start}/{@code end} are the reader's wall-clock
   * times (an all-day occurrence: its midnights, the end exclusive); {@code eventStart} is the
   * start with its offset in the event's own zone; {@code recurrenceId} names the occurrence when
   * changing or deleting it alone.
   */
  public record OccurrenceView(
      long eventId,
      long version,
      long calendarId,
      String uid,
      String recurrenceId,
      String title,
      String location,
      boolean allDay,
      String start,
      String end,
      String eventStart,
      String timeZone,
      Visibility visibility,
      Set<String> categories,
      boolean recurring,
      boolean overridden) {

    static OccurrenceView of(Occurrence occurrence, ZoneId zone, Language language) {
      CalendarEvent event = occurrence.event();
      return new OccurrenceView(
          event.getId(),
          event.getVersion(),
          event.getCalendar().getId(),
          event.getUid(),
          occurrence.recurrenceId() == null ? null : occurrence.recurrenceId().toString(),
          event.titleIn(language),
          event.getLocation(),
          event.isAllDay(),
          occurrence.startIn(zone).toString(),
          occurrence.endIn(zone).toString(),
          occurrence.start().toOffsetDateTime().toString(),
          event.getTimeZone(),
          event.getVisibility(),
          new TreeSet<>(event.getCategories()),
          event.isRecurring() || event.isOverride(),
          event.isOverride());
    }
  }

  /** A title and description in one more language. */
  public record TextView(String title, String description) {}

  /** An event, a series or an overridden occurrence, as stored. */
  public record EventView(
      long id,
      long version,
      long calendarId,
      String uid,
      int sequence,
      Long masterId,
      String recurrenceId,
      String title,
      String description,
      String language,
      Map<String, TextView> translations,
      String location,
      boolean allDay,
      String start,
      String end,
      String timeZone,
      String rrule,
      List<String> excludedStarts,
      Set<String> categories,
      Visibility visibility,
      String organiserName,
      String createdAt,
      String updatedAt,
      boolean mayEdit) {

    static EventView of(CalendarEvent event, boolean mayEdit) {
      Map<String, TextView> translations = new TreeMap<>();
      event
          .getTranslations()
          .forEach(
              (language, text) ->
                  translations.put(
                      language.code(), new TextView(text.getTitle(), text.getDescription())));
      return new EventView(
          event.getId(),
          event.getVersion(),
          event.getCalendar().getId(),
          event.getUid(),
          event.getSequence(),
          event.getMaster() == null ? null : event.getMaster().getId(),
          event.getRecurrenceId() == null ? null : event.getRecurrenceId().toString(),
          event.getTitle(),
          event.getDescription(),
          event.getLanguage() == null ? null : event.getLanguage().code(),
          translations,
          event.getLocation(),
          event.isAllDay(),
          shown(event.getStart(), event.isAllDay()),
          shown(event.getEnd(), event.isAllDay()),
          event.getTimeZone(),
          event.getRrule(),
          event.getExcludedStarts().stream().map(LocalDateTime::toString).toList(),
          new TreeSet<>(event.getCategories()),
          event.getVisibility(),
          event.getOrganiserName(),
          event.getCreatedAt().toString(),
          event.getUpdatedAt().toString(),
          mayEdit);
    }

    private static String shown(LocalDateTime time, boolean allDay) {
      return allDay ? time.toLocalDate().toString() : time.toString();
    }
  }

  /**
   * A new event, or a change of one (then with the version read). Times are wall-clock times in
   * {@code timeZone}: {@code 2026-03-19T10:00}; for an all-day event dates, the end being the day
   * after the last ({@code 2026-05-01} to {@code 2026-05-04} is 1 to 3 May), as in iCalendar.
   */
  public record EventInput(
      Long calendarId,
      Long version,
      String title,
      String description,
      String language,
      Map<String, TextView> translations,
      String location,
      Boolean allDay,
      String start,
      String end,
      String timeZone,
      String rrule,
      Set<String> categories,
      Visibility visibility) {}

  @GET
  @Path("calendars")
  @Operation(
      summary = "The calendars the caller sees",
      description =
          "The caller's own first (the network's, their organisation's, their working groups',"
              + " their personal calendar), then the other organisations' and working groups',"
              + " of which they see the events open to the network.")
  public List<CalendarView> calendars() {
    Language language = input().language();
    return calendar.calendars().stream().map(s -> CalendarView.of(s, language)).toList();
  }

  @GET
  @Path("occurrences")
  @Operation(
      summary = "The occurrences of a date range, series expanded",
      description =
          "from and to are dates (to exclusive, at most 366 days after from) in zone, an IANA"
              + " zone such as Europe/Warsaw, in which the times are shown; calendar (repeated)"
              + " names the calendars, all the caller sees if none. A series recurs in its own"
              + " zone: a weekly 10:00 meeting in Warsaw stays at 10:00 there across DST.")
  public List<OccurrenceView> occurrences(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("zone") String zone,
      @QueryParam("calendar") List<Long> calendars) {
    Language language = input().language();
    LocalDate first = input().date(input().required(from, "from"), "from");
    LocalDate last = input().date(input().required(to, "to"), "to");
    ZoneId reader = TimeZones.of(input().required(zone, "zone"));
    Set<Long> ids = new LinkedHashSet<>(calendars == null ? List.of() : calendars);
    if (ids.isEmpty()) {
      calendar.calendars().forEach(summary -> ids.add(summary.calendar().getId()));
    }
    if (ids.size() > CalendarService.MAXIMUM_CALENDARS) {
      throw input().invalid("calendar");
    }
    return calendar.occurrences(ids, first, last, reader).stream()
        .map(occurrence -> OccurrenceView.of(occurrence, reader, language))
        .toList();
  }

  @GET
  @Path("events/{id: \\d+}")
  @Operation(summary = "An event, series or overridden occurrence")
  public EventView get(@PathParam("id") long id) {
    return view(calendar.getEvent(id));
  }

  @POST
  @Path("events")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add an event to a calendar",
      description =
          "{\"calendarId\": 1000, \"title\": \"Rada sieci\", \"start\": \"2026-03-19T10:00\","
              + " \"end\": \"2026-03-19T11:00\", \"timeZone\": \"Europe/Warsaw\", \"rrule\":"
              + " \"FREQ=WEEKLY;BYDAY=TH;COUNT=10\", \"visibility\": \"NETWORK\"}; visibility is"
              + " PRIVATE (the calendar's space), NETWORK or PUBLIC. The rule is RFC 5545's"
              + " RRULE: daily at most, without times of day, UNTIL or COUNT (at most 3660).")
  public Response create(@NotNull EventInput input) {
    CalendarEvent created =
        calendar.createEvent(input().required(input.calendarId(), "calendarId"), draft(input));
    return Response.created(URI.create("calendar/events/" + created.getId()))
        .entity(view(created))
        .build();
  }

  @PUT
  @Path("events/{id: \\d+}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change an event, one occurrence, this and following, or a whole series",
      description =
          "scope is ONE, THIS_AND_FOLLOWING or SERIES; occurrence is the recurrenceId of the"
              + " occurrence for the first two. Without scope: the whole series, or the overridden"
              + " occurrence whose id it is. Send the version you read; if someone"
              + " changed the event since, the answer is 409. The answer is the event that now"
              + " holds the change: the series, the overridden occurrence or the new series.")
  public EventView update(
      @PathParam("id") long id,
      @QueryParam("scope") String scope,
      @QueryParam("occurrence") String occurrence,
      @NotNull EventInput input) {
    long version = input().required(input.version(), "version");
    LocalDateTime start = occurrence(occurrence);
    CalendarEvent changed =
        calendar.updateEvent(id, version, scope(scope, start), start, draft(input));
    return view(calendar.getEvent(changed.getId()));
  }

  @DELETE
  @Path("events/{id: \\d+}")
  @Operation(
      summary = "Delete an event, one occurrence, this and following, or a whole series",
      description = "version is the version read; scope and occurrence as for a change.")
  public Response delete(
      @PathParam("id") long id,
      @QueryParam("version") Long version,
      @QueryParam("scope") String scope,
      @QueryParam("occurrence") String occurrence) {
    LocalDateTime start = occurrence(occurrence);
    calendar.deleteEvent(id, input().required(version, "version"), scope(scope, start), start);
    return Response.noContent().build();
  }

  // Invitations

  /** An attendee of an event with their answer and what they were invited through. */
  public record AttendeeView(
      long id,
      Long accountId,
      Long personId,
      String name,
      String email,
      String role,
      Answer answer,
      String answeredAt,
      InviteeType invitedThrough,
      long invitedThroughId,
      String invitedThroughName) {

    static AttendeeView of(Attendee attendee) {
      return new AttendeeView(
          attendee.getId(),
          attendee.getAccountId(),
          attendee.getPersonId(),
          attendee.getDisplayName(),
          attendee.getEmail(),
          attendee.getRole(),
          attendee.getAnswer(),
          attendee.getAnsweredAt() == null ? null : attendee.getAnsweredAt().toString(),
          attendee.getInvitedThroughType(),
          attendee.getInvitedThroughId(),
          attendee.getInvitedThroughName());
    }
  }

  /** Whom to invite: {@code type} is ACCOUNT, PERSON, CELL, ORGANISATION or WORKING_GROUP. */
  public record InviteeInput(String type, Long id) {}

  /** An invitation: the event's version read, and whom to invite. */
  public record InvitationInput(Long version, List<InviteeInput> invitees) {}

  /** An answer: ACCEPTED, TENTATIVE or DECLINED. */
  public record AnswerInput(String answer) {}

  @GET
  @Path("events/{id: \\d+}/attendees")
  @Operation(
      summary = "The attendees of an event and their answers",
      description =
          "All of them for those who may change the event, else only the caller's own"
              + " invitation. An overridden occurrence has its series' attendees.")
  public List<AttendeeView> attendees(@PathParam("id") long id) {
    return calendar.attendees(id).stream().map(AttendeeView::of).toList();
  }

  @POST
  @Path("events/{id: \\d+}/attendees")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Invite people, cells, organisations or working groups",
      description =
          "{\"version\": 3, \"invitees\": [{\"type\": \"ORGANISATION\", \"id\": 1001},"
              + " {\"type\": \"PERSON\", \"id\": 1050}]}: at most 50; a cell, organisation"
              + " or working group reaches its people's accounts (and people with an e-mail but"
              + " no account). Who is invited already, and the organiser, are skipped. Each new"
              + " attendee gets an iMIP invitation by e-mail. The answer lists the new attendees.")
  public List<AttendeeView> invite(@PathParam("id") long id, @NotNull InvitationInput input) {
    long version = input().required(input.version(), "version");
    List<InviteeInput> given = input().required(input.invitees(), "invitees");
    List<Invitee> invitees =
        given.stream()
            .map(
                invitee -> {
                  if (invitee == null) {
                    throw input().invalid("invitees");
                  }
                  return new Invitee(
                      inviteeType(input().required(invitee.type(), "type")),
                      input().required(invitee.id(), "id"));
                })
            .toList();
    return calendar.invite(id, version, invitees).stream().map(AttendeeView::of).toList();
  }

  @DELETE
  @Path("events/{id: \\d+}/attendees/{attendee: \\d+}")
  @Operation(
      summary = "Take an attendee off an event",
      description = "They get the event's cancellation by e-mail.")
  public Response uninvite(@PathParam("id") long id, @PathParam("attendee") long attendee) {
    calendar.uninvite(id, attendee);
    return Response.noContent().build();
  }

  @PUT
  @Path("events/{id: \\d+}/answer")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Answer an invitation as the signed-in invitee",
      description = "{\"answer\": \"ACCEPTED\"}: ACCEPTED, TENTATIVE or DECLINED.")
  public AttendeeView answer(@PathParam("id") long id, @NotNull AnswerInput input) {
    Answer answer;
    try {
      answer = Answer.valueOf(input().required(input.answer(), "answer").strip());
    } catch (IllegalArgumentException unknown) {
      throw input().invalid("answer");
    }
    return AttendeeView.of(calendar.answer(id, answer));
  }

  private InviteeType inviteeType(String text) {
    try {
      return InviteeType.valueOf(text.strip());
    } catch (IllegalArgumentException unknown) {
      throw input().invalid("type");
    }
  }

  // Helpers

  private EventView view(CalendarEvent event) {
    return EventView.of(event, calendar.mayEdit(event));
  }

  /** The input as the service's draft, its fields checked by the service's own rules. */
  private EventDraft draft(EventInput input) {
    boolean allDay = Boolean.TRUE.equals(input.allDay());
    Map<Language, EventText> translations = new EnumMap<>(Language.class);
    if (input.translations() != null) {
      input
          .translations()
          .forEach((code, text) -> translations.put(language(code, "translations"), text(text)));
    }
    EventDraft draft =
        new EventDraft(
            input.title(),
            input.description(),
            input.language() == null ? null : language(input.language(), "language"),
            translations,
            input.location(),
            allDay,
            time(input().required(input.start(), "start"), allDay, "start"),
            time(input().required(input.end(), "end"), allDay, "end"),
            input().required(input.timeZone(), "timeZone"),
            input.rrule(),
            input.categories(),
            input().required(input.visibility(), "visibility"));
    return input().valid(validator, draft);
  }

  private EventText text(TextView text) {
    if (text == null) {
      throw input().invalid("translations");
    }
    return new EventText(text.title(), text.description());
  }

  private LocalDateTime time(String text, boolean allDay, String field) {
    try {
      return allDay
          ? LocalDate.parse(text.strip()).atStartOfDay()
          : LocalDateTime.parse(text.strip());
    } catch (DateTimeParseException invalid) {
      throw input().invalid(field);
    }
  }

  private LocalDateTime occurrence(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return text.strip().length() == 10
          ? LocalDate.parse(text.strip()).atStartOfDay()
          : LocalDateTime.parse(text.strip());
    } catch (DateTimeParseException invalid) {
      throw input().invalid("occurrence");
    }
  }

  /** The scope, and for one occurrence or this and following, which occurrence. */
  private EditScope scope(String text, LocalDateTime occurrence) {
    if (text == null || text.isBlank()) {
      return null;
    }
    EditScope scope;
    try {
      scope = EditScope.valueOf(text.strip());
    } catch (IllegalArgumentException unknown) {
      throw input().invalid("scope");
    }
    if (scope != EditScope.SERIES && occurrence == null) {
      throw input().badRequest("calendar.api.fieldMissing", "occurrence");
    }
    return scope;
  }

  private Language language(String code, String field) {
    return Language.fromCode(code == null ? "" : code.strip())
        .orElseThrow(() -> input().invalid(field));
  }

  private RestInput input() {
    return RestInput.of(headers, "calendar");
  }
}
