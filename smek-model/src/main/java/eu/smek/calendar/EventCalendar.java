package eu.smek.calendar;

import eu.smek.shared.SpaceRef;
import eu.smek.shared.Visibility;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The calendar of one space: the network's, an organisation's, a working group's or a person's.
 * There is at most one per space; it is made the first time someone needs it. Later features hang
 * feed tokens and sharing on it; its events carry their own visibility.
 */
@Entity
@Table(name = "calendar")
public class EventCalendar implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  /** The network calendar's colour (V13 seeds it). */
  public static final String DEFAULT_COLOUR = "#1f6fb2";

  /**
   * The colours new calendars get, so an overlay of several tells them apart. Each is dark enough
   * for white text at WCAG AA contrast (4.5:1), which CalendarEventTest checks.
   */
  public static final List<String> PALETTE =
      List.of(
          DEFAULT_COLOUR,
          "#2e7d32",
          "#8e24aa",
          "#c62828",
          "#00695c",
          "#6d4c41",
          "#ad1457",
          "#283593",
          "#9a5b00",
          "#455a64");

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calendar_seq")
  @SequenceGenerator(name = "calendar_seq", sequenceName = "calendar_seq", allocationSize = 50)
  private Long id;

  @Version private long version;

  @NotNull @Valid @Embedded private SpaceRef space;

  @NotNull
  @Pattern(regexp = "#[0-9a-fA-F]{6}")
  @Column(nullable = false, length = 7)
  private String colour = DEFAULT_COLOUR;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt = Instant.now();

  protected EventCalendar() {}

  public EventCalendar(SpaceRef space) {
    this.space = space;
    this.colour =
        PALETTE.get(
            Math.floorMod(
                space.getType().ordinal() * 31 + Long.hashCode(space.getId()), PALETTE.size()));
  }

  /**
   * The visibilities of this calendar's events that someone may see: all of them as a member of the
   * calendar's space, those open to the network when signed in, the public ones otherwise.
   */
  public static Set<Visibility> visibleTo(boolean member, boolean signedIn) {
    if (member) {
      return Set.of(Visibility.PRIVATE, Visibility.NETWORK, Visibility.PUBLIC);
    }
    return signedIn ? Set.of(Visibility.NETWORK, Visibility.PUBLIC) : Set.of(Visibility.PUBLIC);
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

  public String getColour() {
    return colour;
  }

  public void setColour(String colour) {
    this.colour = colour;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EventCalendar calendar && id != null && id.equals(calendar.id);
  }

  @Override
  public int hashCode() {
    return EventCalendar.class.hashCode();
  }
}
