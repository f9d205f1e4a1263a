package eu.smek.telesession;

import eu.smek.operations.ApplicationMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Gives the metric {@code smek_telesessions_live} its figure: the open telesessions, counted in the
 * database at each scrape, so that every node reports the same cluster figure.
 */
@Singleton
@Startup
public class LiveTelesessions {

  @Inject private ApplicationMetrics metrics;
  @EJB private TelesessionService telesessions;

  @PostConstruct
  void wire() {
    metrics.liveTelesessions(telesessions::countOpen);
  }
}
