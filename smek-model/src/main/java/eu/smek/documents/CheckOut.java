package eu.smek.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/** Who has a document checked out, since when and until when at the latest. */
@Embeddable
public class CheckOut implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Column(name = "locked_by")
  private Long holderId;

  @Column(name = "locked_by_name", length = 200)
  private String holderName;

  @Column(name = "locked_at")
  private Instant since;

  @Column(name = "lock_expires_at")
  private Instant expiresAt;

  protected CheckOut() {}

  CheckOut(long holderId, String holderName, Instant since, Instant expiresAt) {
    this.holderId = holderId;
    this.holderName = holderName;
    this.since = since;
    this.expiresAt = expiresAt;
  }

  public boolean heldAt(Instant now) {
    return holderId != null && now.isBefore(expiresAt);
  }

  public boolean heldBy(long accountId) {
    return holderId != null && holderId == accountId;
  }

  public Long getHolderId() {
    return holderId;
  }

  public String getHolderName() {
    return holderName;
  }

  public Instant getSince() {
    return since;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }
}
