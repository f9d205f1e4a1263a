package eu.smek.membership;

import eu.smek.faces.Navigation;
import eu.smek.faces.Page;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * One organisation: its details, logo and membership history, and for administrators the form that
 * moves it to another status with the date, reason and document the change needs.
 */
@Named
@ViewScoped
public class ViewOrganisation implements Serializable {

  @Inject private MembershipService membership;
  @Inject private Navigation navigation;

  private Long id;
  private Organisation organisation;
  private List<MembershipChange> history;
  private String logo;
  private List<MembershipCase> cases;

  private MembershipStatus newStatus;
  private LocalDate effectiveOn;
  private String reason;
  // Only used within the request that uploads it; never kept in the view state.
  private transient Part document;

  public void load() {
    organisation = membership.getOrganisation(id);
    history = membership.history(id);
    cases = navigation.allows(Page.LIST_CASES) ? membership.listCases(id, false) : List.of();
    logo =
        membership
            .logo(id)
            .map(png -> "data:image/png;base64," + Base64.getEncoder().encodeToString(png))
            .orElse(null);
  }

  /** Records the status change and shows the page again, with the change in the history. */
  public void changeStatus() throws IOException {
    membership.changeStatus(id, newStatus, effectiveOn, reason, Uploads.of(document));
    Messages.addFlashGlobalInfo(
        eu.smek.shared.Messages.format(
            Faces.getLocale(), "membership.statusChanged", organisation.getName(), newStatus));
    Faces.redirect(Faces.getRequestContextPath() + "/membership/view-organisation?id=" + id);
  }

  /** The organisation's membership cases, for who may handle them. */
  public List<MembershipCase> getCases() {
    return cases;
  }

  public List<MembershipStatus> getNextStatuses() {
    return List.copyOf(MembershipLifecycle.next(organisation.getStatus()));
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Organisation getOrganisation() {
    return organisation;
  }

  public List<MembershipChange> getHistory() {
    return history;
  }

  /** The logo as a data URI for an img element, or null. */
  public String getLogo() {
    return logo;
  }

  public MembershipStatus getNewStatus() {
    return newStatus;
  }

  public void setNewStatus(MembershipStatus newStatus) {
    this.newStatus = newStatus;
  }

  public LocalDate getEffectiveOn() {
    return effectiveOn;
  }

  public void setEffectiveOn(LocalDate effectiveOn) {
    this.effectiveOn = effectiveOn;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Part getDocument() {
    return document;
  }

  public void setDocument(Part document) {
    this.document = document;
  }
}
