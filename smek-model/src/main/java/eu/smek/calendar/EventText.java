package eu.smek.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serial;
import java.io.Serializable;

/** An event's title and description in one more language, for the public portal's readers. */
@Embeddable
public class EventText implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @NotBlank
  @Size(max = CalendarEvent.TITLE_LENGTH)
  @Column(nullable = false, length = CalendarEvent.TITLE_LENGTH)
  private String title;

  @Size(max = CalendarEvent.DESCRIPTION_LENGTH)
  @Column(length = CalendarEvent.DESCRIPTION_LENGTH)
  private String description;

  protected EventText() {}

  public EventText(String title, String description) {
    this.title = title;
    this.description = description;
  }

  public String getTitle() {
    return title;
  }

  public String getDescription() {
    return description;
  }
}
