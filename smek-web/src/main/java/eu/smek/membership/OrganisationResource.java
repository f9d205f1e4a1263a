package eu.smek.membership;

import eu.smek.shared.ConcurrentChangeException;
import eu.smek.shared.Language;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The membership register over REST: organisations (read by members, written by association
 * administrators) and their status history. Permissions are checked by {@link MembershipService}.
 */
@RequestScoped
@Path("organisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Membership")
public class OrganisationResource {

  @Inject private MembershipService membership;

  /** An organisation as the API shows it. */
  public record OrganisationView(
      long id,
      long version,
      String code,
      String name,
      Map<String, String> translatedNames,
      Country country,
      OrganisationType type,
      boolean leadPartner,
      MembershipStatus status,
      String membershipNumber,
      String street,
      String postalCode,
      String city,
      String website,
      BigDecimal latitude,
      BigDecimal longitude,
      String representativeName,
      String representativeFunction) {

    static OrganisationView of(Organisation organisation) {
      Address address = organisation.getAddress();
      return new OrganisationView(
          organisation.getId(),
          organisation.getVersion(),
          organisation.getCode(),
          organisation.getName(),
          names(organisation.getTranslatedNames()),
          organisation.getCountry(),
          organisation.getType(),
          organisation.isLeadPartner(),
          organisation.getStatus(),
          organisation.getMembershipNumber(),
          address.getStreet(),
          address.getPostalCode(),
          address.getCity(),
          organisation.getWebsite(),
          organisation.getLatitude(),
          organisation.getLongitude(),
          organisation.getRepresentativeName(),
          organisation.getRepresentativeFunction());
    }

    /** Translated names keyed by language code (pl, sk, uk, ...). */
    private static Map<String, String> names(Map<Language, String> names) {
      Map<String, String> byCode = new TreeMap<>();
      names.forEach((language, translated) -> byCode.put(language.code(), translated));
      return byCode;
    }

    /** Copies what a client may write onto an organisation; code only when it is new. */
    void applyTo(Organisation organisation) {
      if (organisation.getId() == null) {
        organisation.setCode(code);
      }
      organisation.setName(name);
      organisation.getTranslatedNames().clear();
      if (translatedNames != null) {
        translatedNames.forEach(
            (code, translated) ->
                organisation
                    .getTranslatedNames()
                    .put(
                        Language.fromCode(code).orElseThrow(BadRequestException::new), translated));
      }
      organisation.setCountry(country);
      organisation.setType(type);
      organisation.setLeadPartner(leadPartner);
      organisation.getAddress().setStreet(street);
      organisation.getAddress().setPostalCode(postalCode);
      organisation.getAddress().setCity(city);
      organisation.setWebsite(website);
      organisation.setLatitude(latitude);
      organisation.setLongitude(longitude);
      organisation.setRepresentativeName(representativeName);
      organisation.setRepresentativeFunction(representativeFunction);
    }
  }

  /** One entry of the membership history. */
  public record MembershipChangeView(
      MembershipStatus from,
      MembershipStatus to,
      LocalDate effectiveOn,
      String reason,
      String documentName,
      String documentUrl,
      String recordedBy,
      Instant recordedAt) {

    static MembershipChangeView of(MembershipChange change) {
      var document = change.getDocument();
      return new MembershipChangeView(
          change.getFromStatus(),
          change.getToStatus(),
          change.getEffectiveOn(),
          change.getReason(),
          document == null ? null : document.getName(),
          document == null ? null : "/membership/documents/" + document.getId(),
          change.getRecordedBy(),
          change.getRecordedAt());
    }
  }

  @GET
  @Operation(summary = "All organisations of the network and those on their way in")
  public List<OrganisationView> list() {
    return membership.listOrganisations().stream().map(OrganisationView::of).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One organisation")
  public OrganisationView get(@PathParam("id") long id) {
    return OrganisationView.of(membership.getOrganisation(id));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Register an organisation as a prospect (association administrators)")
  public Response create(@NotNull OrganisationView input) {
    Organisation organisation =
        new Organisation(input.code(), input.name(), input.country(), input.type());
    input.applyTo(organisation);
    Organisation created = membership.createOrganisation(organisation);
    return Response.created(URI.create("organisations/" + created.getId()))
        .entity(OrganisationView.of(created))
        .build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change an organisation's details (association administrators)",
      description =
          "Send the version you read; if someone changed the organisation since, the answer is"
              + " 409. Status and membership number change only through /membership.")
  public OrganisationView update(@PathParam("id") long id, @NotNull OrganisationView input) {
    Organisation organisation = membership.getOrganisation(id);
    if (organisation.getVersion() != input.version()) {
      throw new ConcurrentChangeException();
    }
    input.applyTo(organisation);
    return OrganisationView.of(membership.updateOrganisation(organisation));
  }

  @GET
  @Path("{id}/membership")
  @Operation(summary = "The organisation's membership history, oldest first")
  public List<MembershipChangeView> history(@PathParam("id") long id) {
    return membership.history(id).stream().map(MembershipChangeView::of).toList();
  }

  @POST
  @Path("{id}/membership")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Change the membership status (association administrators)",
      description =
          "Form fields: status, effectiveOn (yyyy-MM-dd, default today), reason, document (PDF)."
              + " Refusing, suspending and withdrawing need a reason; admitting, suspending and"
              + " withdrawing need the document.")
  public Response changeStatus(
      @PathParam("id") long id,
      @FormParam("status") @NotNull String status,
      @FormParam("effectiveOn") String effectiveOn,
      @FormParam("reason") String reason,
      @FormParam("document") EntityPart document)
      throws IOException {
    MembershipChange change =
        membership.changeStatus(
            id,
            status(status),
            MultipartFields.date(effectiveOn),
            reason,
            MultipartFields.upload(document));
    return Response.created(URI.create("organisations/" + id + "/membership"))
        .entity(MembershipChangeView.of(change))
        .build();
  }

  // Multipart fields arrive as text (Jakarta REST converts only String, InputStream, EntityPart).
  private static MembershipStatus status(String text) {
    try {
      return MembershipStatus.valueOf(text.strip());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e);
    }
  }
}
