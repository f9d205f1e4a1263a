package eu.smek.documents;

import eu.smek.security.Role;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.Visibility;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * A document library of one space (a town, its cell, a working group, later a procedure or a
 * telesession). Its visibility says who outside the space may read it; its rights say what the
 * space's own members may do, by their role.
 */
@Entity
@Table(name = "library")
public class Library implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public static final int NAME_LENGTH = 200;
  public static final int DESCRIPTION_LENGTH = 2000;

  /** What a space's members may do in a new library, by role. */
  public static final Map<Role, LibraryRight> DEFAULT_RIGHTS =
      Map.of(
          Role.CLERK, LibraryRight.UPLOAD,
          Role.TOWN_COORDINATOR, LibraryRight.MANAGE,
          Role.ASSOCIATION_ADMINISTRATOR, LibraryRight.MANAGE,
          Role.IT_OPERATOR, LibraryRight.READ);

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "library_seq")
  @SequenceGenerator(name = "library_seq", sequenceName = "library_seq", allocationSize = 50)
  private Long id;

  @Version private long version;

  @NotNull @Valid @Embedded private SpaceRef space;

  @NotBlank
  @Size(max = NAME_LENGTH)
  @Column(nullable = false, length = NAME_LENGTH)
  private String name;

  @Size(max = DESCRIPTION_LENGTH)
  @Column(length = DESCRIPTION_LENGTH)
  private String description;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Visibility visibility = Visibility.PRIVATE;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "library_right", joinColumns = @JoinColumn(name = "library_id"))
  @MapKeyEnumerated(EnumType.STRING)
  @MapKeyColumn(name = "role", length = 32)
  @Enumerated(EnumType.STRING)
  @Column(name = "granted", nullable = false, length = 16)
  private Map<Role, LibraryRight> rights = new EnumMap<>(DEFAULT_RIGHTS);

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt = Instant.now();

  protected Library() {}

  public Library(SpaceRef space, String name, Visibility visibility) {
    this.space = space;
    this.name = name;
    this.visibility = visibility;
  }

  /**
   * What someone may do here. Members of the space get the right of their strongest role, and at
   * least read; others may read when the library (and folder, if given) is open to the network, or
   * to everyone when they are not signed in.
   *
   * @param roles the person's roles, empty for a visitor
   * @param member whether the person belongs to the library's space
   * @param folder the folder in question, or {@code null} for the library itself
   */
  public LibraryRight rightOf(Collection<Role> roles, boolean member, Folder folder) {
    if (member) {
      LibraryRight strongest = LibraryRight.READ;
      for (Role role : roles) {
        LibraryRight granted = rights.getOrDefault(role, LibraryRight.NONE);
        strongest = granted.includes(strongest) ? granted : strongest;
      }
      return strongest;
    }
    Visibility open = folder == null ? visibility : folder.effectiveVisibility();
    boolean signedIn = !roles.isEmpty();
    return open == Visibility.PUBLIC || (signedIn && open == Visibility.NETWORK)
        ? LibraryRight.READ
        : LibraryRight.NONE;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public SpaceRef getSpace() {
    return space;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Visibility getVisibility() {
    return visibility;
  }

  public void setVisibility(Visibility visibility) {
    this.visibility = visibility;
  }

  /** The space members' right by role; roles not named get read only. */
  public Map<Role, LibraryRight> getRights() {
    return rights;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
