package eu.smek.security;

import eu.smek.membership.Organisation;
import eu.smek.membership.Person;
import eu.smek.shared.Language;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** Someone who can sign in. Holds roles in the organisation the account belongs to. */
@Entity
@Table(name = "account")
public class Account {

  /** Login names: lower-case letters, digits and . _ - @, so they are safe in URLs and logs. */
  public static final String LOGIN_PATTERN = "[a-z0-9][a-z0-9._@-]{1,63}";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
  @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
  private Long id;

  @Version private long version;

  @NotBlank
  @Pattern(regexp = LOGIN_PATTERN)
  @Column(nullable = false, unique = true, updatable = false, length = 64)
  private String login;

  @NotBlank
  @Size(max = 200)
  @Column(name = "display_name", nullable = false, length = 200)
  private String displayName;

  @NotBlank
  @Email
  @Size(max = 254)
  @Column(nullable = false, length = 254)
  private String email;

  /** Argon2id hash in Shiro's format; empty until the invited user sets a password. */
  @Column(name = "password_hash", length = 255)
  private String passwordHash;

  @Column(nullable = false)
  private boolean active = true;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 2)
  private Language language;

  @NotNull
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "organisation_id", nullable = false)
  private Organisation organisation;

  /** The account holder's entry in the directory, if they have one. */
  @OneToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "person_id", unique = true)
  private Person person;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false, length = 32)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Account() {}

  public Account(
      String login,
      String displayName,
      String email,
      Organisation organisation,
      Language language) {
    this.login = login;
    this.displayName = displayName;
    this.email = email;
    this.organisation = organisation;
    this.language = language;
    this.createdAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public String getLogin() {
    return login;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public void setPasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public Language getLanguage() {
    return language;
  }

  public void setLanguage(Language language) {
    this.language = language;
  }

  public Organisation getOrganisation() {
    return organisation;
  }

  public Set<Role> getRoles() {
    return roles;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Person getPerson() {
    return person;
  }

  public void setPerson(Person person) {
    this.person = person;
  }
}
