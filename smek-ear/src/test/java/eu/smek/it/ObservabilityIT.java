package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.documents.DocumentDraft;
import eu.smek.documents.DocumentService;
import eu.smek.documents.DocumentType;
import eu.smek.documents.Library;
import eu.smek.documents.NamedContent;
import eu.smek.membership.Country;
import eu.smek.operations.Migrations;
import eu.smek.operations.OperationsService;
import eu.smek.operations.SystemStatus;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.Language;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import eu.smek.telesession.TelesessionStatus;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the IT staff watch (08-observability.cli): readiness with the database and the blob store,
 * and SMEK's figures among the Prometheus metrics, both on the management port; and the figures of
 * the system status page.
 */
@ExtendWith(ArquillianExtension.class)
class ObservabilityIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/DocumentService")
  private DocumentService documents;

  @EJB(lookup = "java:global/smek/smek-ejb/OperationsService")
  private OperationsService operations;

  @Test
  void readinessIncludesTheDatabaseAndTheBlobStore() throws Exception {
    HttpResponse<String> ready = management().get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    JsonObject health = json(ready);
    assertEquals("UP", health.getString("status"));
    assertEquals("UP", check(health, "smek-database").getString("status"));
    JsonObject store = check(health, "smek-blob-store");
    assertEquals("UP", store.getString("status"), store.toString());
    assertTrue(store.getJsonObject("data").getJsonNumber("freeMiB").longValue() > 0);
    // WildFly's own checks are still there, the deployment's among them.
    assertTrue(ready.body().contains("smek.ear"), ready.body());
  }

  @Test
  void readinessIsDownWhileTheBlobStoreIsMissingAndUpWhenItIsBack() throws Exception {
    Path store =
        Path.of(
            check(json(management().get("/health/ready")), "smek-blob-store")
                .getJsonObject("data")
                .getString("directory"));
    // What an unmounted share looks like: the directory is not there.
    Path away = store.resolveSibling(store.getFileName() + "-away-" + UUID.randomUUID());
    Files.move(store, away);
    try {
      HttpResponse<String> down = management().get("/health/ready");
      assertEquals(503, down.statusCode(), down.body());
      JsonObject check = check(json(down), "smek-blob-store");
      assertEquals("DOWN", check.getString("status"));
      assertTrue(
          check.getJsonObject("data").getString("error").startsWith("missing"), check.toString());
      assertFalse(Files.exists(store), "the check does not create the directory");
    } finally {
      Files.move(away, store);
    }
    HttpResponse<String> up = management().get("/health/ready");
    assertEquals(200, up.statusCode(), up.body());
  }

  @Test
  void readinessIsDownWhileTheFreeSpaceIsBelowTheLimit() throws Exception {
    // The limit is the system property smek.health.min-free-mib, read at every check (an operator
    // changes it with /system-property=…:write-attribute, which sets the same property).
    String limit = System.getProperty("smek.health.min-free-mib");
    System.setProperty("smek.health.min-free-mib", String.valueOf(Long.MAX_VALUE / (2L << 20)));
    try {
      HttpResponse<String> down = management().get("/health/ready");
      assertEquals(503, down.statusCode(), down.body());
      JsonObject check = check(json(down), "smek-blob-store");
      assertTrue(
          check.getJsonObject("data").getString("error").startsWith("low on space"),
          check.toString());
    } finally {
      System.setProperty("smek.health.min-free-mib", limit);
    }
    assertEquals(200, management().get("/health/ready").statusCode());
  }

  @Test
  void theMetricsCountUploadsFailedSignInsAndSignedInSessions() throws Exception {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    long town = data.memberTown("Gmina Metryki " + unique, Country.PL);
    String code = data.code(town);
    AccountPrincipal coordinator = data.account(Role.TOWN_COORDINATOR, code);
    String before = metrics();
    // The open telesessions in the database (other tests may have left some open).
    assertEquals(
        data.query(
                "select count(t) from Telesession t where t.status = ?1",
                Long.class,
                TelesessionStatus.OPEN)
            .get(0),
        (long) value(before, "smek_telesessions_live", ""));
    assertTrue(value(before, "smek_mail_queue", "") >= 0);

    upload(coordinator, town, unique);
    Http.local().signIn("nobody-" + unique, "wrong password");
    Http signedIn = signedIn(data.account(Role.CLERK, code));

    String after = metrics();
    assertEquals(
        value(before, "smek_uploads_total", "") + 1, value(after, "smek_uploads_total", ""));
    assertEquals(
        value(before, "smek_failed_logins_total", "reason=\"password\"") + 1,
        value(after, "smek_failed_logins_total", "reason=\"password\""));
    assertTrue(after.contains("node=\"" + System.getProperty("jboss.node.name")), after);
    // A session is counted at the end of its request, which may finish just after the response.
    double signedInBefore = value(before, "smek_signed_in_sessions", "");
    double signedInNow = eventually(count -> count >= signedInBefore + 1);

    // Signing out ends the session, and it no longer counts.
    HttpResponse<String> home = signedIn.get("/");
    Map<String, String> signOut = new HashMap<>(Http.formState(home.body()));
    signOut.put("sign-out-form", "sign-out-form");
    signOut.put("sign-out-form:sign-out", "");
    signedIn.postForm("/", signOut);
    eventually(count -> count == signedInNow - 1);
  }

  /** The number of signed-in sessions once it is as expected (within 5 s). */
  private static double eventually(DoublePredicate expected) throws Exception {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (true) {
      double count = value(metrics(), "smek_signed_in_sessions", "");
      if (expected.test(count) || System.nanoTime() > deadline) {
        assertTrue(expected.test(count), "smek_signed_in_sessions is " + count);
        return count;
      }
      Thread.sleep(100);
    }
  }

  @Test
  void theStatusPageShowsBuildClusterMigrationsAndStorage() throws Exception {
    AccountPrincipal operator = data.account(Role.IT_OPERATOR, "PP2");
    SystemStatus status = TestSubjects.as(operator, () -> operations.status());
    assertTrue(status.buildCommit().matches("[0-9a-f]{12}(-dirty)?"), status.buildCommit());
    assertTrue(status.buildTime().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    assertTrue(status.singleServer(), "standalone.xml has no JGroups channel");
    assertEquals(System.getProperty("jboss.node.name"), status.nodeName());
    assertEquals(null, status.blobStoreProblem());

    Migrations migrations = TestSubjects.as(operator, () -> operations.migrations());
    assertTrue(migrations.healthy(), migrations.toString());
    assertTrue(migrations.applied() > 0);
    assertEquals(
        String.valueOf(
            data.nativeQuery(
                    "select version from flyway_schema_history where success = true"
                        + " and version is not null order by installed_rank desc")
                .get(0)),
        migrations.schemaVersion());

    String unique = UUID.randomUUID().toString();
    long town = data.memberTown("Gmina Magazyn " + unique.substring(0, 8), Country.PL);
    byte[] content = upload(data.account(Role.TOWN_COORDINATOR, data.code(town)), town, unique);
    // The upload adds its file and, a moment later, its thumbnail; other tests' thumbnails may
    // still be landing too, so the figures are compared with the directory once it is still.
    String thumbnail = thumbnailOf(unique);
    Path store = Path.of(status.blobStoreDirectory());
    assertTrue(
        Files.isRegularFile(
            store
                .resolve(thumbnail.substring(0, 2))
                .resolve(thumbnail.substring(2, 4))
                .resolve(thumbnail)));
    for (int attempt = 0; ; attempt++) {
      long[] before = blobFilesAndBytes(store);
      SystemStatus after = TestSubjects.as(operator, () -> operations.status());
      if (Arrays.equals(before, blobFilesAndBytes(store)) || attempt == 20) {
        assertEquals(before[0], after.blobFiles());
        assertEquals(before[1], after.blobBytes());
        assertTrue(after.blobFiles() >= status.blobFiles() + 2, "the file and its thumbnail");
        assertTrue(after.blobBytes() >= status.blobBytes() + content.length);
        return;
      }
      Thread.sleep(250);
    }
  }

  /** The thumbnail's SHA-256 of the one version titled "Metryki <unique>", once made (30 s). */
  private String thumbnailOf(String unique) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      var made =
          data.query(
              "select v.thumbnailSha256 from DocumentVersion v where v.document.title = ?1"
                  + " and v.thumbnailSha256 is not null",
              String.class,
              "Metryki " + unique);
      if (!made.isEmpty()) {
        return made.get(0);
      }
      assertTrue(System.nanoTime() < deadline, "no thumbnail for the upload after 30 s");
      Thread.sleep(100);
    }
  }

  /** Files named by a SHA-256 outside {@code incoming}, and their bytes, counted independently. */
  private static long[] blobFilesAndBytes(Path store) throws IOException {
    long[] totals = new long[2];
    try (var files = Files.walk(store)) {
      files
          .filter(file -> !file.startsWith(store.resolve("incoming")))
          .filter(file -> file.getFileName().toString().matches("[0-9a-f]{64}"))
          .filter(Files::isRegularFile)
          .forEach(
              file -> {
                totals[0]++;
                totals[1] += file.toFile().length();
              });
    }
    return totals;
  }

  /** Uploads a small new file to a new library of the coordinator's town; returns its content. */
  private byte[] upload(AccountPrincipal coordinator, long town, String unique) throws Exception {
    byte[] content = TestFiles.pdf("Metryki " + unique);
    Library library =
        TestSubjects.as(
            coordinator,
            () ->
                documents.createLibrary(
                    new SpaceRef(SpaceType.ORGANISATION, town),
                    "Metryki " + unique,
                    null,
                    Visibility.PRIVATE));
    TestSubjects.as(
        coordinator,
        () ->
            documents.upload(
                library.getId(),
                null,
                new DocumentDraft(
                    "Metryki " + unique, null, DocumentType.AGREEMENT, Language.PL, Set.of(), null),
                null,
                new NamedContent("metryki.pdf", new ByteArrayInputStream(content))));
    return content;
  }

  private static Http management() {
    return new Http(
        "http://127.0.0.1:"
            + (Integer.getInteger("jboss.management.http.port", 9990)
                + Integer.getInteger("jboss.socket.binding.port-offset", 0)));
  }

  private static String metrics() throws Exception {
    HttpResponse<String> scrape = management().get("/prometheus");
    assertEquals(200, scrape.statusCode());
    return scrape.body();
  }

  /** The sum of a metric's samples whose labels contain {@code label}; fails if there is none. */
  private static double value(String scrape, String name, String label) {
    Matcher sample =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
    Optional<Double> sum = Optional.empty();
    while (sample.find()) {
      if (sample.group(1).contains(label)) {
        sum = Optional.of(sum.orElse(0.0) + Double.parseDouble(sample.group(2)));
      }
    }
    assertNotEquals(Optional.empty(), sum, name + "{" + label + "} is not among the metrics");
    return sum.orElseThrow();
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static JsonObject check(JsonObject health, String name) {
    return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> check.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
  }
}
