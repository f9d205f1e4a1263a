package eu.smek.membership;

import eu.smek.shared.Space;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * A member town's cooperation cell: the unit of its town hall that works with the network. It is
 * set up when the town is admitted and kept when membership ends, with its history; its people are
 * {@link Person}s. A space: documents and events of the cell hang on it.
 */
@Entity
@Table(name = "cell")
public class Cell implements Space, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cell_seq")
  @SequenceGenerator(name = "cell_seq", sequenceName = "cell_seq", allocationSize = 50)
  private Long id;

  @Version private long version;

  @OneToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "organisation_id", nullable = false, unique = true, updatable = false)
  private Organisation organisation;

  /** The cell's shared mailbox, if it has one. */
  @Email
  @Size(max = 254)
  @Column(length = 254)
  private String email;

  @Column(name = "established_on", nullable = false)
  private LocalDate establishedOn;

  protected Cell() {}

  public Cell(Organisation organisation, LocalDate establishedOn) {
    this.organisation = organisation;
    this.establishedOn = establishedOn;
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

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public LocalDate getEstablishedOn() {
    return establishedOn;
  }

  @Override
  public SpaceRef toSpaceRef() {
    return new SpaceRef(SpaceType.CELL, id);
  }

  @Override
  public String getName() {
    return organisation.getName();
  }
}
