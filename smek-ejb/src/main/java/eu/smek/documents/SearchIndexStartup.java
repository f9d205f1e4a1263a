package eu.smek.documents;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Makes the full-text index whole at start-up: rebuilt from the database when it is empty or was
 * deleted (the index lives on each node's disk; the database is the truth), and the text read of
 * the versions whose extraction never ran. Both run in the background; the server does not wait.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
public class SearchIndexStartup {

  private static final Logger LOG = Logger.getLogger(SearchIndexStartup.class.getName());

  @Inject private DocumentSearch search;
  @EJB private DocumentTexts texts;

  @PostConstruct
  void start() {
    if (search.rebuildIfEmpty()) {
      LOG.info("The document search index was empty: rebuilding it from the database");
    }
    List<Long> missing = texts.withoutText();
    if (!missing.isEmpty()) {
      LOG.info(() -> "Reading the text of " + missing.size() + " document versions");
      texts.extractSoon(missing);
    }
  }
}
