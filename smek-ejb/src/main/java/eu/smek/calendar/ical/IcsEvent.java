package eu.smek.calendar.ical;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.model.Recur;

/**
 * One VEVENT, as SMEK writes and reads it: in an export or feed, an invitation, a reply or a
 * cancellation. Times are either all {@link ZonedDateTime} in a named (IANA) zone, or all {@link
 * LocalDate} for an all-day event whose {@code end} is the day after the last day, as iCalendar
 * counts it. Exception dates and the recurrence id are kept in the start's zone, so two events that
 * mean the same compare equal.
 *
 * @param uid the event's identity across all its versions; never changes
 * @param sequence the revision the organiser sent; every change that matters to attendees raises it
 * @param stamp when this copy was written (DTSTAMP), in whole seconds
 * @param summary the title, may be null (blank is null); line breaks become spaces
 * @param description may be null; line breaks are kept (as LF)
 * @param location may be null; line breaks become spaces
 * @param url a link to the event in SMEK, may be null
 * @param categories may be empty
 * @param status may be null
 * @param start a {@code ZonedDateTime} or, for an all-day event, a {@code LocalDate}
 * @param end of the same kind as {@code start}, not before it; for all-day events exclusive
 * @param rrule the recurrence rule as in RFC 5545 ({@code FREQ=WEEKLY;BYDAY=MO}), or null; kept
 *     with its parts in ical4j's order
 * @param exdates occurrences left out of the rule, of the same kind as {@code start}
 * @param recurrenceId for an overridden occurrence: the start it had by the rule, else null
 * @param organizer may be null for an export; invitations, replies and cancellations need one
 * @param attendees may be empty for an export
 * @param attachments documents attached by their address, may be empty
 */
public record IcsEvent(
    String uid,
    int sequence,
    Instant stamp,
    String summary,
    String description,
    String location,
    URI url,
    List<String> categories,
    IcsStatus status,
    Temporal start,
    Temporal end,
    String rrule,
    List<Temporal> exdates,
    Temporal recurrenceId,
    IcsPerson organizer,
    List<IcsAttendee> attendees,
    List<IcsAttachment> attachments) {

  public IcsEvent {
    if (uid == null || uid.isBlank() || !uid.equals(IcsAddresses.oneLine(uid))) {
      throw new IllegalArgumentException("A UID is one line of text");
    }
    if (sequence < 0) {
      throw new IllegalArgumentException("SEQUENCE is never negative");
    }
    stamp = Objects.requireNonNull(stamp, "stamp").truncatedTo(ChronoUnit.SECONDS);
    // A title and a place are one line; a description keeps its lines, all ending in LF, which
    // ical4j escapes as \n (a bare CR would otherwise reach the file).
    summary = summary == null || summary.isBlank() ? null : IcsAddresses.oneLine(summary);
    location = location == null || location.isBlank() ? null : IcsAddresses.oneLine(location);
    description =
        description == null || description.isBlank()
            ? null
            : description.replaceAll("\\r\\n?", "\n").replaceAll("[\\p{Cntrl}&&[^\n\t]]", " ");
    categories =
        categories == null
            ? List.of()
            : categories.stream()
                .map(IcsAddresses::oneLine)
                .filter(category -> !category.isEmpty())
                .distinct()
                .toList();
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    checkKind(start, start);
    checkKind(start, end);
    if (compare(end, start) < 0) {
      throw new IllegalArgumentException("The end " + end + " is before the start " + start);
    }
    if (start instanceof LocalDate && end.equals(start)) {
      throw new IllegalArgumentException("An all-day event ends at least one day after it starts");
    }
    rrule = rrule == null ? null : canonical(rrule);
    List<Temporal> sameZone = new ArrayList<>();
    for (Temporal exdate : exdates == null ? List.<Temporal>of() : exdates) {
      sameZone.add(inStartZone(start, exdate));
    }
    exdates = List.copyOf(sameZone);
    recurrenceId = recurrenceId == null ? null : inStartZone(start, recurrenceId);
    attendees = attendees == null ? List.of() : List.copyOf(attendees);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** Starts a new event with the required parts; the rest is optional. */
  public static Builder builder(String uid, Temporal start, Temporal end) {
    return new Builder(uid, start, end);
  }

  /** A builder holding this event's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder(uid, start, end)
        .sequence(sequence)
        .stamp(stamp)
        .summary(summary)
        .description(description)
        .location(location)
        .url(url)
        .categories(categories)
        .status(status)
        .rrule(rrule)
        .exdates(exdates)
        .recurrenceId(recurrenceId)
        .organizer(organizer)
        .attendees(attendees)
        .attachments(attachments);
  }

  public boolean allDay() {
    return start instanceof LocalDate;
  }

  /** The zone of a timed event; null for an all-day event. */
  public ZoneId zone() {
    return start instanceof ZonedDateTime zoned ? zoned.getZone() : null;
  }

  /**
   * The cancellation of this event as it was last sent: same UID, STATUS:CANCELLED and a SEQUENCE
   * one higher, so calendar programs apply it over the invitation they hold.
   */
  public IcsEvent cancelled(Instant now) {
    return toBuilder().sequence(sequence + 1).stamp(now).status(IcsStatus.CANCELLED).build();
  }

  /**
   * An attendee's reply to this invitation: the same event and SEQUENCE, with only that attendee,
   * carrying the answer (RFC 5546 3.2.3).
   */
  public IcsEvent replyFrom(String email, IcsPartStat answer, Instant now) {
    IcsAttendee attendee =
        attendees.stream()
            .filter(a -> a.email().equalsIgnoreCase(email))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(email + " is not invited"));
    return toBuilder().stamp(now).attendees(List.of(attendee.answering(answer))).build();
  }

  /** The rule as ical4j writes it, so a rule compares equal however its parts were ordered. */
  private static String canonical(String rrule) {
    if (rrule.isBlank() || !rrule.equals(IcsAddresses.oneLine(rrule))) {
      throw new IllegalArgumentException("An RRULE is one line");
    }
    try {
      return new Recur<Temporal>(rrule.strip()).toString();
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new IllegalArgumentException("Not an RRULE: " + rrule, e);
    }
  }

  private static void checkKind(Temporal start, Temporal value) {
    if (start instanceof ZonedDateTime && value instanceof ZonedDateTime zoned) {
      if (zoned.getZone() instanceof ZoneOffset) {
        throw new IllegalArgumentException(
            "Times need a named zone (Europe/Warsaw), not an offset: " + value);
      }
    } else if (!(start instanceof LocalDate && value instanceof LocalDate)) {
      throw new IllegalArgumentException(
          "Times are all ZonedDateTime or, all day, all LocalDate: " + value);
    }
  }

  private static Temporal inStartZone(Temporal start, Temporal value) {
    checkKind(start, value);
    return value instanceof ZonedDateTime zoned
        ? zoned.withZoneSameInstant(((ZonedDateTime) start).getZone())
        : value;
  }

  private static int compare(Temporal a, Temporal b) {
    return a instanceof LocalDate date
        ? date.compareTo((LocalDate) b)
        : ((ZonedDateTime) a).toInstant().compareTo(((ZonedDateTime) b).toInstant());
  }

  /** Assembles an {@link IcsEvent}; {@link #build()} checks it. */
  public static final class Builder {
    private final String uid;
    private final Temporal start;
    private final Temporal end;
    private int sequence;
    private Instant stamp = Instant.now();
    private String summary;
    private String description;
    private String location;
    private URI url;
    private List<String> categories = List.of();
    private IcsStatus status;
    private String rrule;
    private List<Temporal> exdates = List.of();
    private Temporal recurrenceId;
    private IcsPerson organizer;
    private List<IcsAttendee> attendees = List.of();
    private List<IcsAttachment> attachments = List.of();

    private Builder(String uid, Temporal start, Temporal end) {
      this.uid = uid;
      this.start = start;
      this.end = end;
    }

    public Builder sequence(int sequence) {
      this.sequence = sequence;
      return this;
    }

    public Builder stamp(Instant stamp) {
      this.stamp = stamp;
      return this;
    }

    public Builder summary(String summary) {
      this.summary = summary;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder location(String location) {
      this.location = location;
      return this;
    }

    public Builder url(URI url) {
      this.url = url;
      return this;
    }

    public Builder categories(List<String> categories) {
      this.categories = categories;
      return this;
    }

    public Builder status(IcsStatus status) {
      this.status = status;
      return this;
    }

    public Builder rrule(String rrule) {
      this.rrule = rrule;
      return this;
    }

    public Builder exdates(List<? extends Temporal> exdates) {
      this.exdates = List.copyOf(exdates);
      return this;
    }

    public Builder recurrenceId(Temporal recurrenceId) {
      this.recurrenceId = recurrenceId;
      return this;
    }

    public Builder organizer(IcsPerson organizer) {
      this.organizer = organizer;
      return this;
    }

    public Builder attendees(List<IcsAttendee> attendees) {
      this.attendees = attendees;
      return this;
    }

    public Builder attachments(List<IcsAttachment> attachments) {
      this.attachments = attachments;
      return this;
    }

    public IcsEvent build() {
      return new IcsEvent(
          uid,
          sequence,
          stamp,
          summary,
          description,
          location,
          url,
          categories,
          status,
          start,
          end,
          rrule,
          exdates,
          recurrenceId,
          organizer,
          attendees,
          attachments);
    }
  }
}
