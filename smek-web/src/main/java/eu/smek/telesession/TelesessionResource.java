package eu.smek.telesession;

import eu.smek.documents.Document;
import eu.smek.rest.RestInput;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Telesessions over REST. What each user may see and do is decided by {@link TelesessionService}; a
 * session the caller may not see is not found (404), a stale version is a conflict (409), a missing
 * or invalid field a 400 naming it. Text is returned as stored: JSON is no HTML, and the pages
 * escape it.
 */
@RequestScoped
@Path("telesessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Telesessions")
public class TelesessionResource {

  @Inject private TelesessionService telesessions;
  @Inject private Validator validator;
  @Inject private RoomHub rooms;
  @Context private HttpHeaders headers;

  public record QuorumView(int numerator, int denominator, boolean strict) {}

  public record TelesessionView(
      long id,
      long version,
      String title,
      String description,
      long organisationId,
      long chairAccountId,
      long secretaryAccountId,
      long eventId,
      TelesessionStatus status,
      Visibility visibility,
      QuorumView quorum,
      Set<Long> organisations,
      Set<Long> accounts,
      String openedAt,
      String closedAt,
      boolean mayManage) {}

  /** A new session, or a change of one (then with the version read). */
  public record TelesessionInput(
      Long version,
      String title,
      String description,
      String start,
      String end,
      String timeZone,
      Visibility visibility,
      Long chairAccountId,
      Long secretaryAccountId,
      QuorumView quorum,
      Set<Long> organisations,
      Set<Long> accounts) {}

  public record TransitionInput(Long version, TelesessionStatus status) {}

  public record AgendaItemView(
      long id,
      long version,
      int position,
      String title,
      String presenter,
      int plannedMinutes,
      List<AgendaDocumentView> documents) {
    static AgendaItemView of(AgendaItem item) {
      return of(item, List.of());
    }

    /** The item with those of its documents the caller may read. */
    static AgendaItemView of(AgendaItem item, List<Document> documents) {
      return new AgendaItemView(
          item.getId(),
          item.getVersion(),
          item.getPosition(),
          item.getTitle(),
          item.getPresenter(),
          item.getPlannedMinutes(),
          documents.stream().map(AgendaDocumentView::of).toList());
    }
  }

  /** A document attached to an agenda item, in the session's library. */
  public record AgendaDocumentView(long id, String title, String language, String type) {
    static AgendaDocumentView of(Document document) {
      return new AgendaDocumentView(
          document.getId(),
          document.getTitle(),
          document.getLanguage().name(),
          document.getType().name());
    }
  }

  public record AgendaItemInput(Long version, String title, String presenter, Integer minutes) {}

  public record OrderInput(List<Long> order) {}

  public record AttendanceView(
      long id,
      long version,
      long accountId,
      long organisationId,
      String joinedAt,
      String leftAt,
      AttendanceSource source,
      String note,
      String correctedBy) {
    static AttendanceView of(Attendance a) {
      return new AttendanceView(
          a.getId(),
          a.getVersion(),
          a.getAccountId(),
          a.getOrganisationId(),
          a.getJoinedAt().toString(),
          a.getLeftAt() == null ? null : a.getLeftAt().toString(),
          a.getSource(),
          a.getNote(),
          a.getCorrectedBy());
    }
  }

  /** A correction: times as ISO instants; {@code id} and {@code version} to correct a record. */
  public record AttendanceInput(
      Long id, Long version, Long accountId, String joinedAt, String leftAt, String note) {}

  public record DelegateInput(Long version, Long accountId) {}

  public record MotionInput(Long agendaItemId, String text, VoteKind kind) {}

  public record BallotInput(Choice choice) {}

  public record MotionView(
      long id,
      long agendaItemId,
      String text,
      VoteKind kind,
      MotionStatus status,
      String openedAt,
      String closedAt,
      int ballots,
      Integer yes,
      Integer no,
      Integer abstain,
      Integer present,
      Integer members,
      Boolean quorumReached,
      Boolean adopted,
      String resolution) {
    static MotionView of(Result result) {
      Motion m = result.motion();
      return new MotionView(
          m.getId(),
          m.getAgendaItemId(),
          m.getText(),
          m.getKind(),
          m.getStatus(),
          m.getOpenedAt().toString(),
          m.getClosedAt() == null ? null : m.getClosedAt().toString(),
          result.ballots(),
          result.yes(),
          result.no(),
          result.abstain(),
          m.getPresent(),
          m.getMembers(),
          m.getQuorumReached(),
          m.getAdopted(),
          m.getResolution());
    }
  }

  public record BallotView(long organisationId, long accountId, Choice choice, String castAt) {}

  // Sessions

  @GET
  @Operation(summary = "The telesessions the caller sees, newest first")
  public List<TelesessionView> list() {
    return telesessions.list().stream().map(this::view).toList();
  }

  @GET
  @Path("{id: \\d+}")
  @Operation(summary = "A telesession")
  public TelesessionView get(@PathParam("id") long id) {
    return view(telesessions.get(id));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Schedule a telesession of the caller's organisation",
      description =
          "{\"title\": \"Rada sieci\", \"start\": \"2027-03-19T10:00\", \"end\":"
              + " \"2027-03-19T12:00\", \"timeZone\": \"Europe/Warsaw\", \"visibility\":"
              + " \"NETWORK\", \"chairAccountId\": 1000, \"secretaryAccountId\": 1001,"
              + " \"quorum\": {\"numerator\": 1, \"denominator\": 2, \"strict\": true},"
              + " \"organisations\": [4, 5], \"accounts\": []}: an event in the organisation's"
              + " calendar, the invited organisations' people and the invited accounts invited"
              + " to it. The quorum defaults to more than half of the member organisations.")
  public Response create(@NotNull TelesessionInput input) {
    Telesession created = telesessions.create(draft(input));
    return Response.created(URI.create("telesessions/" + created.getId()))
        .entity(view(created))
        .build();
  }

  @PUT
  @Path("{id: \\d+}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a planned telesession",
      description = "As for scheduling, with the version read; invitations are only added.")
  public TelesessionView update(@PathParam("id") long id, @NotNull TelesessionInput input) {
    long version = input().required(input.version(), "version");
    return view(telesessions.update(id, version, draft(input)));
  }

  @POST
  @Path("{id: \\d+}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Move a telesession to its next status",
      description =
          "{\"version\": 3, \"status\": \"OPEN\"}: PLANNED, OPEN, CLOSED, MINUTES_DRAFTED,"
              + " MINUTES_APPROVED, PUBLISHED, one step at a time.")
  public TelesessionView transition(@PathParam("id") long id, @NotNull TransitionInput input) {
    Telesession moved =
        telesessions.transition(
            id,
            input().required(input.version(), "version"),
            input().required(input.status(), "status"));
    if (moved.getStatus() == TelesessionStatus.CLOSED) {
      rooms.end(id);
    }
    return view(moved);
  }

  @DELETE
  @Path("{id: \\d+}/invitations/organisations/{organisation: \\d+}")
  @Operation(
      summary = "Withdraw an organisation's invitation to a planned or open telesession",
      description = "Its people invited through it get the calendar's cancellation.")
  public TelesessionView withdrawOrganisation(
      @PathParam("id") long id, @PathParam("organisation") long organisation) {
    return view(telesessions.withdrawOrganisation(id, organisation));
  }

  @DELETE
  @Path("{id: \\d+}/invitations/people/{account: \\d+}")
  @Operation(
      summary = "Withdraw a person's invitation to a planned or open telesession",
      description = "They get the calendar's cancellation.")
  public TelesessionView withdrawAccount(
      @PathParam("id") long id, @PathParam("account") long account) {
    return view(telesessions.withdrawAccount(id, account));
  }

  // Agenda

  @GET
  @Path("{id: \\d+}/agenda")
  @Operation(summary = "The agenda, in order")
  public List<AgendaItemView> agenda(@PathParam("id") long id) {
    Map<Long, List<Document>> documents = telesessions.agendaDocuments(id);
    return telesessions.agenda(id).stream()
        .map(item -> AgendaItemView.of(item, documents.getOrDefault(item.getId(), List.of())))
        .toList();
  }

  @POST
  @Path("{id: \\d+}/agenda")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add an agenda item at the end",
      description = "{\"title\": \"Rozpočet\", \"presenter\": \"Ján\", \"minutes\": 20}")
  public Response addItem(@PathParam("id") long id, @NotNull AgendaItemInput input) {
    AgendaItem item = telesessions.addAgendaItem(id, itemDraft(input));
    return Response.created(URI.create("telesessions/" + id + "/agenda/" + item.getId()))
        .entity(AgendaItemView.of(item))
        .build();
  }

  @PUT
  @Path("{id: \\d+}/agenda/{item: \\d+}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change an agenda item, with the version read")
  public AgendaItemView updateItem(
      @PathParam("id") long id, @PathParam("item") long item, @NotNull AgendaItemInput input) {
    return AgendaItemView.of(
        telesessions.updateAgendaItem(
            item, input().required(input.version(), "version"), itemDraft(input)));
  }

  @DELETE
  @Path("{id: \\d+}/agenda/{item: \\d+}")
  @Operation(summary = "Remove an agenda item, with the version read")
  public Response removeItem(
      @PathParam("id") long id, @PathParam("item") long item, @QueryParam("version") Long version) {
    telesessions.removeAgendaItem(item, input().required(version, "version"));
    return Response.noContent().build();
  }

  @PUT
  @Path("{id: \\d+}/agenda/order")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Reorder the agenda", description = "{\"order\": [1003, 1001, 1002]}")
  public List<AgendaItemView> reorder(@PathParam("id") long id, @NotNull OrderInput input) {
    List<Long> order = input().required(input.order(), "order");
    if (order.size() > TelesessionService.MAXIMUM_AGENDA_ITEMS || order.contains(null)) {
      throw input().invalid("order");
    }
    return telesessions.reorder(id, order).stream().map(AgendaItemView::of).toList();
  }

  // Attendance

  @GET
  @Path("{id: \\d+}/attendance")
  @Operation(summary = "Who attended, for which organisation, joined and left when")
  public List<AttendanceView> attendance(@PathParam("id") long id) {
    return telesessions.attendance(id).stream().map(AttendanceView::of).toList();
  }

  @GET
  @Path("{id: \\d+}/attendance.csv")
  @Produces("text/csv")
  @Operation(summary = "The attendance as CSV (RFC 4180, formulas defused)")
  public Response attendanceCsv(@PathParam("id") long id) {
    return Response.ok(telesessions.attendanceCsv(id), "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"attendance-" + id + ".csv\"")
        .build();
  }

  @POST
  @Path("{id: \\d+}/attendance")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The secretary adds or corrects an attendance",
      description =
          "{\"accountId\": 1000, \"joinedAt\": \"2027-03-19T09:05:00Z\", \"leftAt\": null,"
              + " \"note\": \"by phone\"}; with id and version to correct a record.")
  public AttendanceView correct(@PathParam("id") long id, @NotNull AttendanceInput input) {
    Long record = input.id();
    long version = record == null ? 0 : input().required(input.version(), "version");
    long account = record == null ? input().required(input.accountId(), "accountId") : 0;
    return AttendanceView.of(
        telesessions.correctAttendance(
            id,
            record,
            version,
            account,
            input().instant(input().required(input.joinedAt(), "joinedAt"), "joinedAt"),
            input.leftAt() == null ? null : input().instant(input.leftAt(), "leftAt"),
            input.note()));
  }

  @POST
  @Path("{id: \\d+}/join")
  @Operation(summary = "The caller joins the open session for their organisation")
  public AttendanceView join(@PathParam("id") long id) {
    return AttendanceView.of(telesessions.join(id));
  }

  @POST
  @Path("{id: \\d+}/leave")
  @Operation(summary = "The caller leaves the session")
  public Response leave(@PathParam("id") long id) {
    telesessions.leave(id);
    return Response.noContent().build();
  }

  @PUT
  @Path("{id: \\d+}/delegate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "A coordinator designates who casts their organisation's vote",
      description = "{\"version\": 3, \"accountId\": 1002}: an account of their organisation.")
  public TelesessionView designate(@PathParam("id") long id, @NotNull DelegateInput input) {
    return view(
        telesessions.designate(
            id,
            input().required(input.version(), "version"),
            input().required(input.accountId(), "accountId")));
  }

  // Motions

  @GET
  @Path("{id: \\d+}/motions")
  @Operation(summary = "The motions of a session with their results")
  public List<MotionView> motions(@PathParam("id") long id) {
    return telesessions.motions(id).stream()
        .map(m -> MotionView.of(telesessions.result(m.getId())))
        .toList();
  }

  @POST
  @Path("{id: \\d+}/motions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The chair opens a vote on an agenda item",
      description =
          "{\"agendaItemId\": 1000, \"text\": \"…\", \"kind\": \"ROLL_CALL\" or \"SECRET\"}")
  public Response open(@PathParam("id") long id, @NotNull MotionInput input) {
    String text = input().required(input.text(), "text");
    if (text.isBlank() || text.length() > Motion.TEXT_LENGTH) {
      throw input().invalid("text");
    }
    Motion motion =
        telesessions.openMotion(
            id,
            input().required(input.agendaItemId(), "agendaItemId"),
            text,
            input().required(input.kind(), "kind"));
    return Response.created(URI.create("telesessions/motions/" + motion.getId()))
        .entity(MotionView.of(telesessions.result(motion.getId())))
        .build();
  }

  @GET
  @Path("motions/{motion: \\d+}")
  @Operation(summary = "A motion and its result (a secret vote's tallies once closed)")
  public MotionView motion(@PathParam("motion") long motion) {
    return MotionView.of(telesessions.result(motion));
  }

  @POST
  @Path("motions/{motion: \\d+}/ballots")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Cast the caller's organisation's vote",
      description = "{\"choice\": \"YES\", \"NO\" or \"ABSTAIN\"}")
  public Response cast(@PathParam("motion") long motion, @NotNull BallotInput input) {
    telesessions.cast(motion, input().required(input.choice(), "choice"));
    return Response.noContent().build();
  }

  @GET
  @Path("motions/{motion: \\d+}/ballots")
  @Operation(summary = "Who voted; how, in a roll call")
  public List<BallotView> ballots(@PathParam("motion") long motion) {
    return telesessions.ballots(motion).stream()
        .map(
            b ->
                new BallotView(
                    b.getOrganisationId(),
                    b.getAccountId(),
                    b.getChoice(),
                    b.getCastAt() == null ? null : b.getCastAt().toString()))
        .toList();
  }

  @POST
  @Path("motions/{motion: \\d+}/close")
  @Operation(summary = "The chair closes the vote: quorum, result, resolution number")
  public MotionView close(@PathParam("motion") long motion) {
    telesessions.closeMotion(motion);
    return MotionView.of(telesessions.result(motion));
  }

  // Helpers

  private TelesessionView view(Telesession t) {
    Quorum q = t.getQuorum();
    return new TelesessionView(
        t.getId(),
        t.getVersion(),
        t.getTitle(),
        t.getDescription(),
        t.getOrganisationId(),
        t.getChairAccountId(),
        t.getSecretaryAccountId(),
        t.getEventId(),
        t.getStatus(),
        t.getVisibility(),
        new QuorumView(q.getNumerator(), q.getDenominator(), q.isStrict()),
        new TreeSet<>(t.getInvitedOrganisations()),
        new TreeSet<>(t.getInvitedAccounts()),
        t.getOpenedAt() == null ? null : t.getOpenedAt().toString(),
        t.getClosedAt() == null ? null : t.getClosedAt().toString(),
        telesessions.mayManage(t));
  }

  private TelesessionDraft draft(TelesessionInput input) {
    QuorumView quorum = input.quorum();
    if (quorum != null && !Quorum.valid(quorum.numerator(), quorum.denominator())) {
      throw input().invalid("quorum");
    }
    return input()
        .valid(
            validator,
            new TelesessionDraft(
                input().required(input.title(), "title"),
                input.description(),
                input().dateTime(input().required(input.start(), "start"), "start"),
                input().dateTime(input().required(input.end(), "end"), "end"),
                input().required(input.timeZone(), "timeZone"),
                input().required(input.visibility(), "visibility"),
                input().required(input.chairAccountId(), "chairAccountId"),
                input().required(input.secretaryAccountId(), "secretaryAccountId"),
                quorum == null
                    ? null
                    : new Quorum(quorum.numerator(), quorum.denominator(), quorum.strict()),
                input.organisations(),
                input.accounts()));
  }

  private AgendaItemDraft itemDraft(AgendaItemInput input) {
    return input()
        .valid(
            validator,
            new AgendaItemDraft(
                input().required(input.title(), "title"),
                input.presenter(),
                input().required(input.minutes(), "minutes")));
  }

  private RestInput input() {
    return RestInput.of(headers, "telesession");
  }
}
