package eu.smek.calendar;

import eu.smek.membership.Organisation;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A room or a piece of equipment of one organisation (a town hall's council chamber, its projector)
 * that events book. Every active resource of the network can be seen and booked by its members;
 * only its own organisation's coordinators change it. A resource no longer offered is deactivated,
 * never deleted, so that past bookings keep it.
 */
@Entity
@Table(name = "calendar_resource")
public class BookableResource implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public static final int NAME_LENGTH = 200;
  public static final int DESCRIPTION_LENGTH = 2000;
  public static final int MAXIMUM_CAPACITY = 100_000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calendar_resource_seq")
  @SequenceGenerator(
      name = "calendar_resource_seq",
      sequenceName = "calendar_resource_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @NotNull
  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
  private Organisation organisation;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ResourceKind kind;

  @NotBlank
  @Size(max = NAME_LENGTH)
  @Column(nullable = false, length = NAME_LENGTH)
  private String name;

  /** How many people a room seats; empty for equipment or when not known. */
  @Min(1)
  @Max(MAXIMUM_CAPACITY)
  private Integer capacity;

  @Size(max = DESCRIPTION_LENGTH)
  @Column(length = DESCRIPTION_LENGTH)
  private String description;

  @Column(nullable = false)
  private boolean active = true;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt = Instant.now();

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt = createdAt;

  @Column(name = "updated_by", length = 200)
  private String updatedBy;

  protected BookableResource() {}

  public BookableResource(Organisation organisation, ResourceKind kind, String name) {
    this.organisation = organisation;
    this.kind = kind;
    this.name = name;
  }

  /** The zone of the resource's town: all-day bookings cover its dates there. */
  public ZoneId zone() {
    return organisation.getCountry().timeZone();
  }

  public void changed(String by, Instant at) {
    updatedBy = by;
    updatedAt = at;
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

  public ResourceKind getKind() {
    return kind;
  }

  public void setKind(ResourceKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getCapacity() {
    return capacity;
  }

  public void setCapacity(Integer capacity) {
    this.capacity = capacity;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BookableResource resource && id != null && id.equals(resource.id);
  }

  @Override
  public int hashCode() {
    return BookableResource.class.hashCode();
  }
}
