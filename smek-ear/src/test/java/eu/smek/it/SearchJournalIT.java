package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.documents.Document;
import eu.smek.documents.DocumentDraft;
import eu.smek.documents.DocumentQuery;
import eu.smek.documents.DocumentService;
import eu.smek.documents.DocumentType;
import eu.smek.documents.NamedContent;
import eu.smek.membership.Country;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.Language;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The search in a cluster, on one node: a change another node makes reaches this node's index
 * through the index journal alone. The other node is played by plain JDBC on the shared database,
 * writing the rows and the journal row in one transaction as that node's Hibernate would, so
 * nothing on this node hears of the change but the journal.
 */
@ExtendWith(ArquillianExtension.class)
class SearchJournalIT extends InContainerTest {

  private static final Logger LOG = Logger.getLogger(SearchJournalIT.class.getName());

  /** "Within a few seconds": the journal is read every second. */
  private static final long PATIENCE_MILLIS = 10_000;

  @EJB(lookup = "java:global/smek/smek-ejb/DocumentService")
  private DocumentService documents;

  @Resource(lookup = "java:jboss/datasources/SmekDS")
  private DataSource database;

  @Resource(lookup = "java:jboss/smek/EntityManagerFactory")
  private EntityManagerFactory factory;

  @Resource(lookup = "java:comp/UserTransaction")
  private UserTransaction transaction;

  private String marker;
  private long library;
  private AccountPrincipal clerk;

  @BeforeEach
  void aTownWithALibrary() throws Exception {
    marker = "xj" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    long town = data.memberTown("Gmina Lesko " + marker, Country.PL);
    String code =
        data.query("select o.code from Organisation o where o.id = ?1", String.class, town).get(0);
    clerk = data.account(Role.CLERK, code);
    library =
        TestSubjects.as(
            data.account(Role.TOWN_COORDINATOR, code),
            () ->
                documents
                    .createLibrary(
                        new SpaceRef(SpaceType.ORGANISATION, town),
                        "Dokumenty " + marker,
                        null,
                        Visibility.PRIVATE)
                    .getId());
  }

  @Test
  void aChangeAndItsJournalRowCommitOrRollBackTogether() throws Exception {
    long id =
        TestSubjects.as(
                clerk,
                () ->
                    documents.upload(
                        library,
                        null,
                        new DocumentDraft(
                            "Porozumienie " + marker,
                            null,
                            DocumentType.AGREEMENT,
                            Language.PL,
                            Set.of(),
                            null),
                        null,
                        new NamedContent(
                            "umowa.txt",
                            new ByteArrayInputStream(
                                "Umowa o współpracy".getBytes(StandardCharsets.UTF_8)))))
            .getId();
    logDelay("this node's own upload", awaitTotal("porozumienia " + marker, 1));
    // The text is read after the upload commits, and stored with a row of its own.
    awaitTotal("współpracą " + marker, 1);
    long rows = journalRows(id);
    assertTrue(rows >= 2, rows + " rows");

    transaction.begin();
    EntityManager em = factory.createEntityManager();
    em.joinTransaction();
    em.find(Document.class, id).setTitle("Inny " + marker);
    em.flush();
    transaction.rollback();
    em.close();
    assertEquals(rows, journalRows(id), "a change rolled back leaves no row");

    transaction.begin();
    em = factory.createEntityManager();
    em.joinTransaction();
    em.find(Document.class, id).setTitle("Aneks " + marker);
    em.flush();
    assertEquals(rows, journalRows(id), "not visible before the commit");
    transaction.commit();
    em.close();
    assertEquals(rows + 1, journalRows(id), "one row for the committed change");
    awaitTotal("aneksu " + marker, 1);
    assertEquals(0, search("porozumienia " + marker));
  }

  @Test
  void anotherNodesUploadChangeAndDeletionReachThisNodesIndex() throws Exception {
    long id = otherNodesId();
    long committed;
    try (Connection other = database.getConnection()) {
      other.setAutoCommit(false);
      insertDocument(
          other, id, "Porozumienie o współpracy " + marker, "Harmonogram spotkań komórek");
      other.commit();
      committed = System.nanoTime();
    }
    // Found by other forms of its words: analysed on this node by the same analysers.
    awaitTotal("porozumienia współpracą " + marker, 1);
    logDelay("another node's upload", since(committed));
    awaitTotal("harmonogramu " + marker, 1);

    try (Connection other = database.getConnection()) {
      other.setAutoCommit(false);
      update(other, "update document set title = ? where id = ?", "Aneks " + marker, id);
      journal(other, id);
      other.commit();
      committed = System.nanoTime();
    }
    awaitTotal("aneksu " + marker, 1);
    logDelay("another node's change", since(committed));
    assertEquals(0, search("porozumienia " + marker));

    try (Connection other = database.getConnection()) {
      other.setAutoCommit(false);
      deleteDocument(other, id);
      other.commit();
      committed = System.nanoTime();
    }
    awaitTotal(marker, 0);
    logDelay("another node's deletion", since(committed));
  }

  @Test
  void aRowCommittedLateWithALowerIdIsNotLost() throws Exception {
    long slow = otherNodesId();
    long quick = slow + 1;
    try (Connection first = database.getConnection();
        Connection second = database.getConnection()) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      long slowRow =
          insertDocument(first, slow, "Sprawozdanie wolne " + marker, "Pierwsza transakcja");
      long quickRow =
          insertDocument(second, quick, "Sprawozdanie szybkie " + marker, "Druga transakcja");
      assertTrue(slowRow < quickRow, slowRow + " < " + quickRow);
      second.commit();
      // This node has read past the slow transaction's row while it was not yet committed.
      awaitTotal("szybkie " + marker, 1);
      assertEquals(0, search("wolne " + marker));

      first.commit();
    }
    awaitTotal("wolne " + marker, 1);
    awaitTotal("sprawozdanie " + marker, 2);

    for (long id : new long[] {slow, quick}) {
      try (Connection other = database.getConnection()) {
        other.setAutoCommit(false);
        deleteDocument(other, id);
        other.commit();
      }
    }
    awaitTotal(marker, 0);
  }

  @Test
  void theNodeKeepsItsPositionBesideItsIndex() throws Exception {
    long id = otherNodesId();
    try (Connection other = database.getConnection()) {
      other.setAutoCommit(false);
      long row = insertDocument(other, id, "Notatka " + marker, "Treść");
      other.commit();
      awaitTotal("notatka " + marker, 1);

      Path position = Path.of(System.getProperty("smek.search.index-dir"), "journal-position");
      Properties stored = new Properties();
      // Written after the index commit, which the search has just seen.
      long high = 0;
      for (int i = 0; i < 50 && high < row; i++) {
        try (var in = Files.newInputStream(position)) {
          stored.load(in);
        }
        high = Long.parseLong(stored.getProperty("high"));
        Thread.sleep(100);
      }
      assertTrue(high >= row, "position " + high + ", row " + row);
      assertTrue(Files.isDirectory(position.resolveSibling("document")));

      deleteDocument(other, id);
      other.commit();
    }
    awaitTotal(marker, 0);
  }

  // What another node does, in plain SQL

  /** Ids far above what the sequences hand out, so they never meet this node's. */
  private static long otherNodesId() {
    return ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50) * 2;
  }

  /**
   * Inserts a document with one version and its text, and its journal row; returns the row's id.
   */
  private long insertDocument(Connection other, long id, String title, String text)
      throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (PreparedStatement document =
        other.prepareStatement(
            "insert into document (id, version, library_id, title, type, language, created_at,"
                + " updated_at) values (?, 0, ?, ?, 'AGREEMENT', 'PL', ?, ?)")) {
      document.setLong(1, id);
      document.setLong(2, library);
      document.setString(3, title);
      document.setObject(4, now);
      document.setObject(5, now);
      document.executeUpdate();
    }
    try (PreparedStatement version =
        other.prepareStatement(
            "insert into document_version (id, document_id, number, file_name, content_type,"
                + " size, sha256, author_name, created_at, approval_state)"
                + " values (?, ?, 1, 'notatka.txt', 'text/plain', ?, ?, 'Inny węzeł', ?,"
                + " 'NOT_SUBMITTED')")) {
      version.setLong(1, id);
      version.setLong(2, id);
      version.setLong(3, text.length());
      version.setString(4, "0".repeat(64));
      version.setObject(5, now);
      version.executeUpdate();
    }
    try (PreparedStatement extracted =
        other.prepareStatement(
            "insert into document_text (version_id, content, outcome, extracted_at)"
                + " values (?, ?, 'COMPLETE', ?)")) {
      extracted.setLong(1, id);
      extracted.setString(2, text);
      extracted.setObject(3, now);
      extracted.executeUpdate();
    }
    return journal(other, id);
  }

  private static void deleteDocument(Connection other, long id) throws SQLException {
    update(other, "delete from document_text where version_id = ?", null, id);
    update(other, "delete from document_version where document_id = ?", null, id);
    update(other, "delete from document where id = ?", null, id);
    journal(other, id);
  }

  /** Writes the document's journal row; returns its id. */
  private static long journal(Connection other, long id) throws SQLException {
    update(
        other, "insert into search_journal (entity, entity_id) values ('Document', ?)", null, id);
    try (PreparedStatement statement =
        other.prepareStatement("select max(id) from search_journal where entity_id = ?")) {
      statement.setLong(1, id);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static void update(Connection connection, String sql, String text, long id)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int i = 1;
      if (text != null) {
        statement.setString(i++, text);
      }
      statement.setLong(i, id);
      statement.executeUpdate();
    }
  }

  private long journalRows(long documentId) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "select count(*) from search_journal where entity = 'Document' and entity_id = ?")) {
      statement.setLong(1, documentId);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  // What this node's users see

  private long search(String text) throws Exception {
    return TestSubjects.as(clerk, () -> documents.search(DocumentQuery.of(text), 0, 10)).total();
  }

  /** Searches until the expected number of documents is found; returns how long that took. */
  private long awaitTotal(String text, long expected) throws Exception {
    long start = System.nanoTime();
    long found = search(text);
    while (found != expected && System.nanoTime() - start < PATIENCE_MILLIS * 1_000_000) {
      Thread.sleep(50);
      found = search(text);
    }
    assertEquals(expected, found, text);
    return since(start);
  }

  private static long since(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1_000_000;
  }

  private static void logDelay(String what, long millis) {
    LOG.info(() -> "Search journal: " + what + " was found " + millis + " ms after its commit");
  }
}
