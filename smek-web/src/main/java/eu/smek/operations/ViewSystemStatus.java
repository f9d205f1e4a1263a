package eu.smek.operations;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** This node's state: version, node, database and schema. */
@Named
@RequestScoped
public class ViewSystemStatus {

  @Inject private OperationsService operations;

  private SystemStatus status;

  @PostConstruct
  void load() {
    status = operations.status();
  }

  public SystemStatus getStatus() {
    return status;
  }
}
