package eu.smek.calendar.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Builds the iMIP messages, writes them as they would go out, and reads them back. */
class ImipBuilderTest {

  private static final Session SESSION = Session.getInstance(new Properties());
  private static final String PLATFORM = "kalendarz@smek.eu";
  private static final Instant LATER = Instant.parse("2026-12-01T08:00:00Z");

  private static MimeMessage sentAndReceived(ImipMail mail) throws MessagingException, IOException {
    MimeMessage built = ImipBuilder.build(SESSION, mail);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    built.writeTo(wire);
    return new MimeMessage(SESSION, new ByteArrayInputStream(wire.toByteArray()));
  }

  private static String text(BodyPart part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ImipMail invitation(String subject, String body) {
    return new ImipMail(
        IcsMethod.REQUEST,
        Events.telesession(),
        PLATFORM,
        List.of("jan.novak@humenne.sk", "olena.kowal@jaslo.pl"),
        subject,
        body);
  }

  @Test
  void anInvitationIsAlternativeTextHtmlAndCalendarWithItsMethod() throws Exception {
    MimeMessage received =
        sentAndReceived(
            invitation(
                "Zaproszenie: Telesesja – współpraca transgraniczna",
                "Dzień dobry,\n\nzapraszam na telesesję.\nAnna Nowak"));

    assertThat(new ContentType(received.getContentType()).getBaseType())
        .isEqualTo("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) received.getContent();
    assertThat(parts.getCount()).isEqualTo(3);

    ContentType plain = new ContentType(parts.getBodyPart(0).getContentType());
    ContentType html = new ContentType(parts.getBodyPart(1).getContentType());
    ContentType calendar = new ContentType(parts.getBodyPart(2).getContentType());
    assertThat(plain.getBaseType()).isEqualTo("text/plain");
    assertThat(plain.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
    assertThat(html.getBaseType()).isEqualTo("text/html");
    assertThat(html.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
    assertThat(calendar.getBaseType()).isEqualTo("text/calendar");
    assertThat(calendar.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
    assertThat(calendar.getParameter("method")).isEqualTo("REQUEST");

    // Text travels with CRLF line ends (MIME's canonical form); the calendar keeps its own CRLF.
    assertThat(text(parts.getBodyPart(0)))
        .isEqualTo("Dzień dobry,\r\n\r\nzapraszam na telesesję.\r\nAnna Nowak");
    assertThat(text(parts.getBodyPart(1)).replace("\r\n", "\n"))
        .contains("<p>Dzień dobry,</p>")
        .contains("<p>zapraszam na telesesję.<br>\nAnna Nowak</p>");
    String ics = text(parts.getBodyPart(2));
    assertThat(ics).contains("\r\nMETHOD:REQUEST\r\n");
    assertThat(
            new IcsReader()
                .read(ics.getBytes(StandardCharsets.UTF_8), ZoneId.of("Europe/Warsaw"))
                .events())
        .containsExactly(Events.telesession());

    assertThat(received.getSubject())
        .isEqualTo("Zaproszenie: Telesesja – współpraca transgraniczna");
    InternetAddress from = (InternetAddress) received.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo(PLATFORM);
    assertThat(from.getPersonal()).isEqualTo("Anna Nowak");
    InternetAddress replyTo = (InternetAddress) received.getReplyTo()[0];
    assertThat(replyTo.getAddress()).isEqualTo("anna.nowak@przemysl.pl");
    assertThat(received.getRecipients(Message.RecipientType.TO))
        .extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("jan.novak@humenne.sk", "olena.kowal@jaslo.pl");
    assertThat(received.getHeader("Content-Class"))
        .containsExactly("urn:content-classes:calendarmessage");
  }

  @Test
  void aSeriesTravelsWithItsOverriddenOccurrencesInOneCalendarPart() throws Exception {
    IcsEvent series = Events.telesession().toBuilder().rrule("FREQ=WEEKLY;COUNT=4").build();
    IcsEvent moved =
        series.toBuilder().rrule(null).recurrenceId(Events.warsaw(2026, 4, 3, 10, 0)).build();
    MimeMessage received =
        sentAndReceived(
            new ImipMail(
                IcsMethod.REQUEST,
                List.of(series, moved),
                PLATFORM,
                List.of("jan.novak@humenne.sk"),
                "Zmiana: Telesesja",
                "Jeden termin przeniesiony."));

    String ics = text(((MimeMultipart) received.getContent()).getBodyPart(2));
    assertThat(
            new IcsReader()
                .read(ics.getBytes(StandardCharsets.UTF_8), ZoneId.of("Europe/Warsaw"))
                .events())
        .containsExactly(series, moved);
  }

  @Test
  void aCancellationSaysCancelInTheContentTypeAndTheBody() throws Exception {
    ImipMail cancel =
        new ImipMail(
            IcsMethod.CANCEL,
            Events.telesession().cancelled(LATER),
            PLATFORM,
            List.of("jan.novak@humenne.sk"),
            "Odwołane: Telesesja",
            "Telesesja została odwołana.");

    MimeMultipart parts = (MimeMultipart) sentAndReceived(cancel).getContent();
    BodyPart calendar = parts.getBodyPart(2);

    assertThat(new ContentType(calendar.getContentType()).getParameter("method"))
        .isEqualTo("CANCEL");
    assertThat(text(calendar))
        .contains("\r\nMETHOD:CANCEL\r\n")
        .contains("\r\nSTATUS:CANCELLED\r\n")
        .contains("\r\nSEQUENCE:1\r\n")
        .contains("\r\nUID:telesession-42@smek.eu\r\n");
  }

  @Test
  void aReplyComesFromTheAttendeeAndGoesToTheOrganiser() throws Exception {
    IcsEvent reply =
        Events.telesession().replyFrom("jan.novak@humenne.sk", IcsPartStat.ACCEPTED, LATER);
    MimeMessage received =
        sentAndReceived(
            new ImipMail(
                IcsMethod.REPLY,
                reply,
                PLATFORM,
                List.of("anna.nowak@przemysl.pl"),
                "Prijaté: Telesesja",
                "Ján Novák prijal pozvanie."));

    MimeMultipart parts = (MimeMultipart) received.getContent();
    assertThat(new ContentType(parts.getBodyPart(2).getContentType()).getParameter("method"))
        .isEqualTo("REPLY");
    assertThat(text(parts.getBodyPart(2)).replace("\r\n ", ""))
        .contains("METHOD:REPLY")
        .contains("PARTSTAT=ACCEPTED")
        .contains("mailto:jan.novak@humenne.sk");
    InternetAddress from = (InternetAddress) received.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo(PLATFORM);
    assertThat(from.getPersonal()).isEqualTo("Ján Novák");
    assertThat(((InternetAddress) received.getReplyTo()[0]).getAddress())
        .isEqualTo("jan.novak@humenne.sk");
    assertThat(((InternetAddress) received.getRecipients(Message.RecipientType.TO)[0]).getAddress())
        .isEqualTo("anna.nowak@przemysl.pl");
  }

  @Test
  void lineBreaksInTheSubjectOrANameAddNoHeader() throws Exception {
    IcsEvent event =
        Events.telesession().toBuilder()
            .organizer(new IcsPerson("Anna\r\nBcc: evil@example.org", "anna.nowak@przemysl.pl"))
            .build();
    MimeMessage received =
        sentAndReceived(
            new ImipMail(
                IcsMethod.REQUEST,
                event,
                PLATFORM,
                List.of("jan.novak@humenne.sk"),
                "Zaproszenie\r\nBcc: evil@example.org\r\nX-Injected: 1",
                "Treść"));

    assertThat(received.getHeader("Bcc")).isNull();
    assertThat(received.getHeader("X-Injected")).isNull();
    assertThat(received.getAllRecipients())
        .extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("jan.novak@humenne.sk");
    assertThat(received.getSubject()).doesNotContain("\r").doesNotContain("\n");
    assertThat(((InternetAddress) received.getFrom()[0]).getPersonal())
        .isEqualTo("Anna  Bcc: evil@example.org");
    assertThat(Collections.list(received.getAllHeaderLines()))
        .noneMatch(line -> line.startsWith("Bcc") || line.startsWith("X-Injected"));
  }

  @Test
  void aRecipientOrSenderThatIsNotOnePlainAddressIsRefused() {
    assertThatThrownBy(
            () ->
                new ImipMail(
                    IcsMethod.REQUEST,
                    Events.telesession(),
                    PLATFORM,
                    List.of("jan.novak@humenne.sk\r\nBcc: evil@example.org"),
                    "S",
                    "B"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ImipMail(
                    IcsMethod.REQUEST,
                    Events.telesession(),
                    "Kalendarz <kalendarz@smek.eu>",
                    List.of("jan.novak@humenne.sk"),
                    "S",
                    "B"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ImipMail(
                    IcsMethod.PUBLISH,
                    Events.telesession(),
                    PLATFORM,
                    List.of("jan.novak@humenne.sk"),
                    "S",
                    "B"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aScriptInTheTextStaysTextAndIsEscapedInTheHtml() throws Exception {
    String hostile = "<script>alert('x')</script> & <img src=x onerror=alert(1)> \"quoted\"";
    IcsEvent event = Events.telesession().toBuilder().summary(hostile).build();
    MimeMessage received =
        sentAndReceived(
            new ImipMail(
                IcsMethod.REQUEST,
                event,
                PLATFORM,
                List.of("jan.novak@humenne.sk"),
                "Zaproszenie: " + hostile,
                "Temat: " + hostile));

    MimeMultipart parts = (MimeMultipart) received.getContent();
    assertThat(text(parts.getBodyPart(0))).isEqualTo("Temat: " + hostile);
    assertThat(text(parts.getBodyPart(1)))
        .doesNotContain("<script")
        .doesNotContain("<img")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x")
        .contains("&quot;quoted&quot;");
    assertThat(
            new IcsReader()
                .read(
                    text(parts.getBodyPart(2)).getBytes(StandardCharsets.UTF_8),
                    ZoneId.of("Europe/Warsaw"))
                .events()
                .get(0)
                .summary())
        .isEqualTo(hostile);
  }
}
