package eu.smek.documents;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the text inside each new version's file once its upload has committed, in the background so
 * the upload does not wait, and keeps it in {@link DocumentText}; storing it journals the document
 * for indexing again on every node, like any change to it. Parsing runs outside any transaction (it
 * may take a while for a large PDF); only storing the result is transactional.
 */
@Stateless
public class DocumentTexts {

  private static final Logger LOG = Logger.getLogger(DocumentTexts.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private DocumentStorage storage;
  @EJB private DocumentTexts self;

  /** Starts reading the version's text once the transaction that stored it has committed. */
  public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) VersionStored stored) {
    self.extractSoon(List.of(stored.versionId()));
  }

  /** Reads the versions' texts one after the other, in a thread of the EJB container. */
  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void extractSoon(List<Long> versionIds) {
    for (long versionId : versionIds) {
      try {
        extract(versionId);
      } catch (RuntimeException e) {
        // One failure (e.g. a blob gone missing) must not stop the others; the version stays
        // findable by its metadata and is tried again at the next start.
        LOG.log(Level.WARNING, "Could not read the text of document version " + versionId, e);
      }
    }
  }

  /**
   * Reads one version's text and stores it; returns how it went, or null if there is no such
   * version.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public DocumentText.Outcome extract(long versionId) {
    StoredContent content = self.content(versionId);
    if (content == null) {
      return null;
    }
    TextExtractor.Extracted extracted;
    try (InputStream in = Files.newInputStream(storage.blobs().pathOf(content.sha256()))) {
      extracted = new TextExtractor().extract(in, content.size(), content.contentType());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    self.store(versionId, extracted.text(), extracted.outcome());
    return extracted.outcome();
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public StoredContent content(long versionId) {
    DocumentVersion version = em.find(DocumentVersion.class, versionId);
    return version == null ? null : version.content();
  }

  /** Keeps the text, if the version still exists. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void store(long versionId, String extracted, DocumentText.Outcome outcome) {
    DocumentVersion version = em.find(DocumentVersion.class, versionId);
    if (version == null) {
      return; // deleted meanwhile
    }
    DocumentText text = em.find(DocumentText.class, versionId);
    if (text == null) {
      em.persist(new DocumentText(versionId, extracted, outcome, Instant.now()));
    }
  }

  /**
   * The versions whose text was never read (their server stopped first, or they predate the
   * search); read at start-up.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Long> withoutText() {
    return em.createQuery(
            "select v.id from DocumentVersion v where not exists"
                + " (select t from DocumentText t where t.versionId = v.id) order by v.id",
            Long.class)
        .getResultList();
  }
}
