package eu.smek.membership;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Opens a membership case for an organisation: a town's application with its contact and the town
 * council's resolution, or a suspension or withdrawal with its reason.
 */
@Named
@ViewScoped
public class OpenCase implements Serializable {

  @Inject private MembershipService membership;

  private Long organisationId;
  private Organisation organisation;
  private CaseKind kind;
  private String contactName;
  private String contactPosition;
  private String contactEmail;
  private String contactPhone;
  private String statement;
  // Only used within the request that uploads it; never kept in the view state.
  private transient Part document;

  public void load() {
    organisation = membership.getOrganisation(organisationId);
    List<CaseKind> kinds = getKinds();
    if (kind == null && !kinds.isEmpty()) {
      kind = kinds.get(0);
    }
  }

  /** The kinds of case the organisation's status allows. */
  public List<CaseKind> getKinds() {
    MembershipStatus status = organisation.getStatus();
    return List.of(CaseKind.values()).stream()
        .filter(
            k ->
                MembershipLifecycle.allows(
                    status, k == CaseKind.ACCESSION ? MembershipStatus.APPLICANT : k.outcome()))
        .toList();
  }

  public void open() throws IOException {
    MembershipCase opened =
        membership.openCase(
            organisationId,
            kind,
            new CaseContact(contactName, contactPosition, contactEmail, contactPhone),
            statement,
            Uploads.of(document));
    Messages.addFlashGlobalInfo(
        eu.smek.shared.Messages.format(Faces.getLocale(), "membership.case.opened"));
    Faces.redirect(Faces.getRequestContextPath() + "/membership/view-case?id=" + opened.getId());
  }

  public Long getOrganisationId() {
    return organisationId;
  }

  public void setOrganisationId(Long organisationId) {
    this.organisationId = organisationId;
  }

  public Organisation getOrganisation() {
    return organisation;
  }

  public CaseKind getKind() {
    return kind;
  }

  public void setKind(CaseKind kind) {
    this.kind = kind;
  }

  public String getContactName() {
    return contactName;
  }

  public void setContactName(String contactName) {
    this.contactName = contactName;
  }

  public String getContactPosition() {
    return contactPosition;
  }

  public void setContactPosition(String contactPosition) {
    this.contactPosition = contactPosition;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public void setContactEmail(String contactEmail) {
    this.contactEmail = contactEmail;
  }

  public String getContactPhone() {
    return contactPhone;
  }

  public void setContactPhone(String contactPhone) {
    this.contactPhone = contactPhone;
  }

  public String getStatement() {
    return statement;
  }

  public void setStatement(String statement) {
    this.statement = statement;
  }

  public Part getDocument() {
    return document;
  }

  public void setDocument(Part document) {
    this.document = document;
  }
}
