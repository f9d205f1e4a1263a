package eu.smek.telesession;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/** A message written in a telesession's room, kept with its record. */
@Entity
@Table(name = "telesession_chat")
public class ChatMessage implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public static final int TEXT_LENGTH = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "telesession_chat_seq")
  @SequenceGenerator(
      name = "telesession_chat_seq",
      sequenceName = "telesession_chat_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "telesession_id", nullable = false, updatable = false)
  private long telesessionId;

  @Column(name = "account_id", nullable = false, updatable = false)
  private long accountId;

  @Column(nullable = false, updatable = false, length = 200)
  private String author;

  @Column(nullable = false, updatable = false, length = TEXT_LENGTH)
  private String text;

  @Column(name = "sent_at", nullable = false, updatable = false)
  private Instant sentAt;

  protected ChatMessage() {}

  public ChatMessage(
      long telesessionId, long accountId, String author, String text, Instant sentAt) {
    this.telesessionId = telesessionId;
    this.accountId = accountId;
    this.author = author;
    this.text = text;
    this.sentAt = sentAt;
  }

  public Long getId() {
    return id;
  }

  public long getTelesessionId() {
    return telesessionId;
  }

  public long getAccountId() {
    return accountId;
  }

  public String getAuthor() {
    return author;
  }

  public String getText() {
    return text;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
