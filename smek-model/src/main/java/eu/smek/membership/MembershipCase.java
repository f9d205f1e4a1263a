package eu.smek.membership;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A town's accession, a member's suspension or a member's withdrawal, from the application to the
 * signed document: reviewed by an association, approved or rejected with a reason, and completed by
 * the signed document, which changes the organisation's status. Its steps are {@link CaseEntry}s;
 * the person the case is discussed with is its contact, who may have no account.
 */
@Entity
@Table(name = "membership_case")
public class MembershipCase implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "membership_case_seq")
  @SequenceGenerator(
      name = "membership_case_seq",
      sequenceName = "membership_case_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
  private Organisation organisation;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private CaseKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private CaseState state = CaseState.UNDER_REVIEW;

  @NotBlank
  @Size(max = 200)
  @Column(name = "contact_name", nullable = false, length = 200)
  private String contactName;

  @Size(max = 200)
  @Column(name = "contact_position", length = 200)
  private String contactPosition;

  @NotBlank
  @Email
  @Size(max = 254)
  @Column(name = "contact_email", nullable = false, length = 254)
  private String contactEmail;

  @Size(max = 40)
  @Column(name = "contact_phone", length = 40)
  private String contactPhone;

  @Column(name = "opened_at", nullable = false, updatable = false)
  private Instant openedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  /** The signatures found in the signed document that completed the case. */
  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "membership_case_signature", joinColumns = @JoinColumn(name = "case_id"))
  @OrderColumn(name = "ordinal")
  private List<DocumentSignature> signatures = new ArrayList<>();

  protected MembershipCase() {}

  public MembershipCase(Organisation organisation, CaseKind kind) {
    this.organisation = organisation;
    this.kind = kind;
    this.openedAt = Instant.now();
  }

  /** Takes a step: the state it leads to, and the closing time if it ends the case. */
  public void take(CaseStep step) {
    state = state.after(step);
    if (!state.isOpen()) {
      closedAt = Instant.now();
    }
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public Organisation getOrganisation() {
    return organisation;
  }

  public CaseKind getKind() {
    return kind;
  }

  public CaseState getState() {
    return state;
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

  public Instant getOpenedAt() {
    return openedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public List<DocumentSignature> getSignatures() {
    return signatures;
  }
}
