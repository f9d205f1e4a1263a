package eu.smek.membership;

import eu.smek.shared.Language;
import eu.smek.shared.SearchKeys;
import eu.smek.shared.StoredFile;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An organisation of the network or on its way in: a town or an association, with its membership
 * status (history in {@link MembershipChange}). Permissions are scoped by its id. Serializable,
 * because an edit form keeps the organisation in its (replicated) view state.
 */
@Entity
@Table(name = "organisation")
public class Organisation implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

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

  /** The name in other languages, for pages shown in those languages. */
  @ElementCollection
  @CollectionTable(name = "organisation_name", joinColumns = @JoinColumn(name = "organisation_id"))
  @MapKeyEnumerated(EnumType.STRING)
  @MapKeyColumn(name = "language", length = 2)
  @Column(name = "name", nullable = false, length = 200)
  private Map<Language, String> translatedNames = new EnumMap<>(Language.class);

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private MembershipStatus status = MembershipStatus.PROSPECT;

  /** Given when the organisation first becomes a member; kept for good. */
  @Column(name = "membership_number", unique = true, length = 16)
  private String membershipNumber;

  @Valid @Embedded private Address address = new Address();

  @Size(max = 200)
  @Pattern(regexp = "https?://[^\\s<>\"]+")
  @Column(length = 200)
  private String website;

  @DecimalMin("-90")
  @DecimalMax("90")
  @Column(precision = 9, scale = 6)
  private BigDecimal latitude;

  @DecimalMin("-180")
  @DecimalMax("180")
  @Column(precision = 9, scale = 6)
  private BigDecimal longitude;

  /** Who represents the organisation by its statutes (the mayor, the association's chair). */
  @Size(max = 200)
  @Column(name = "representative_name", length = 200)
  private String representativeName;

  @Size(max = 200)
  @Column(name = "representative_function", length = 200)
  private String representativeFunction;

  /** The coat of arms or logo, a PNG re-encoded from the upload. */
  @OneToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "logo_id")
  private StoredFile logo;

  /** The official and translated names, folded for searching (see {@link SearchKeys}). */
  @Column(name = "search_key", nullable = false, length = 1300)
  private String searchKey = "";

  protected Organisation() {}

  public Organisation(String code, String name, Country country, OrganisationType type) {
    this.code = code;
    this.name = name;
    this.country = country;
    this.type = type;
  }

  @PrePersist
  @PreUpdate
  void updateSearchKey() {
    searchKey = searchKeyOf(name, translatedNames.values());
  }

  /** The search key of these names; migration V9 gave it to the organisations registered before. */
  public static String searchKeyOf(String name, Collection<String> translatedNames) {
    List<String> names = new ArrayList<>();
    names.add(name);
    names.addAll(translatedNames);
    return SearchKeys.fold(String.join(" ", names));
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

  /** Only for a new organisation: the column is not updatable. */
  public void setCode(String code) {
    this.code = code;
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

  public void setCountry(Country country) {
    this.country = country;
  }

  public void setType(OrganisationType type) {
    this.type = type;
  }

  /** The name in a language: the translation if there is one, else the official name. */
  public String nameIn(Language language) {
    return translatedNames.getOrDefault(language, name);
  }

  public Map<Language, String> getTranslatedNames() {
    return translatedNames;
  }

  public MembershipStatus getStatus() {
    return status;
  }

  /** Only {@code MembershipService} changes the status, together with the history. */
  public void setStatus(MembershipStatus status) {
    this.status = status;
  }

  public String getMembershipNumber() {
    return membershipNumber;
  }

  public void setMembershipNumber(String membershipNumber) {
    this.membershipNumber = membershipNumber;
  }

  /** Never null: Hibernate loads an address whose columns are all empty as null. */
  public Address getAddress() {
    if (address == null) {
      address = new Address();
    }
    return address;
  }

  public String getWebsite() {
    return website;
  }

  public void setWebsite(String website) {
    this.website = website;
  }

  public BigDecimal getLatitude() {
    return latitude;
  }

  public void setLatitude(BigDecimal latitude) {
    this.latitude = latitude;
  }

  public BigDecimal getLongitude() {
    return longitude;
  }

  public void setLongitude(BigDecimal longitude) {
    this.longitude = longitude;
  }

  public String getRepresentativeName() {
    return representativeName;
  }

  public void setRepresentativeName(String representativeName) {
    this.representativeName = representativeName;
  }

  public String getRepresentativeFunction() {
    return representativeFunction;
  }

  public void setRepresentativeFunction(String representativeFunction) {
    this.representativeFunction = representativeFunction;
  }

  public StoredFile getLogo() {
    return logo;
  }

  public void setLogo(StoredFile logo) {
    this.logo = logo;
  }
}
