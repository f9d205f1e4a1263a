package eu.smek.infrastructure;

import eu.smek.membership.Country;
import eu.smek.security.Account;
import eu.smek.security.Notification;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import eu.smek.shared.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Objects;

/**
 * Tells people what happened: inside the application and by e-mail, each in their own language. It
 * writes in the caller's transaction, so nobody hears of a change that rolled back; {@link
 * MailSender} sends the e-mails after the commit.
 */
@ApplicationScoped
public class Notifier {

  /** The address of the application as users reach it, for the links in e-mails. */
  public static final String PUBLIC_URL =
      Objects.requireNonNullElse(System.getenv("SMEK_PUBLIC_URL"), "http://localhost:8080")
          .replaceAll("/+$", "");

  @PersistenceContext private EntityManager em;
  @Inject private Event<MailQueued> queued;

  /**
   * Notifies an account holder in the application and by e-mail.
   *
   * @param key the message: {@code <key>.subject} and {@code <key>.body} in the bundles
   * @param link a path within the application, or null
   */
  public void notify(Account recipient, String key, String link, Object... arguments) {
    Language language = recipient.getLanguage();
    String subject = Messages.format(language.locale(), key + ".subject", arguments);
    String body = Messages.format(language.locale(), key + ".body", arguments);
    em.persist(new Notification(recipient, subject, body, link));
    mail(recipient.getEmail(), language, key, link, arguments);
  }

  /** Notifies an account holder in the application only (they chose not to get an e-mail). */
  public void notifyInApp(Account recipient, String key, String link, Object... arguments) {
    Language language = recipient.getLanguage();
    em.persist(
        new Notification(
            recipient,
            Messages.format(language.locale(), key + ".subject", arguments),
            Messages.format(language.locale(), key + ".body", arguments),
            link));
  }

  /** Sends an e-mail only, e.g. to someone who has no account yet. */
  public void mail(
      String address, Language language, String key, String link, Object... arguments) {
    String subject = Messages.format(language.locale(), key + ".subject", arguments);
    StringBuilder body =
        new StringBuilder(Messages.format(language.locale(), key + ".body", arguments));
    if (link != null) {
      body.append("\n\n").append(PUBLIC_URL).append(link);
    }
    body.append("\n\n-- \n").append(Messages.format(language.locale(), "mail.signature"));
    em.persist(new OutgoingMail(address, subject, body.toString()));
    queued.fire(new MailQueued());
  }

  /** The language of a country, if the interface speaks it, else English: for e-mails to towns. */
  public static Language languageOf(Country country) {
    Language language = country.language();
    return Messages.hasBundle(language) ? language : Language.DEFAULT;
  }

  /** An e-mail was queued in the current transaction. */
  public record MailQueued() {}
}
