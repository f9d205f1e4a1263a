package eu.smek.telesession;

import static eu.smek.calendar.EventDraft.TEXT;

import eu.smek.shared.Visibility;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * What a manager says about a telesession when scheduling or changing it: times are wall-clock
 * times in {@code timeZone}, as for a calendar event; the quorum is {@code numerator/denominator},
 * "more than" it if strict (the default: more than 1/2). Invitations are only added by a change.
 */
public record TelesessionDraft(
    @NotBlank @Size(max = Telesession.TITLE_LENGTH) @Pattern(regexp = TEXT) String title,
    @Size(max = Telesession.DESCRIPTION_LENGTH) @Pattern(regexp = TEXT) String description,
    @NotNull LocalDateTime start,
    @NotNull LocalDateTime end,
    @NotBlank @Size(max = 60) String timeZone,
    @NotNull Visibility visibility,
    @Positive long chairAccountId,
    @Positive long secretaryAccountId,
    Quorum quorum,
    @Size(max = TelesessionService.MAXIMUM_INVITEES) Set<@NotNull @Positive Long> organisations,
    @Size(max = TelesessionService.MAXIMUM_INVITEES) Set<@NotNull @Positive Long> accounts) {

  public TelesessionDraft {
    organisations = organisations == null ? Set.of() : Set.copyOf(organisations);
    accounts = accounts == null ? Set.of() : Set.copyOf(accounts);
  }
}
