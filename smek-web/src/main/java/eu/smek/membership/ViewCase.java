package eu.smek.membership;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * One membership case: its contact, its steps with their documents, and the forms for the next
 * steps that its state allows (comment, request completion, record it, decide, complete).
 */
@Named
@ViewScoped
public class ViewCase implements Serializable {

  @Inject private MembershipService membership;

  private Long id;
  private MembershipCase subject;
  private List<CaseEntry> entries;

  private String comment;
  private String request;
  private String supplement;
  private String reason;
  private LocalDate effectiveOn;
  // Only used within the request that uploads them; never kept in the view state.
  private transient Part supplementDocument;
  private transient Part signedDocument;

  public void load() {
    subject = membership.getCase(id);
    entries = membership.caseEntries(id);
  }

  public boolean allows(String step) {
    return subject.getState().allows(CaseStep.valueOf(step));
  }

  public void comment() throws IOException {
    membership.commentOnCase(id, comment);
    done();
  }

  public void requestCompletion() throws IOException {
    membership.requestCompletion(id, request);
    done();
  }

  public void supplement() throws IOException {
    membership.supplementCase(id, supplement, Uploads.of(supplementDocument));
    done();
  }

  public void approve() throws IOException {
    membership.decideCase(id, true, reason);
    done();
  }

  public void reject() throws IOException {
    membership.decideCase(id, false, reason);
    done();
  }

  public void complete() throws IOException {
    membership.completeCase(id, effectiveOn, Uploads.of(signedDocument));
    done();
  }

  private void done() throws IOException {
    Messages.addFlashGlobalInfo(
        eu.smek.shared.Messages.format(Faces.getLocale(), "membership.case.saved"));
    Faces.redirect(Faces.getRequestContextPath() + "/membership/view-case?id=" + id);
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public MembershipCase getSubject() {
    return subject;
  }

  public List<CaseEntry> getEntries() {
    return entries;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }

  public String getRequest() {
    return request;
  }

  public void setRequest(String request) {
    this.request = request;
  }

  public String getSupplement() {
    return supplement;
  }

  public void setSupplement(String supplement) {
    this.supplement = supplement;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public LocalDate getEffectiveOn() {
    return effectiveOn;
  }

  public void setEffectiveOn(LocalDate effectiveOn) {
    this.effectiveOn = effectiveOn;
  }

  public Part getSupplementDocument() {
    return supplementDocument;
  }

  public void setSupplementDocument(Part supplementDocument) {
    this.supplementDocument = supplementDocument;
  }

  public Part getSignedDocument() {
    return signedDocument;
  }

  public void setSignedDocument(Part signedDocument) {
    this.signedDocument = signedDocument;
  }
}
