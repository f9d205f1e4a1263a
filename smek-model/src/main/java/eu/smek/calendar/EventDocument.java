package eu.smek.calendar;

import eu.smek.documents.Document;
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
 * A document of a library attached to an event: a single event or a series, whose overridden
 * occurrences show the series' attachments. The attachment grants nothing: who may read the
 * document is its library's business. Deleting the event or the document deletes the attachment
 * (the database cascades).
 */
@Entity
@Table(name = "calendar_event_document")
public class EventDocument implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calendar_event_document_seq")
  @SequenceGenerator(
      name = "calendar_event_document_seq",
      sequenceName = "calendar_event_document_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "event_id", nullable = false, updatable = false)
  private CalendarEvent event;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "document_id", nullable = false, updatable = false)
  private Document document;

  @Column(name = "attached_at", nullable = false, updatable = false)
  private Instant attachedAt = Instant.now();

  @Column(name = "attached_by", length = 200, updatable = false)
  private String attachedBy;

  protected EventDocument() {}

  public EventDocument(CalendarEvent event, Document document, String attachedBy) {
    this.event = event;
    this.document = document;
    this.attachedBy = attachedBy;
  }

  public Long getId() {
    return id;
  }

  public CalendarEvent getEvent() {
    return event;
  }

  public Document getDocument() {
    return document;
  }

  public Instant getAttachedAt() {
    return attachedAt;
  }

  public String getAttachedBy() {
    return attachedBy;
  }
}
