package eu.smek.security;

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
import java.time.Instant;

/**
 * A message to a user inside the application, written in the language the user had when it was sent
 * (the same text goes out by e-mail). Links are paths within the application.
 */
@Entity
@Table(name = "notification")
public class Notification {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
  @SequenceGenerator(
      name = "notification_seq",
      sequenceName = "notification_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "recipient_id", nullable = false, updatable = false)
  private Account recipient;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(nullable = false, updatable = false, length = 200)
  private String title;

  @Column(nullable = false, updatable = false, length = 4000)
  private String body;

  /** Where in the application the notification leads, e.g. {@code /membership/view-cell?...}. */
  @Column(updatable = false, length = 500)
  private String link;

  @Column(name = "read_at")
  private Instant readAt;

  protected Notification() {}

  public Notification(Account recipient, String title, String body, String link) {
    this.recipient = recipient;
    this.title = title;
    this.body = body;
    this.link = link;
    this.createdAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public Account getRecipient() {
    return recipient;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getTitle() {
    return title;
  }

  public String getBody() {
    return body;
  }

  public String getLink() {
    return link;
  }

  public Instant getReadAt() {
    return readAt;
  }

  public boolean isRead() {
    return readAt != null;
  }

  public void markRead(Instant when) {
    if (readAt == null) {
      readAt = when;
    }
  }
}
