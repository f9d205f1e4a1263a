package eu.smek.calendar;

import eu.smek.shared.Language;
import eu.smek.shared.Visibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

/**
 * What a user says about an event when adding or changing it. Times are wall-clock times in {@code
 * timeZone}; an all-day event gives midnights, its end the midnight after its last day.
 */
public record EventDraft(
    @NotBlank @Size(max = CalendarEvent.TITLE_LENGTH) @Pattern(regexp = TEXT) String title,
    @Size(max = CalendarEvent.DESCRIPTION_LENGTH) @Pattern(regexp = TEXT) String description,
    Language language,
    @Size(max = 6) Map<@NotNull Language, @NotNull @Valid EventText> translations,
    @Size(max = CalendarEvent.LOCATION_LENGTH) @Pattern(regexp = TEXT) String location,
    boolean allDay,
    @NotNull LocalDateTime start,
    @NotNull LocalDateTime end,
    @NotBlank @Size(max = CalendarEvent.ZONE_LENGTH) String timeZone,
    @Size(max = CalendarEvent.RRULE_LENGTH) String rrule,
    @Size(max = CalendarEvent.MAXIMUM_CATEGORIES)
        Set<@NotBlank @Size(max = CalendarEvent.CATEGORY_LENGTH) @Pattern(regexp = TEXT) String>
            categories,
    @NotNull Visibility visibility) {

  /**
   * Text without control characters other than tabs and line breaks: a NUL byte, for one, is
   * refused by PostgreSQL, and none of them belongs in a calendar.
   */
  public static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

  public EventDraft {
    translations = translations == null ? Map.of() : Map.copyOf(translations);
    categories = categories == null ? Set.of() : Set.copyOf(categories);
  }

  /** What an event (or an overridden occurrence) says now, to be changed and saved. */
  public static EventDraft of(CalendarEvent event) {
    return new EventDraft(
        event.getTitle(),
        event.getDescription(),
        event.getLanguage(),
        event.getTranslations(),
        event.getLocation(),
        event.isAllDay(),
        event.getStart(),
        event.getEnd(),
        event.getTimeZone(),
        event.getRrule(),
        event.getCategories(),
        event.getVisibility());
  }

  /** The same draft with other times, as a moved occurrence keeps everything else. */
  public EventDraft at(LocalDateTime newStart, LocalDateTime newEnd) {
    return new EventDraft(
        title,
        description,
        language,
        translations,
        location,
        allDay,
        newStart,
        newEnd,
        timeZone,
        rrule,
        categories,
        visibility);
  }
}
