package eu.smek.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * What an electronic signature in a PDF says about itself: who signed, when, where and why, and its
 * format (e.g. ETSI.CAdES.detached for PAdES). Recorded as found; whether the certificate is
 * qualified and trusted is for a validation service to say, not for this record.
 */
@Embeddable
public class DocumentSignature implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Column(name = "signer_name", length = 200)
  private String signerName;

  @Column(name = "signed_at")
  private Instant signedAt;

  @Column(length = 200)
  private String reason;

  @Column(length = 200)
  private String location;

  @Column(name = "sub_filter", length = 64)
  private String subFilter;

  protected DocumentSignature() {}

  public DocumentSignature(
      String signerName, Instant signedAt, String reason, String location, String subFilter) {
    this.signerName = clip(signerName);
    this.signedAt = signedAt;
    this.reason = clip(reason);
    this.location = clip(location);
    this.subFilter =
        subFilter == null ? null : subFilter.substring(0, Math.min(64, subFilter.length()));
  }

  private static String clip(String text) {
    return text == null ? null : text.strip().substring(0, Math.min(200, text.strip().length()));
  }

  public String getSignerName() {
    return signerName;
  }

  public Instant getSignedAt() {
    return signedAt;
  }

  public String getReason() {
    return reason;
  }

  public String getLocation() {
    return location;
  }

  public String getSubFilter() {
    return subFilter;
  }
}
