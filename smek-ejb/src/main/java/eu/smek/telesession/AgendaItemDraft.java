package eu.smek.telesession;

import static eu.smek.calendar.EventDraft.TEXT;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An agenda item as a manager enters it. */
public record AgendaItemDraft(
    @NotBlank @Size(max = AgendaItem.TITLE_LENGTH) @Pattern(regexp = TEXT) String title,
    @Size(max = AgendaItem.PRESENTER_LENGTH) @Pattern(regexp = TEXT) String presenter,
    @Min(1) @Max(AgendaItem.MAXIMUM_MINUTES) int plannedMinutes) {}
