package eu.smek.membership;

import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * Which working groups to list. Every criterion is optional; {@code text} matches the group's name
 * in any language, without regard to case or diacritics.
 */
public record WorkingGroupQuery(
    WorkingGroupStatus status, Topic topic, @Size(max = 100) String text) implements Serializable {

  public static final WorkingGroupQuery ALL = new WorkingGroupQuery(null, null, null);

  public WorkingGroupQuery {
    text = text == null || text.isBlank() ? null : text.strip();
  }
}
