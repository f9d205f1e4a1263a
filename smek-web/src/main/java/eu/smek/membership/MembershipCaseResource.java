package eu.smek.membership;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Membership cases over REST (association administrators): accessions, suspensions and withdrawals,
 * each step as a POST. Rules and permissions are {@link MembershipService}'s.
 */
@RequestScoped
@Path("membership-cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Membership")
public class MembershipCaseResource {

  @Inject private MembershipService membership;

  /** A case as the API lists it. */
  public record CaseSummary(
      long id,
      long organisationId,
      String organisation,
      CaseKind kind,
      CaseState state,
      Instant openedAt,
      Instant closedAt) {

    static CaseSummary of(MembershipCase c) {
      return new CaseSummary(
          c.getId(),
          c.getOrganisation().getId(),
          c.getOrganisation().getName(),
          c.getKind(),
          c.getState(),
          c.getOpenedAt(),
          c.getClosedAt());
    }
  }

  public record EntryView(
      CaseStep step, String text, Long documentId, String documentName, Instant at, String by) {

    static EntryView of(CaseEntry e) {
      return new EntryView(
          e.getStep(),
          e.getText(),
          e.getDocument() == null ? null : e.getDocument().getId(),
          e.getDocument() == null ? null : e.getDocument().getName(),
          e.getRecordedAt(),
          e.getRecordedBy());
    }
  }

  public record SignatureView(
      String signer, Instant signedAt, String reason, String location, String format) {

    static SignatureView of(DocumentSignature s) {
      return new SignatureView(
          s.getSignerName(), s.getSignedAt(), s.getReason(), s.getLocation(), s.getSubFilter());
    }
  }

  /** A case in full: its contact, steps and the signatures of its signed document. */
  public record CaseView(
      CaseSummary summary,
      CaseContact contact,
      List<EntryView> steps,
      List<SignatureView> signatures) {}

  /** A text for a step: a comment, a request for completion. */
  public record StepText(String text) {}

  /** The decision: approve, or reject with a reason. */
  public record Decision(boolean approve, String reason) {}

  @GET
  @Operation(summary = "Membership cases, newest first: open ones unless all=true")
  public List<CaseSummary> list(
      @QueryParam("organisation") Long organisationId, @QueryParam("all") boolean all) {
    return membership.listCases(organisationId, !all).stream().map(CaseSummary::of).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One case with its steps and signatures")
  public CaseView get(@PathParam("id") long id) {
    return view(membership.getCase(id));
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Open a case",
      description =
          "Form fields: organisation (id), kind (ACCESSION, SUSPENSION, WITHDRAWAL), contactName,"
              + " contactPosition, contactEmail, contactPhone, statement, document (PDF). An"
              + " accession needs the town council's resolution as document; a suspension or"
              + " withdrawal needs the reason as statement.")
  public Response open(
      @FormParam("organisation") @NotNull String organisation,
      @FormParam("kind") @NotNull String kind,
      @FormParam("contactName") String contactName,
      @FormParam("contactPosition") String contactPosition,
      @FormParam("contactEmail") String contactEmail,
      @FormParam("contactPhone") String contactPhone,
      @FormParam("statement") String statement,
      @FormParam("document") EntityPart document)
      throws IOException {
    MembershipCase opened =
        membership.openCase(
            number(organisation),
            kind(kind),
            new CaseContact(contactName, contactPosition, contactEmail, contactPhone),
            statement,
            MultipartFields.upload(document));
    return Response.created(URI.create("membership-cases/" + opened.getId()))
        .entity(view(opened))
        .build();
  }

  @POST
  @Path("{id}/comments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Comment for the reviewing associations")
  public CaseView comment(@PathParam("id") long id, @NotNull StepText input) {
    membership.commentOnCase(id, input.text());
    return view(membership.getCase(id));
  }

  @POST
  @Path("{id}/completion-requests")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Ask the town to complete its application; the text says what is missing")
  public CaseView requestCompletion(@PathParam("id") long id, @NotNull StepText input) {
    return view(membership.requestCompletion(id, input.text()));
  }

  @POST
  @Path("{id}/supplements")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "Record what the town sent: form fields text and document (PDF)")
  public CaseView supplement(
      @PathParam("id") long id,
      @FormParam("text") String text,
      @FormParam("document") EntityPart document)
      throws IOException {
    return view(membership.supplementCase(id, text, MultipartFields.upload(document)));
  }

  @POST
  @Path("{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Approve, or reject with a reason")
  public CaseView decide(@PathParam("id") long id, @NotNull Decision input) {
    return view(membership.decideCase(id, input.approve(), input.reason()));
  }

  @POST
  @Path("{id}/completion")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Complete an approved case with its signed document",
      description =
          "Form fields: document (the signed PDF), effectiveOn (yyyy-MM-dd, default today).")
  public CaseView complete(
      @PathParam("id") long id,
      @FormParam("effectiveOn") String effectiveOn,
      @FormParam("document") EntityPart document)
      throws IOException {
    return view(
        membership.completeCase(
            id, MultipartFields.date(effectiveOn), MultipartFields.upload(document)));
  }

  private CaseView view(MembershipCase c) {
    MembershipCase full = membership.getCase(c.getId());
    return new CaseView(
        CaseSummary.of(full),
        new CaseContact(
            full.getContactName(),
            full.getContactPosition(),
            full.getContactEmail(),
            full.getContactPhone()),
        membership.caseEntries(full.getId()).stream().map(EntryView::of).toList(),
        full.getSignatures().stream().map(SignatureView::of).toList());
  }

  private static long number(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException(e);
    }
  }

  private static CaseKind kind(String text) {
    try {
      return CaseKind.valueOf(text.strip());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e);
    }
  }
}
