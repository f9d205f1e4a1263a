package eu.smek.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.documents.BlobStore;
import eu.smek.documents.DocumentService;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's backup and restore (wildfly-config/src/main/scripts) on the test server's own
 * PostgreSQL database and blob store: data made through the application is backed up while the
 * server runs, restored into a new database and a new store, and found there whole. Runs inside the
 * server, which knows its database (SMEK_DB_URL) and store ({@code smek.documents.dir}) as the
 * scripts' operator does; the scripts themselves run as separate processes. Only on PostgreSQL
 * ({@code .ci/run}'s second stage; skipped on H2): the embedded H2 database is for demos and is not
 * backed up.
 */
@ExtendWith(ArquillianExtension.class)
// Decided before anything is deployed: an assumption that fails inside the server is reported as
// an error, not as a skipped test (arquillian-core#889).
@EnabledIfEnvironmentVariable(named = "SMEK_DB_URL", matches = "jdbc:postgresql:.*")
class BackupRestoreIT extends InContainerTest {

  /**
   * What records events in SMEK-int, table by table: every row there before the backup must be in
   * the restored copy, unchanged. The calendar's events join this list when they exist.
   */
  private static final List<String> EVENT_TABLES =
      List.of("audit_entry", "notification", "membership_change", "membership_case_entry");

  @EJB(lookup = "java:global/smek/smek-ejb/DocumentService")
  private DocumentService documents;

  private final Http http = Http.local();

  @Test
  void aBackupRestoredIntoAnEmptyDatabaseAndStoreHoldsUsersDocumentsAndEvents() throws Exception {
    Database source = Database.ofServer();
    Path scripts = Path.of(System.getProperty("it.scripts.dir"));
    Path store = Path.of(System.getProperty("smek.documents.dir"));
    Path work = Files.createTempDirectory("smek-backup-it");
    Database restored = source.named(source.name() + "_restored_" + suffix());
    Database refused = source.named(source.name() + "_refused_" + suffix());
    try {
      // Made through the application: accounts signing in, two documents with real bytes, and
      // the audit entries that all of this writes.
      AccountPrincipal coordinator = data.account(Role.TOWN_COORDINATOR, "PP3");
      AccountPrincipal clerk = data.account(Role.CLERK, "PP3");
      signedIn(clerk);
      long library =
          TestSubjects.as(
              coordinator,
              () ->
                  documents
                      .createLibrary(
                          new SpaceRef(
                              SpaceType.ORGANISATION, data.findOrganisation("PP3").getId()),
                          "Backup " + UUID.randomUUID(),
                          null,
                          Visibility.PRIVATE)
                      .getId());
      Map<Long, byte[]> uploaded = new LinkedHashMap<>();
      byte[] pdf = TestFiles.pdf("Uchwała do kopii zapasowej " + UUID.randomUUID());
      uploaded.put(upload(library, clerk, "Uchwała.pdf", pdf), pdf);
      byte[] png = TestFiles.png(97, 61 + (int) (Math.random() * 100));
      uploaded.put(upload(library, clerk, "Erb.png", png), png);

      List<String> accountsBefore = source.rows("select cast(a as text) from account a");
      Map<String, List<String>> eventsBefore = new HashMap<>();
      for (String table : EVENT_TABLES) {
        eventsBefore.put(table, source.rows("select cast(t as text) from " + table + " t"));
      }
      assertTrue(
          eventsBefore.get("audit_entry").stream()
                  .filter(row -> row.contains(clerk.login()))
                  .count()
              >= 3,
          "sign-in and two documents added, as the clerk");

      // Backed up while the server runs.
      Path backups = work.resolve("backups");
      Run made = run(source, store, scripts.resolve("backup.sh"), backups.toString());
      assertEquals(0, made.exit(), made.toString());
      Path backup = Path.of(made.out().strip());
      assertTrue(Files.isRegularFile(backup.resolve("manifest")), backup.toString());
      String manifest = Files.readString(backup.resolve("manifest"));
      assertTrue(manifest.contains("schema_version=" + source.schemaVersion()), manifest);
      assertFalse(
          Files.exists(store.resolve(BlobStore.BACKUP_MARKER)),
          "the clean-up is held back only while the backup runs");

      // Restored into a database and a store that do not exist yet.
      Path restoredStore = work.resolve("restored-store");
      Run restore = run(restored, restoredStore, scripts.resolve("restore.sh"), backup.toString());
      assertEquals(0, restore.exit(), restore.toString());

      // Users: every account as it was, with its password hash and roles.
      List<String> accountsAfter = restored.rows("select cast(a as text) from account a");
      assertTrue(accountsAfter.containsAll(accountsBefore), "accounts");
      assertEquals(accountsBefore.size(), accountsAfter.size());
      assertEquals(
          List.of("CLERK"),
          restored.rows(
              "select r.role from account_role r join account a on a.id = r.account_id"
                  + " where a.login = '"
                  + clerk.login()
                  + "'"));

      // Documents: each version's file byte for byte, read as a download reads it (chunk
      // checksums), and every file the restored database refers to is sound.
      BlobStore restoredBlobs = new BlobStore(restoredStore);
      for (var document : uploaded.entrySet()) {
        List<String> sha =
            restored.rows(
                "select sha256 from document_version where document_id = " + document.getKey());
        assertEquals(List.of(sha256(document.getValue())), sha, "document " + document.getKey());
        try (InputStream in = restoredBlobs.open(sha.get(0))) {
          assertArrayEquals(document.getValue(), in.readAllBytes());
        }
      }
      List<String> referenced =
          restored.rows(
              "select sha256 from document_version union"
                  + " select thumbnail_sha256 from document_version"
                  + " where thumbnail_sha256 is not null");
      assertEquals(Map.of(), restoredBlobs.scrub(referenced), "damaged or missing");
      assertEquals(referenced.stream().sorted().toList(), restoredBlobs.list(), "nothing else");

      // Events: everything recorded before the backup.
      for (String table : EVENT_TABLES) {
        List<String> after = restored.rows("select cast(t as text) from " + table + " t");
        assertTrue(after.containsAll(eventsBefore.get(table)), table);
      }
      assertEquals(
          source.rows("select version, checksum from flyway_schema_history order by 1"),
          restored.rows("select version, checksum from flyway_schema_history order by 1"));

      // Never over data: not into the restored database, nor into a new database with a store
      // that is not empty; refused before anything is created or written.
      Run again =
          run(restored, work.resolve("empty-store"), scripts.resolve("restore.sh"), "" + backup);
      assertEquals(4, again.exit(), again.toString());
      assertTrue(again.err().contains("has "), again.err());
      assertFalse(Files.exists(work.resolve("empty-store")), "nothing written");
      Run intoFullStore = run(refused, restoredStore, scripts.resolve("restore.sh"), "" + backup);
      assertEquals(4, intoFullStore.exit(), intoFullStore.toString());
      assertTrue(intoFullStore.err().contains("is not empty"), intoFullStore.err());
      assertEquals(
          List.of("0"),
          source.rows("select count(*) from pg_database where datname = '" + refused.name() + "'"),
          "not even created");
    } finally {
      source.drop(restored.name());
      source.drop(refused.name());
      deleteTree(work);
    }
  }

  private long upload(long library, AccountPrincipal who, String fileName, byte[] content)
      throws Exception {
    HttpResponse<String> response =
        http.postMultipart(
            "/api/v1/documents/libraries/" + library + "/documents",
            Map.of(
                "title", fileName + " " + UUID.randomUUID(), "type", "MINUTES", "language", "pl"),
            new Http.FilePart("file", fileName, "application/octet-stream", content),
            "Authorization",
            Http.basic(who.login(), TestData.PASSWORD));
    assertEquals(201, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body()))
        .readObject()
        .getJsonNumber("id")
        .longValue();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** What a script printed and how it ended. */
  private record Run(int exit, String out, String err) {}

  /** Runs a script with the environment an operator gives it: the server's, pointing elsewhere. */
  private static Run run(Database database, Path store, Path script, String argument)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), argument);
    builder.environment().put("SMEK_DB_URL", database.url());
    builder.environment().put("SMEK_DOCUMENTS_DIR", store.toString());
    return Database.run(builder);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** A PostgreSQL database on the test server's PostgreSQL, reached with psql. */
  private record Database(String host, String port, String name) {

    private static final Pattern URL =
        Pattern.compile("jdbc:postgresql://([^/:?]+)(?::([0-9]+))?/([^?]+).*");

    static Database ofServer() {
      String url = System.getenv().getOrDefault("SMEK_DB_URL", "");
      Matcher matcher = URL.matcher(url);
      assertTrue(matcher.matches(), url);
      return new Database(
          matcher.group(1), matcher.group(2) == null ? "5432" : matcher.group(2), matcher.group(3));
    }

    Database named(String other) {
      return new Database(host, port, other);
    }

    String url() {
      return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    String schemaVersion() throws IOException, InterruptedException {
      return rows("select version from flyway_schema_history where success and version is not null"
              + " order by installed_rank desc limit 1")
          .get(0);
    }

    /** One line per row; several columns separated by '|'. */
    List<String> rows(String sql) throws IOException, InterruptedException {
      Run psql = psql(name, sql);
      assertEquals(0, psql.exit(), psql.toString());
      return psql.out().isEmpty() ? List.of() : List.of(psql.out().split("\n"));
    }

    void drop(String database) throws IOException, InterruptedException {
      psql("postgres", "drop database if exists " + database);
    }

    private Run psql(String database, String sql) throws IOException, InterruptedException {
      List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-A", "-t"));
      command.addAll(List.of("-h", host, "-p", port, "-d", database, "-c", sql));
      return run(new ProcessBuilder(command));
    }

    /**
     * SMEK_DB_USER and SMEK_DB_PASSWORD are inherited from the server, as the scripts read them.
     */
    static Run run(ProcessBuilder builder) throws IOException, InterruptedException {
      String user = System.getenv("SMEK_DB_USER");
      String password = System.getenv("SMEK_DB_PASSWORD");
      if (user != null) {
        builder.environment().put("PGUSER", user);
      }
      if (password != null) {
        builder.environment().put("PGPASSWORD", password);
      }
      Path out = Files.createTempFile("smek-run", ".out");
      Path err = Files.createTempFile("smek-run", ".err");
      try {
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "still running: " + builder.command());
        return new Run(
            process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    }
  }
}
