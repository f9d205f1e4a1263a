package eu.smek.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotNull;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * Points at a space: an organisation, a cooperation cell, a working group, the whole network or a
 * person (later features add procedures and telesessions). Features that hang things on spaces
 * embed this instead of one foreign key per kind, and ask the membership service who belongs to the
 * space.
 */
@Embeddable
public class SpaceRef implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  /** The id of the one {@link SpaceType#NETWORK} space. */
  public static final long NETWORK_ID = 0;

  /** The whole network, as a space. */
  public static final SpaceRef NETWORK = new SpaceRef(SpaceType.NETWORK, NETWORK_ID);

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(name = "space_type", nullable = false, length = 16)
  private SpaceType type;

  @Column(name = "space_id", nullable = false)
  private long id;

  protected SpaceRef() {}

  public SpaceRef(SpaceType type, long id) {
    this.type = Objects.requireNonNull(type);
    this.id = id;
  }

  public SpaceType getType() {
    return type;
  }

  public long getId() {
    return id;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SpaceRef ref && type == ref.type && id == ref.id;
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, id);
  }

  /** For example {@code cell:4}, as the audit log names targets. */
  @Override
  public String toString() {
    return type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ":" + id;
  }
}
