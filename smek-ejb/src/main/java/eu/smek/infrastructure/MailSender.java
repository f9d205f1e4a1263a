package eu.smek.infrastructure;

import eu.smek.calendar.ical.IcsEvent;
import eu.smek.calendar.ical.IcsMethod;
import eu.smek.calendar.ical.IcsReader;
import eu.smek.calendar.ical.ImipBuilder;
import eu.smek.calendar.ical.ImipMail;
import eu.smek.shared.OutgoingMail;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Sends the queued e-mails through the WildFly mail session {@code java:jboss/mail/Smek}: right
 * after the transaction that queued them, and every 30 seconds for those that failed. A node first
 * claims a mail with a conditional update, so on a cluster each mail goes out once; a failed one is
 * tried again later, with growing pauses, at most {@value #MAXIMUM_ATTEMPTS} times.
 */
@Stateless
public class MailSender {

  private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
  public static final int MAXIMUM_ATTEMPTS = 8;
  private static final int BATCH = 50;
  private static final String FALLBACK_SENDER = "smek-int@localhost.localdomain";

  @PersistenceContext private EntityManager em;

  @Resource(lookup = "java:jboss/mail/Smek")
  private Session mail;

  @EJB private MailSender self;

  @Resource(lookup = Database.JNDI_NAME)
  private DataSource dataSource;

  /** Starts sending once the transaction that queued a mail has committed. */
  public void afterCommit(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) Notifier.MailQueued queued) {
    self.sendPendingSoon();
  }

  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void sendPendingSoon() {
    sendPending();
  }

  /**
   * The retry round. A persistent timer (in the database, wildfly-config 10-timers.cli), so one
   * node of the cluster runs each round. Rounds missed while every node was down are not made up
   * one by one: the timer service runs one round at start-up and goes on from the next half minute.
   */
  @Schedule(second = "*/30", minute = "*", hour = "*", persistent = true)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void sendPendingRegularly() {
    sendPending();
  }

  /** Sends what is due; returns how many mails went out. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int sendPending() {
    int sent = 0;
    for (long id : self.due()) {
      OutgoingMail claimed = self.claim(id);
      if (claimed != null) {
        sent += send(claimed) ? 1 : 0;
      }
    }
    return sent;
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Long> due() {
    return em.createQuery(
            "select m.id from OutgoingMail m where m.sentAt is null and m.nextAttemptAt <= :now"
                + " and m.attempts < :maximum order by m.id",
            Long.class)
        .setParameter("now", Instant.now())
        .setParameter("maximum", MAXIMUM_ATTEMPTS)
        .setMaxResults(BATCH)
        .getResultList();
  }

  /**
   * Takes a mail for this node: only one node's update finds it still due. The next attempt is
   * pushed back first, so a node that dies while sending leaves it for another to retry.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public OutgoingMail claim(long id) {
    Instant now = Instant.now();
    OutgoingMail mail = em.find(OutgoingMail.class, id);
    if (mail == null) {
      return null;
    }
    Duration pause = Duration.ofMinutes(1L << Math.min(mail.getAttempts(), 10));
    int claimed =
        em.createQuery(
                "update OutgoingMail m set m.attempts = m.attempts + 1, m.nextAttemptAt = :later"
                    + " where m.id = :id and m.sentAt is null and m.nextAttemptAt <= :now")
            .setParameter("later", now.plus(pause))
            .setParameter("id", id)
            .setParameter("now", now)
            .executeUpdate();
    return claimed == 1 ? mail : null;
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(long id, Instant sentAt, String error) {
    em.createQuery(
            "update OutgoingMail m set m.sentAt = :sent, m.lastError = :error where m.id = :id")
        .setParameter("sent", sentAt)
        .setParameter(
            "error", error == null ? null : error.substring(0, Math.min(500, error.length())))
        .setParameter("id", id)
        .executeUpdate();
  }

  private boolean send(OutgoingMail outgoing) {
    if (Database.of(dataSource).embedded()) {
      // The quick start has no mail server: its guided tour follows links from the log.
      LOG.info(
          () ->
              "Demo mail to "
                  + outgoing.getRecipient()
                  + ": "
                  + outgoing.getSubject()
                  + "\n"
                  + outgoing.getBody());
    }
    try {
      Transport.send(outgoing.getCalendarMethod() == null ? plain(outgoing) : imip(outgoing));
      self.record(outgoing.getId(), Instant.now(), null);
      return true;
    } catch (MessagingException | RuntimeException failed) {
      LOG.log(
          Level.WARNING,
          "Could not send mail "
              + outgoing.getId()
              + " (attempt "
              + (outgoing.getAttempts() + 1)
              + "); it is tried again later: "
              + failed);
      self.record(outgoing.getId(), null, failed.toString());
      return false;
    }
  }

  private MimeMessage plain(OutgoingMail outgoing) throws MessagingException {
    MimeMessage message = new MimeMessage(mail);
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(outgoing.getRecipient()));
    message.setSubject(outgoing.getSubject(), StandardCharsets.UTF_8.name());
    message.setText(outgoing.getBody(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    return message;
  }

  /**
   * An invitation, update or cancellation: the text and the event read back from the queued
   * iCalendar, as multipart/alternative by {@link ImipBuilder}.
   */
  private MimeMessage imip(OutgoingMail outgoing) throws MessagingException {
    IcsMethod method = IcsMethod.valueOf(outgoing.getCalendarMethod());
    List<IcsEvent> events =
        new IcsReader()
            .read(outgoing.getCalendarText().getBytes(StandardCharsets.UTF_8), ZoneOffset.UTC)
            .events();
    return ImipBuilder.build(
        mail,
        new ImipMail(
            method,
            events,
            senderAddress(),
            List.of(outgoing.getRecipient()),
            outgoing.getSubject(),
            outgoing.getBody()));
  }

  /**
   * The platform's address (SMEK_MAIL_FROM); the default {@code smek-int@localhost} has no domain
   * that iMIP accepts, so it stands in as {@code smek-int@localhost.localdomain}.
   */
  private String senderAddress() {
    InternetAddress from = InternetAddress.getLocalAddress(mail);
    if (from == null || from.getAddress() == null) {
      return FALLBACK_SENDER;
    }
    String address = from.getAddress().strip();
    return address.substring(address.indexOf('@') + 1).contains(".") ? address : FALLBACK_SENDER;
  }
}
