package eu.smek.operations;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** This node's state: version, build, node, cluster, database, migrations, storage; a mail test. */
@Named
@RequestScoped
public class ViewSystemStatus {

  @Inject private OperationsService operations;

  private SystemStatus status;
  private Migrations migrations;

  @PostConstruct
  void load() {
    status = operations.status();
    migrations = operations.migrations();
  }

  /** Sends a test e-mail to the signed-in operator; a failure is shown by the exception handler. */
  public void sendTestMail() {
    String address = operations.sendTestMail();
    Messages.addGlobalInfo(
        eu.smek.shared.Messages.format(Faces.getLocale(), "operations.mailTest.sent", address));
  }

  public SystemStatus getStatus() {
    return status;
  }

  public Migrations getMigrations() {
    return migrations;
  }
}
