package eu.smek.operations;

import eu.smek.infrastructure.MailSender;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.ToDoubleFunction;

/**
 * SMEK's figures in WildFly's Micrometer registry, served in Prometheus format at {@code
 * /prometheus} on the management port (08-observability.cli). Every meter carries the tag {@code
 * node} (jboss.node.name).
 *
 * <ul>
 *   <li>{@code smek_signed_in_sessions}: sessions with a signed-in user on this node ({@link
 *       SignedInSessions}); sum over the nodes.
 *   <li>{@code smek_uploads_total}: documents and document versions uploaded through this node,
 *       counted when their transaction commits; sum the rates over the nodes.
 *   <li>{@code smek_failed_logins_total{reason}}: refused sign-ins on this node, by reason ({@code
 *       password}: wrong name or password; {@code locked}: a locked name; {@code token}: an unknown
 *       or revoked API token).
 *   <li>{@code smek_mail_queue}: e-mails waiting to be sent (not sent yet, attempts left), and
 *       {@code smek_mail_failed}: e-mails given up after {@value MailSender#MAXIMUM_ATTEMPTS}
 *       attempts. Read from the database at each scrape, so every node reports the same cluster
 *       figure: take the maximum, not the sum.
 *   <li>{@code smek_telesessions_live}: telesessions whose live room is open. There are no
 *       telesessions yet, so the figure is read from {@link #liveTelesessions}, which answers 0
 *       until the telesession feature sets it to its count of live sessions from the database.
 * </ul>
 */
@ApplicationScoped
public class ApplicationMetrics {

  @Inject private MeterRegistry registry;
  @Inject private OperationsService operations;

  private final SignedInSessions sessions = new SignedInSessions(Clock.systemUTC());
  private final List<Meter> meters = new ArrayList<>();
  private volatile IntSupplier liveTelesessions = () -> 0;
  private volatile Duration sessionTimeout = Duration.ofMinutes(30);
  private Tags node;
  private Counter uploads;

  /**
   * Registers the meters, so that they appear before first use; called once at start-up by {@link
   * MeterRegistration}. Through the registry's own methods rather than the meter builders: WildFly
   * 39 gives each deployment a registry that exports only what those methods register.
   */
  void register() {
    node = Tags.of("node", System.getProperty("jboss.node.name", "-"));
    uploads = registry.counter("smek.uploads", node);
    gauge("smek.signed.in.sessions", this, m -> m.sessions.count(m.sessionTimeout));
    gauge("smek.mail.queue", operations, o -> o.mailQueue().waiting());
    gauge("smek.mail.failed", operations, o -> o.mailQueue().failed());
    gauge("smek.telesessions.live", this, m -> m.liveTelesessions.getAsInt());
    for (String reason : List.of("password", "locked", "token")) {
      meters.add(failedLogins(reason));
    }
    meters.add(uploads);
  }

  /** A gauge read from {@code state}, which this bean keeps referenced (gauges hold it weakly). */
  private <T> void gauge(String name, T state, ToDoubleFunction<T> value) {
    registry.gauge(name, node, state, value);
    Gauge gauge = registry.find(name).tags(node).gauge();
    if (gauge != null) {
      meters.add(gauge);
    }
  }

  /**
   * WildFly's registry outlives the deployment: without this, a redeployed application would find
   * the old meters, bound to the beans of the old deployment.
   */
  @PreDestroy
  void stop() {
    meters.forEach(registry::remove);
    meters.clear();
  }

  private Counter failedLogins(String reason) {
    return registry.counter("smek.failed.logins", node.and("reason", reason));
  }

  /** A sign-in or API call was refused; {@code reason} is password, locked or token. */
  public void loginFailed(String reason) {
    failedLogins(reason).increment();
  }

  void uploaded(@Observes(during = TransactionPhase.AFTER_SUCCESS) Uploaded upload) {
    uploads.increment();
  }

  /** The signed-in sessions of this node, kept up to date by the web module. */
  public SignedInSessions sessions() {
    return sessions;
  }

  /** The session timeout the web module is configured with, after which an unseen one is gone. */
  public void sessionTimeout(Duration timeout) {
    sessionTimeout = timeout;
  }

  /** Where {@code smek_telesessions_live} reads its figure: for the telesession feature. */
  public void liveTelesessions(IntSupplier count) {
    liveTelesessions = count;
  }

  /** A document or a new version of one was uploaded; counted once its transaction commits. */
  public record Uploaded(long documentId) {}
}
