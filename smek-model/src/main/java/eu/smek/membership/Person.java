package eu.smek.membership;

import eu.smek.shared.SearchKeys;
import eu.smek.shared.StoredFile;
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
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Someone in a town's cooperation cell, as the network's directory shows them. A person need not
 * have an account; an account may point at its person.
 */
@Entity
@Table(name = "person")
public class Person implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  /** Letters, digits, spaces and the signs phone numbers are written with. */
  public static final String PHONE_PATTERN = "\\+?[0-9 ()./-]{3,32}";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
  @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
  private Long id;

  @Version private long version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "cell_id", nullable = false)
  private Cell cell;

  @NotBlank
  @Size(max = 100)
  @Column(name = "given_name", nullable = false, length = 100)
  private String givenName;

  @NotBlank
  @Size(max = 100)
  @Column(name = "family_name", nullable = false, length = 100)
  private String familyName;

  /** The job in the town hall, e.g. "Head of the Tourism Office". */
  @Size(max = 200)
  @Column(length = 200)
  private String position;

  @Email
  @Size(max = 254)
  @Column(length = 254)
  private String email;

  @Size(max = 32)
  @Pattern(regexp = PHONE_PATTERN)
  @Column(length = 32)
  private String phone;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(name = "cell_role", nullable = false, length = 16)
  private CellRole role = CellRole.MEMBER;

  @Valid
  @Size(max = 12)
  @ElementCollection
  @CollectionTable(name = "person_language", joinColumns = @JoinColumn(name = "person_id"))
  @OrderColumn(name = "sort_order")
  private List<LanguageSkill> languages = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "person_topic", joinColumns = @JoinColumn(name = "person_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "topic", nullable = false, length = 32)
  private Set<Topic> topics = EnumSet.noneOf(Topic.class);

  /** Available for work at a distance: telesessions, calls, shared documents. */
  @Column(name = "telework", nullable = false)
  private boolean teleworkAvailable;

  @OneToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "photo_id")
  private StoredFile photo;

  /** Names, position and e-mail folded for searching (see {@link SearchKeys}). */
  @Column(name = "search_key", nullable = false, length = 700)
  private String searchKey;

  /** A new person for a form; the service places them in a cell. */
  public Person() {}

  public Person(Cell cell, String givenName, String familyName, CellRole role) {
    this.cell = cell;
    this.givenName = givenName;
    this.familyName = familyName;
    this.role = role;
  }

  @PrePersist
  @PreUpdate
  void updateSearchKey() {
    searchKey =
        SearchKeys.fold(
            String.join(
                " ",
                givenName,
                familyName,
                Objects.toString(position, ""),
                Objects.toString(email, "")));
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public Cell getCell() {
    return cell;
  }

  /** Only the service places a person, when adding them to a cell. */
  public void setCell(Cell cell) {
    this.cell = cell;
  }

  public String getGivenName() {
    return givenName;
  }

  public void setGivenName(String givenName) {
    this.givenName = givenName;
  }

  public String getFamilyName() {
    return familyName;
  }

  public void setFamilyName(String familyName) {
    this.familyName = familyName;
  }

  /** Given name first, as the people of the network's countries write it. */
  public String getFullName() {
    return givenName + " " + familyName;
  }

  public String getPosition() {
    return position;
  }

  public void setPosition(String position) {
    this.position = position;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public CellRole getRole() {
    return role;
  }

  public void setRole(CellRole role) {
    this.role = role;
  }

  public List<LanguageSkill> getLanguages() {
    return languages;
  }

  public Set<Topic> getTopics() {
    return topics;
  }

  public boolean isTeleworkAvailable() {
    return teleworkAvailable;
  }

  public void setTeleworkAvailable(boolean teleworkAvailable) {
    this.teleworkAvailable = teleworkAvailable;
  }

  public StoredFile getPhoto() {
    return photo;
  }

  public void setPhoto(StoredFile photo) {
    this.photo = photo;
  }
}
