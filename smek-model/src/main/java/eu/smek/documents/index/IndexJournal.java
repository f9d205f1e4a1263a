package eu.smek.documents.index;

import eu.smek.documents.Document;
import eu.smek.documents.DocumentText;
import eu.smek.documents.DocumentVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.action.spi.AfterTransactionCompletionProcess;
import org.hibernate.action.spi.BeforeTransactionCompletionProcess;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionRemoveEvent;
import org.hibernate.event.spi.PostCollectionRemoveEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Writes the index journal: one row in {@code search_journal} per document whose index entry a
 * transaction changes, in that same transaction, so that the row exists exactly when the change
 * does. Every node reads the journal and indexes those documents again from the database into its
 * own index ({@code SearchIndexFollower} in the EJB module): that is how a change made on one node
 * of a cluster reaches the search on every node.
 *
 * <p>A Hibernate event listener, not calls in the services: every change made through JPA passes
 * here, including those of code written later, so none can forget the journal. What an entry is
 * made of is what {@link DocumentBinder} reads: the document (and its tags), its versions and the
 * text of a version; a change to any of them is recorded, as the document's id. Bulk JPQL or SQL
 * statements pass no listener, so none may change those (the thumbnail's column is not indexed).
 *
 * <p>Changes are collected during the transaction and written once, after its last flush and before
 * it commits, so a document changed many times in one transaction gets one row and the row's id is
 * taken just before the commit. Registered as a Hibernate {@link Integrator} in {@code
 * META-INF/services}.
 */
public class IndexJournal implements Integrator {

  /** The name an indexed document has in the journal (its JPA entity name). */
  public static final String DOCUMENT = "Document";

  @Override
  public void integrate(
      Metadata metadata,
      BootstrapContext bootstrapContext,
      SessionFactoryImplementor sessionFactory) {
    Listener listener = new Listener(sessionFactory);
    EventListenerRegistry registry =
        sessionFactory.getServiceRegistry().getService(EventListenerRegistry.class);
    registry.appendListeners(EventType.POST_INSERT, listener);
    registry.appendListeners(EventType.POST_UPDATE, listener);
    registry.appendListeners(EventType.POST_DELETE, listener);
    registry.appendListeners(EventType.POST_COLLECTION_RECREATE, listener);
    registry.appendListeners(EventType.POST_COLLECTION_UPDATE, listener);
    registry.appendListeners(EventType.POST_COLLECTION_REMOVE, listener);
  }

  @Override
  public void disintegrate(
      SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
    // The listeners go with the session factory.
  }

  /**
   * What one transaction changed: documents by id, and texts by their version's id. A session is
   * used by one thread at a time.
   */
  private record Changes(Set<Long> documents, Set<Long> textVersions) {
    Changes() {
      this(new TreeSet<>(), new TreeSet<>());
    }
  }

  private static final class Listener
      implements PostInsertEventListener,
          PostUpdateEventListener,
          PostDeleteEventListener,
          PostCollectionRecreateEventListener,
          PostCollectionUpdateEventListener,
          PostCollectionRemoveEventListener {

    private final SessionFactoryImplementor sessionFactory;

    /** The changes of each session's current transaction, until it completes. */
    private final Map<SharedSessionContractImplementor, Changes> pending =
        new ConcurrentHashMap<>();

    Listener(SessionFactoryImplementor sessionFactory) {
      this.sessionFactory = sessionFactory;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
      record(event.getSession(), event.getEntity());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
      record(event.getSession(), event.getEntity());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
      record(event.getSession(), event.getEntity());
    }

    @Override
    public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
      recordOwner(event);
    }

    @Override
    public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
      recordOwner(event);
    }

    @Override
    public void onPostRemoveCollection(PostCollectionRemoveEvent event) {
      recordOwner(event);
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
      return false;
    }

    private void recordOwner(AbstractCollectionEvent event) {
      Object owner = event.getAffectedOwnerOrNull();
      if (owner != null) {
        record(event.getSession(), owner);
      } else if (Document.class.getName().equals(event.getAffectedOwnerEntityName())
          && event.getAffectedOwnerIdOrNull() instanceof Long id) {
        changes(event.getSession()).documents().add(id);
      }
    }

    private void record(EventSource session, Object entity) {
      if (entity instanceof Document document) {
        changes(session).documents().add(document.getId());
      } else if (entity instanceof DocumentVersion version) {
        // The version's document may be a proxy: its id, without loading it.
        Object id = sessionFactory.getPersistenceUnitUtil().getIdentifier(version.getDocument());
        changes(session).documents().add((Long) id);
      } else if (entity instanceof DocumentText text) {
        changes(session).textVersions().add(text.getVersionId());
      }
    }

    private Changes changes(EventSource session) {
      return pending.computeIfAbsent(
          session,
          key -> {
            session
                .getActionQueue()
                .registerProcess(
                    (BeforeTransactionCompletionProcess)
                        completing -> write(completing, pending.remove(key)));
            // Also when the transaction rolls back, and the rows were never written.
            session
                .getActionQueue()
                .registerProcess(
                    (AfterTransactionCompletionProcess)
                        (success, completed) -> pending.remove(key));
            return new Changes();
          });
    }

    private static void write(SessionImplementor session, Changes changes) {
      if (changes == null) {
        return;
      }
      session.doWork(
          connection -> {
            Set<Long> documents = new TreeSet<>(changes.documents());
            documents.addAll(documentsOf(connection, changes.textVersions()));
            if (documents.isEmpty()) {
              return;
            }
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "insert into search_journal (entity, entity_id) values (?, ?)")) {
              for (long id : documents) {
                insert.setString(1, DOCUMENT);
                insert.setLong(2, id);
                insert.addBatch();
              }
              insert.executeBatch();
            }
          });
    }

    /** A text is known by its version's id; the journal names the document. */
    private static Set<Long> documentsOf(Connection connection, Set<Long> versions)
        throws SQLException {
      Set<Long> documents = new TreeSet<>();
      try (PreparedStatement select =
          connection.prepareStatement("select document_id from document_version where id = ?")) {
        for (long version : versions) {
          select.setLong(1, version);
          try (ResultSet row = select.executeQuery()) {
            if (row.next()) {
              documents.add(row.getLong(1));
            }
          }
        }
      }
      return documents;
    }
  }
}
