package eu.smek.calendar;

import java.io.Serializable;
import java.time.ZonedDateTime;

/**
 * What the answer page shows to someone who follows the link of an invitation e-mail, without
 * signing in: the event as the invitee may see it, and their answer so far.
 */
public record TokenInvitation(
    String title,
    String description,
    String location,
    boolean allDay,
    ZonedDateTime start,
    ZonedDateTime end,
    boolean recurring,
    String organiser,
    String invitee,
    Answer answer)
    implements Serializable {}
