package eu.smek.documents;

import eu.smek.shared.Visibility;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serial;
import java.io.Serializable;

/**
 * A folder in a library, possibly inside another. It may be narrower than its library (a private
 * folder in a network library) but never wider: its effective visibility is the narrowest on the
 * way up.
 */
@Entity
@Table(name = "folder")
public class Folder implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "folder_seq")
  @SequenceGenerator(name = "folder_seq", sequenceName = "folder_seq", allocationSize = 50)
  private Long id;

  @Version private long version;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "library_id", nullable = false, updatable = false)
  private Library library;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "parent_id", updatable = false)
  private Folder parent;

  @NotBlank
  @Size(max = Library.NAME_LENGTH)
  @Column(nullable = false, length = Library.NAME_LENGTH)
  private String name;

  /** Empty: as the parent folder or library. */
  @Enumerated(EnumType.STRING)
  @Column(length = 16)
  private Visibility visibility;

  protected Folder() {}

  public Folder(Library library, Folder parent, String name, Visibility visibility) {
    this.library = library;
    this.parent = parent;
    this.name = name;
    this.visibility = visibility;
  }

  public Visibility effectiveVisibility() {
    Visibility above = parent == null ? library.getVisibility() : parent.effectiveVisibility();
    return above.narrowest(visibility);
  }

  public Long getId() {
    return id;
  }

  public Library getLibrary() {
    return library;
  }

  public Folder getParent() {
    return parent;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Visibility getVisibility() {
    return visibility;
  }

  public void setVisibility(Visibility visibility) {
    this.visibility = visibility;
  }
}
