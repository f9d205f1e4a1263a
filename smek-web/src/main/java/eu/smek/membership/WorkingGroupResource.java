package eu.smek.membership;

import eu.smek.rest.RestInput;
import eu.smek.shared.ConcurrentChangeException;
import eu.smek.shared.Language;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Working groups over REST: read by everyone signed in; set up, changed, paused, closed and
 * reopened by association administrators; members added and removed also by the group's
 * coordinator. Permissions are checked by {@link MembershipService}.
 */
@RequestScoped
@Path("working-groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Membership")
public class WorkingGroupResource {

  @Inject private MembershipService membership;
  @Context private HttpHeaders headers;

  /** A member of a group, and where they work. */
  public record MemberView(
      long id, String givenName, String familyName, long organisationId, String organisation) {

    static MemberView of(Person person) {
      Organisation organisation = person.getCell().getOrganisation();
      return new MemberView(
          person.getId(),
          person.getGivenName(),
          person.getFamilyName(),
          organisation.getId(),
          organisation.getName());
    }
  }

  /** A group in a list: its name in the caller's language and in all, without its members. */
  public record WorkingGroupSummary(
      long id,
      long version,
      String name,
      Map<String, String> names,
      Topic topic,
      WorkingGroupStatus status,
      MemberView coordinator,
      int memberCount,
      List<String> organisations) {

    static WorkingGroupSummary of(WorkingGroup group, Language language) {
      return new WorkingGroupSummary(
          group.getId(),
          group.getVersion(),
          group.nameIn(language),
          byCode(group.getNames()),
          group.getTopic(),
          group.getStatus(),
          group.getCoordinator() == null ? null : MemberView.of(group.getCoordinator()),
          group.getMembers().size(),
          group.getTowns().stream().map(Organisation::getName).toList());
    }
  }

  /**
   * A group as the API shows and takes it. Clients write names, descriptions (keyed by language
   * code: pl, sk, en, uk, hu, ro) and topic; the rest is read only.
   */
  public record WorkingGroupView(
      long id,
      long version,
      String name,
      Map<String, String> names,
      Map<String, String> descriptions,
      Topic topic,
      WorkingGroupStatus status,
      Long coordinatorId,
      List<MemberView> members) {

    static WorkingGroupView of(WorkingGroup group, Language language) {
      return new WorkingGroupView(
          group.getId(),
          group.getVersion(),
          group.nameIn(language),
          byCode(group.getNames()),
          byCode(group.getDescriptions()),
          group.getTopic(),
          group.getStatus(),
          group.getCoordinator() == null ? null : group.getCoordinator().getId(),
          group.getMembers().stream()
              .sorted(Comparator.comparing(Person::getFamilyName).thenComparing(Person::getId))
              .map(MemberView::of)
              .toList());
    }

    void applyTo(WorkingGroup group, RestInput in) {
      for (Language language : Language.values()) {
        group.setName(language, null);
        group.setDescription(language, null);
      }
      if (names != null) {
        names.forEach((code, name) -> group.setName(language(in, code, "names"), name));
      }
      if (descriptions != null) {
        descriptions.forEach(
            (code, description) ->
                group.setDescription(language(in, code, "descriptions"), description));
      }
      group.setTopic(topic);
    }
  }

  /** The status a group is to move to. */
  public record StatusChange(WorkingGroupStatus status) {}

  /** A person of the directory, by id. */
  public record PersonRef(Long personId) {}

  @GET
  @Operation(
      summary = "The working groups",
      description =
          "All parameters are optional. status is ACTIVE, PAUSED or CLOSED; text matches the name"
              + " in any language, also without diacritics. name is in the language of"
              + " Accept-Language, or another when the group has no name in it.")
  public List<WorkingGroupSummary> list(
      @QueryParam("status") WorkingGroupStatus status,
      @QueryParam("topic") Topic topic,
      @QueryParam("text") String text) {
    Language language = language();
    return membership.listWorkingGroups(new WorkingGroupQuery(status, topic, text)).stream()
        .map(group -> WorkingGroupSummary.of(group, language))
        .toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One working group with its members")
  public WorkingGroupView get(@PathParam("id") long id) {
    return view(id);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set up a working group (association administrators)",
      description = "It starts active, without members; give a name in at least one language.")
  public Response create(@NotNull WorkingGroupView input) {
    WorkingGroup group = new WorkingGroup();
    input.applyTo(group, input());
    WorkingGroup created = membership.createWorkingGroup(group);
    return Response.created(URI.create("working-groups/" + created.getId()))
        .entity(view(created.getId()))
        .build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Change a working group's names, descriptions and topic (association administrators)",
      description =
          "Send the version you read; if someone changed the group since, also its members, the"
              + " answer is 409. A closed group is not changed (422).")
  public WorkingGroupView update(@PathParam("id") long id, @NotNull WorkingGroupView input) {
    WorkingGroup group = membership.getWorkingGroup(id);
    if (group.getVersion() != input.version()) {
      throw new ConcurrentChangeException();
    }
    input.applyTo(group, input());
    membership.updateWorkingGroup(group);
    return view(id);
  }

  @PUT
  @Path("{id}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Pause, close or reopen a working group (association administrators)",
      description =
          "{\"status\": \"PAUSED\"}. ACTIVE and PAUSED may follow each other; either may"
              + " be CLOSED; a closed group can only become ACTIVE again.")
  public WorkingGroupView changeStatus(@PathParam("id") long id, @NotNull StatusChange input) {
    membership.changeWorkingGroupStatus(id, input.status());
    return view(id);
  }

  @PUT
  @Path("{id}/coordinator")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Name a member the group's coordinator (association administrators)",
      description = "{\"personId\": 42}; the person must be a member of the group.")
  public WorkingGroupView nameCoordinator(@PathParam("id") long id, @NotNull PersonRef input) {
    membership.nameWorkingGroupCoordinator(id, personId(input));
    return view(id);
  }

  @POST
  @Path("{id}/members")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a person of a member organisation to the group",
      description =
          "{\"personId\": 42}. Association administrators and the group's coordinator may.")
  public Response addMember(@PathParam("id") long id, @NotNull PersonRef input) {
    long personId = personId(input);
    membership.addWorkingGroupMember(id, personId);
    return Response.created(URI.create("working-groups/" + id + "/members/" + personId))
        .entity(view(id))
        .build();
  }

  @DELETE
  @Path("{id}/members/{personId}")
  @Operation(
      summary = "Remove a member from the group",
      description =
          "Association administrators and the group's coordinator may; the coordinator stays"
              + " until another member is named coordinator.")
  public void removeMember(@PathParam("id") long id, @PathParam("personId") long personId) {
    membership.removeWorkingGroupMember(id, personId);
  }

  private WorkingGroupView view(long id) {
    return WorkingGroupView.of(membership.getWorkingGroup(id), language());
  }

  private Language language() {
    return input().language();
  }

  private long personId(PersonRef ref) {
    return input().required(ref.personId(), "personId");
  }

  /** The language of a text keyed by its code, or a 400 problem naming the field. */
  private static Language language(RestInput in, String code, String field) {
    return Language.fromCode(code).orElseThrow(() -> in.invalid(field));
  }

  private RestInput input() {
    return RestInput.of(headers, "membership");
  }

  /** Texts keyed by language code (pl, sk, ...), as clients write them. */
  private static Map<String, String> byCode(Map<Language, String> texts) {
    Map<String, String> byCode = new TreeMap<>();
    texts.forEach((language, text) -> byCode.put(language.code(), text));
    return byCode;
  }
}
