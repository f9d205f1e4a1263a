package eu.smek.operations;

import static eu.smek.security.Permissions.OPERATIONS_VIEW;

import eu.smek.documents.BlobStore;
import eu.smek.documents.DocumentStorage;
import eu.smek.infrastructure.Database;
import eu.smek.infrastructure.MailSender;
import eu.smek.infrastructure.SchemaMigrations;
import eu.smek.security.RequiresPermission;
import eu.smek.security.SecurityService;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/** The state of this node, for IT operators, and the cluster's housekeeping of its jobs. */
@Stateless
public class OperationsService {

  private static final Logger LOG = Logger.getLogger(OperationsService.class.getName());

  @Resource(lookup = Database.JNDI_NAME)
  private DataSource dataSource;

  @Resource(lookup = "java:jboss/mail/Smek")
  private Session mail;

  @PersistenceContext private EntityManager em;
  @Inject private DocumentStorage storage;
  @Inject private SecurityService security;

  @RequiresPermission(OPERATIONS_VIEW)
  public SystemStatus status() {
    Database database = Database.of(dataSource);
    BuildInfo build = BuildInfo.read();
    BlobStore blobs = storage.blobs();
    Optional<String> problem = blobs.problem(0);
    BlobStore.Usage usage = problem.isPresent() ? new BlobStore.Usage(-1, -1) : usage(blobs);
    return new SystemStatus(
        OperationsService.class.getPackage().getImplementationVersion(),
        build.commit(),
        build.time(),
        System.getProperty("jboss.node.name", "-"),
        ClusterMembers.read(),
        Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()),
        database.product(),
        database.version(),
        database.embedded(),
        count("select count(a) from Account a"),
        count("select count(o) from Organisation o"),
        blobs.root().toString(),
        usage.files(),
        usage.bytes(),
        problem.isPresent() ? -1 : blobs.freeBytes(),
        problem.orElse(null));
  }

  private static BlobStore.Usage usage(BlobStore blobs) {
    try {
      return blobs.usage();
    } catch (UncheckedIOException e) {
      return new BlobStore.Usage(-1, -1);
    }
  }

  /**
   * The schema's migrations as Flyway sees them. Flyway reads with a connection of its own, so this
   * runs outside any container transaction (as the migration at start-up does).
   */
  @RequiresPermission(OPERATIONS_VIEW)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Migrations migrations() {
    MigrationInfoService info = SchemaMigrations.flyway(dataSource).info();
    MigrationInfo current = info.current();
    return new Migrations(
        current == null || current.getVersion() == null ? "-" : current.getVersion().toString(),
        // The baseline Flyway records on a new database (see SchemaMigrations) is no migration.
        (int)
            Arrays.stream(info.applied())
                .filter(migration -> !migration.getType().isBaseline())
                .count(),
        info.pending().length,
        (int)
            Arrays.stream(info.all()).filter(migration -> migration.getState().isFailed()).count(),
        (int)
            Arrays.stream(info.all())
                .filter(migration -> migration.getState() == MigrationState.FUTURE_SUCCESS)
                .count());
  }

  /**
   * Sends a test e-mail to the signed-in operator straight through the mail session, not through
   * the queue, so that the page can tell at once whether the mail server took it.
   */
  @RequiresPermission(OPERATIONS_VIEW)
  public String sendTestMail() {
    String address = security.getCurrentAccount().getEmail();
    try {
      MimeMessage message = new MimeMessage(mail);
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
      message.setSubject(
          "SMEK-int: test e-mail from " + System.getProperty("jboss.node.name", "-"),
          StandardCharsets.UTF_8.name());
      message.setText(
          "The mail settings of SMEK-int work: this e-mail was sent from the system status page at "
              + Instant.now()
              + ".",
          StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      Transport.send(message);
      return address;
    } catch (MessagingException e) {
      throw new MailTestFailedException(address, String.valueOf(e.getMessage()));
    }
  }

  /** For the metrics: read at each scrape, by no user. */
  public MailQueue mailQueue() {
    return new MailQueue(
        em.createQuery(
                "select count(m) from OutgoingMail m where m.sentAt is null and m.attempts < :max",
                Long.class)
            .setParameter("max", MailSender.MAXIMUM_ATTEMPTS)
            .getSingleResult(),
        em.createQuery(
                "select count(m) from OutgoingMail m where m.sentAt is null and m.attempts >= :max",
                Long.class)
            .setParameter("max", MailSender.MAXIMUM_ATTEMPTS)
            .getSingleResult());
  }

  private long count(String query) {
    return em.createQuery(query, Long.class).getSingleResult();
  }

  /**
   * Gives back the timeouts that nodes no longer in the cluster had claimed. Before a persistent
   * job runs, a node claims it by setting its row in {@code jboss_ejb_timer} to {@code IN_TIMEOUT}
   * with its name, and no other node may run that job until the claim ends. A node killed during a
   * run never ends it, so without this the job would stop in the whole cluster until that node came
   * back (measured by {@code FailoverClusterIT}). Runs on every node every 20 s, as a timer that is
   * not persistent, so that no claim can hold it up. A single server has no view to go by: its
   * restart ends its own claims. A node cut off from the others by the network but alive would lose
   * its claims too; the one run it is in may then run twice.
   */
  @Schedule(hour = "*", minute = "*", second = "*/20", persistent = false)
  void releaseClaimsOfDepartedNodes() {
    List<String> members = ClusterMembers.read();
    String self = System.getProperty("jboss.node.name");
    Optional<String> partition = TimerPartition.read();
    // A view without this node is no view to go by (it is joining, or the view is unreadable).
    if (!members.contains(self) || partition.isEmpty()) {
      return;
    }
    int released =
        em.createNativeQuery(
                "update jboss_ejb_timer set timer_state = 'ACTIVE', node_name = null"
                    + " where partition_name = ?1 and timer_state in ('IN_TIMEOUT', 'RETRY_TIMEOUT')"
                    + " and node_name not in (?2)")
            .setParameter(1, partition.get())
            .setParameter(2, members)
            .executeUpdate();
    if (released > 0) {
      LOG.log(
          Level.WARNING,
          "Released {0} job run(s) claimed by nodes that left the cluster (members: {1})",
          new Object[] {released, members});
    }
  }
}
