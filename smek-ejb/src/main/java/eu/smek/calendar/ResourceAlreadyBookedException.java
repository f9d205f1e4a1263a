package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/**
 * The resource is already booked by another event at an overlapping time: a double booking, which
 * is refused. The other event is named only to those who may see it; to others it is just busy.
 */
public class ResourceAlreadyBookedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  /**
   * @param resource the resource's name
   * @param title the other event's title, or {@code null} when the caller may not see it
   * @param time when the first overlapping occurrence starts, in the resource's zone
   */
  public ResourceAlreadyBookedException(String resource, String title, String time) {
    super(
        title == null ? "calendar.rule.resourceBusy" : "calendar.rule.resourceBooked",
        title == null ? new Object[] {resource, time} : new Object[] {resource, title, time});
  }
}
