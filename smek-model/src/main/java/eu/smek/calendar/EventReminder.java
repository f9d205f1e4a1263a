package eu.smek.calendar;

import eu.smek.security.Account;
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
import java.util.List;

/**
 * A person's reminder of an event (of each occurrence of a series): how long before it starts, by
 * e-mail, in the application or both. One per person and event.
 */
@Entity
@Table(name = "calendar_reminder")
public class EventReminder {

  /** The lead times offered, in minutes: 5 minutes to a week. */
  public static final List<Integer> LEAD_TIMES = List.of(5, 15, 30, 60, 120, 1440, 2880, 10080);

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calendar_reminder_seq")
  @SequenceGenerator(
      name = "calendar_reminder_seq",
      sequenceName = "calendar_reminder_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "event_id", nullable = false, updatable = false)
  private CalendarEvent event;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "account_id", nullable = false, updatable = false)
  private Account account;

  @Column(name = "minutes_before", nullable = false)
  private int minutesBefore;

  @Column(name = "by_email", nullable = false)
  private boolean byEmail;

  @Column(name = "in_app", nullable = false)
  private boolean inApp;

  protected EventReminder() {}

  public EventReminder(CalendarEvent event, Account account) {
    this.event = event;
    this.account = account;
  }

  public Long getId() {
    return id;
  }

  public CalendarEvent getEvent() {
    return event;
  }

  public Account getAccount() {
    return account;
  }

  public int getMinutesBefore() {
    return minutesBefore;
  }

  public boolean isByEmail() {
    return byEmail;
  }

  public boolean isInApp() {
    return inApp;
  }

  public void set(int minutesBefore, boolean byEmail, boolean inApp) {
    this.minutesBefore = minutesBefore;
    this.byEmail = byEmail;
    this.inApp = inApp;
  }
}
