package eu.smek.calendar;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a coordinator says about a room or piece of equipment of their town hall. */
public record ResourceDraft(
    @NotNull ResourceKind kind,
    @NotBlank @Size(max = BookableResource.NAME_LENGTH) @Pattern(regexp = EventDraft.TEXT)
        String name,
    @Min(1) @Max(BookableResource.MAXIMUM_CAPACITY) Integer capacity,
    @Size(max = BookableResource.DESCRIPTION_LENGTH) @Pattern(regexp = EventDraft.TEXT)
        String description,
    boolean active) {

  /** The same draft, offered for booking or not. */
  public ResourceDraft withActive(boolean offered) {
    return new ResourceDraft(kind, name, capacity, description, offered);
  }
}
