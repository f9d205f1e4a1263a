package eu.smek.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * A resource booked by an event: a single event or a series, whose every occurrence (overridden
 * ones at their own times, excluded dates not) then holds the resource. An overridden occurrence
 * books nothing itself; it is part of its series. Deleting the event deletes its bookings (the
 * database cascades).
 */
@Entity
@Table(name = "calendar_booking")
public class ResourceBooking implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calendar_booking_seq")
  @SequenceGenerator(
      name = "calendar_booking_seq",
      sequenceName = "calendar_booking_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "resource_id", nullable = false, updatable = false)
  private BookableResource resource;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "event_id", nullable = false, updatable = false)
  private CalendarEvent event;

  @Column(name = "booked_at", nullable = false, updatable = false)
  private Instant bookedAt = Instant.now();

  @Column(name = "booked_by", length = 200, updatable = false)
  private String bookedBy;

  protected ResourceBooking() {}

  public ResourceBooking(BookableResource resource, CalendarEvent event, String bookedBy) {
    this.resource = resource;
    this.event = event;
    this.bookedBy = bookedBy;
  }

  public Long getId() {
    return id;
  }

  public BookableResource getResource() {
    return resource;
  }

  public CalendarEvent getEvent() {
    return event;
  }

  public Instant getBookedAt() {
    return bookedAt;
  }

  public String getBookedBy() {
    return bookedBy;
  }
}
