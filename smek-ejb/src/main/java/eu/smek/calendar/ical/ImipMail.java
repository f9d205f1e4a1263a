package eu.smek.calendar.ical;

import java.util.List;
import java.util.Objects;

/**
 * An invitation, cancellation or reply to send by e-mail (iMIP, RFC 6047), with its texts already
 * in the recipients' language: the builder adds no words of its own.
 *
 * @param method REQUEST, CANCEL or REPLY
 * @param events the event as {@link IcsWriter} writes it for that method; for a series also its
 *     overridden occurrences (same UID, each with its RECURRENCE-ID), after it
 * @param senderAddress the platform's own address (SMEK_MAIL_FROM): mail servers refuse mail "from"
 *     a town's domain sent by SMEK's server, so the organiser (or the answering attendee) is the
 *     sender's name and the Reply-To instead
 * @param recipients the attendees' addresses for REQUEST and CANCEL, the organiser's for REPLY
 * @param subject one line; line breaks become spaces
 * @param body plain text, paragraphs separated by blank lines; also shown as escaped HTML
 */
public record ImipMail(
    IcsMethod method,
    List<IcsEvent> events,
    String senderAddress,
    List<String> recipients,
    String subject,
    String body) {

  public ImipMail {
    Objects.requireNonNull(method, "method");
    events = List.copyOf(events);
    if (events.isEmpty()) {
      throw new IllegalArgumentException("An iMIP message needs an event");
    }
    if (method == IcsMethod.PUBLISH) {
      throw new IllegalArgumentException("iMIP sends REQUEST, CANCEL or REPLY");
    }
    if (events.get(0).organizer() == null) {
      throw new IllegalArgumentException("An iMIP message needs the event's organiser");
    }
    senderAddress = IcsAddresses.email(senderAddress);
    recipients = recipients.stream().map(IcsAddresses::email).toList();
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("An iMIP message needs a recipient");
    }
    subject = IcsAddresses.oneLine(Objects.requireNonNull(subject, "subject"));
    body = Objects.requireNonNull(body, "body");
  }

  /** A message about a single event. */
  public ImipMail(
      IcsMethod method,
      IcsEvent event,
      String senderAddress,
      List<String> recipients,
      String subject,
      String body) {
    this(method, List.of(event), senderAddress, recipients, subject, body);
  }

  /** The event (the series) the message is about, who organises it and whom it names. */
  public IcsEvent event() {
    return events.get(0);
  }
}
