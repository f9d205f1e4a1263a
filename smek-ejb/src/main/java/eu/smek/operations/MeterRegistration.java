package eu.smek.operations;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Registers SMEK's meters when the application starts. A start-up EJB, because an observer of CDI's
 * start-up event in the EAR's EJB module was never called on WildFly 39 (no meters appeared).
 */
@Singleton
@Startup
public class MeterRegistration {

  @Inject private ApplicationMetrics metrics;

  @PostConstruct
  void register() {
    metrics.register();
  }
}
