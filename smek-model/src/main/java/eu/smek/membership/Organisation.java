package eu.smek.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A member of the network: a town or an association. Permissions are scoped by its id. */
@Entity
@Table(name = "organisation")
public class Organisation {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organisation_seq")
  @SequenceGenerator(
      name = "organisation_seq",
      sequenceName = "organisation_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  /** The short code used in the network's documents (LP, PP1, ...); never changes. */
  @NotBlank
  @Size(max = 16)
  @Pattern(regexp = "[A-Z0-9-]+")
  @Column(nullable = false, unique = true, updatable = false, length = 16)
  private String code;

  /** The official name in the organisation's own language. */
  @NotBlank
  @Size(max = 200)
  @Column(nullable = false, length = 200)
  private String name;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 2)
  private Country country;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private OrganisationType type;

  /** The lead partner of the network's founding project. */
  @Column(name = "lead_partner", nullable = false)
  private boolean leadPartner;

  protected Organisation() {}

  public Organisation(String code, String name, Country country, OrganisationType type) {
    this.code = code;
    this.name = name;
    this.country = country;
    this.type = type;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Country getCountry() {
    return country;
  }

  public OrganisationType getType() {
    return type;
  }

  public boolean isLeadPartner() {
    return leadPartner;
  }

  public void setLeadPartner(boolean leadPartner) {
    this.leadPartner = leadPartner;
  }
}
