package eu.smek.calendar.ical;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Builds the e-mail of an invitation, cancellation or reply as Outlook, Thunderbird and Gmail
 * expect it (RFC 6047): multipart/alternative with the text, the same text as HTML, and the event
 * as {@code text/calendar; charset=UTF-8; method=…}, last because it is the richest alternative,
 * whose method matches the METHOD inside.
 */
public final class ImipBuilder {

  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private ImipBuilder() {}

  /** The message, ready for {@code Transport.send}; nothing is sent here. */
  public static MimeMessage build(Session session, ImipMail mail) throws MessagingException {
    String calendar = IcsWriter.write(mail.method(), mail.events());

    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(mail.body(), UTF_8, "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(html(mail.subject(), mail.body()), UTF_8, "html");
    MimeBodyPart invitation = new MimeBodyPart();
    invitation.setDataHandler(
        new DataHandler(
            new ByteArrayDataSource(
                calendar.getBytes(StandardCharsets.UTF_8), contentType(mail.method()))));

    MimeMultipart alternatives = new MimeMultipart("alternative");
    alternatives.addBodyPart(plain);
    alternatives.addBodyPart(html);
    alternatives.addBodyPart(invitation);

    MimeMessage message = new MimeMessage(session);
    IcsPerson speaker = speaker(mail);
    message.setFrom(address(mail.senderAddress(), speaker.name()));
    message.setReplyTo(new InternetAddress[] {address(speaker.email(), speaker.name())});
    for (String recipient : mail.recipients()) {
      message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
    }
    message.setSubject(mail.subject(), UTF_8);
    message.setSentDate(new Date());
    // Exchange and Outlook file the message as a meeting request rather than plain mail.
    message.setHeader("Content-Class", "urn:content-classes:calendarmessage");
    message.setContent(alternatives);
    message.saveChanges();
    return message;
  }

  /** The Content-Type of the calendar part; its method is the calendar's METHOD. */
  static String contentType(IcsMethod method) {
    return "text/calendar; charset=UTF-8; method=" + method.name();
  }

  /** Who speaks in the mail: the organiser, or for a reply the attendee who answers. */
  private static IcsPerson speaker(ImipMail mail) {
    if (mail.method() == IcsMethod.REPLY) {
      IcsAttendee attendee = mail.event().attendees().get(0);
      return new IcsPerson(attendee.name(), attendee.email());
    }
    return mail.event().organizer();
  }

  private static InternetAddress address(String email, String name) throws MessagingException {
    try {
      return new InternetAddress(email, name, UTF_8);
    } catch (UnsupportedEncodingException e) {
      throw new MessagingException("UTF-8 is always supported", e);
    }
  }

  /** The text as HTML: everything escaped, paragraphs at blank lines, line breaks kept. */
  static String html(String subject, String body) {
    StringBuilder html =
        new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>")
            .append(escape(subject))
            .append("</title></head><body>\n");
    for (String paragraph : body.strip().split("\\R\\s*\\R")) {
      html.append("<p>")
          .append(String.join("<br>\n", escape(paragraph).split("\\R")))
          .append("</p>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
