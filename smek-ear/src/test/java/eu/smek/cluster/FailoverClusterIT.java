package eu.smek.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smek.it.Http;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failover on the local cluster (see {@link Cluster}): a user signs in through the balancer, opens
 * a page with a view-scoped bean and uploads a document; the node their session is pinned to is
 * killed with SIGKILL; through the balancer they are still signed in, the page's form works, the
 * document downloads byte for byte and is found by the search on the other node; the killed node
 * comes back and rejoins; and a persistent timer that is due all along runs once per timeout. A
 * node killed in the middle of a job does not stop that job: the other node runs it.
 */
class FailoverClusterIT {

  private static final String ADMIN = "admin";
  private static final String PASSWORD =
      System.getenv().getOrDefault("SMEK_ADMIN_PASSWORD", "Karpaty-Klaster-2026");
  private static final Pattern FOLDER_FORM_ACTION =
      Pattern.compile("<form id=\"folder-form\"[^>]*action=\"([^\"]+)\"");

  private static Cluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = Cluster.get();
    deployTimerProbe();
  }

  @Test
  void aSessionItsFormAndADocumentSurviveTheCrashOfTheirNode() throws Exception {

    // Signed in through the balancer, on the node the session is pinned to.
    Http browser = new Http(cluster.balancer());
    assertThat(browser.signIn(ADMIN, PASSWORD).statusCode()).as("sign-in redirects").isEqualTo(302);
    int pinned = nodeOf(browser.cookie("JSESSIONID"));
    int other = pinned == 1 ? 2 : 1;

    // A library and a document in it, through the REST API (HTTP Basic, no session).
    Http api = new Http(cluster.balancer());
    String auth = Http.basic(ADMIN, PASSWORD);
    long organisation = organisationId(api, auth, "PP1");
    HttpResponse<String> library =
        api.send(
            api.request("/api/v1/documents/libraries")
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"spaceType\": \"ORGANISATION\", \"spaceId\": "
                            + organisation
                            + ", \"name\": \"Failover "
                            + System.currentTimeMillis()
                            + "\", \"visibility\": \"PRIVATE\"}"))
                .build());
    assertThat(library.statusCode()).as(library.body()).isEqualTo(201);
    long libraryId = json(library.body()).getJsonNumber("id").longValue();
    String word = "zephyrquartz" + (System.currentTimeMillis() % 100000);
    byte[] content =
        ("Failover report\n" + word + " survives the crash of a node.\n".repeat(200))
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> upload =
        api.postMultipart(
            "/api/v1/documents/libraries/" + libraryId + "/documents",
            Map.of("title", "Failover report", "type", "REPORT", "language", "en"),
            new Http.FilePart("file", "failover-report.txt", "text/plain", content),
            "Authorization",
            auth);
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    long documentId = json(upload.body()).getJsonNumber("id").longValue();

    // The library's page: its view-scoped bean and the view state live in the session.
    HttpResponse<String> page = browser.get("/documents/view-library?id=" + libraryId);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(nodeOf(browser.cookie("JSESSIONID"))).as("still pinned").isEqualTo(pinned);
    Matcher action = FOLDER_FORM_ACTION.matcher(page.body());
    assertThat(action.find()).as("the page has the new-folder form").isTrue();
    Map<String, String> folderForm = new HashMap<>(Http.formState(page.body()));
    // The user takes a moment to fill in the form. (The session's update by the page's request
    // reaches the other node just after the response: a page loaded in the very instant of the
    // crash answers its form with the translated "page has expired"; see the README.)
    Thread.sleep(2_000);

    // The crash.
    Instant killedAt = Instant.now();
    cluster.kill(pinned);

    // Still signed in, now on the other node.
    HttpResponse<String> dashboard = browser.get("/dashboard");
    assertThat(dashboard.statusCode()).as("the dashboard, not the sign-in page").isEqualTo(200);
    assertThat(dashboard.body()).doesNotContain("login-form");

    // The form opened on the killed node still works on the other one.
    String folderName = "After the crash";
    folderForm.put("folder-form", "folder-form");
    folderForm.put("folder-form:folder-name", folderName);
    folderForm.put("folder-form:folder-visibility", "");
    folderForm.put("folder-form:create-folder", "");
    String formAction = action.group(1).replace("&amp;", "&");
    HttpResponse<String> created = browser.postForm(formAction, folderForm);
    assertThat(created.statusCode())
        .as("the form's answer (a redirect when it worked): %s", created.body())
        .isEqualTo(302);
    assertThat(created.headers().firstValue("Location").orElse(""))
        .contains("/documents/view-library?id=" + libraryId);
    HttpResponse<String> contents =
        api.get("/api/v1/documents/libraries/" + libraryId, "Authorization", auth);
    assertThat(contents.body()).contains(folderName);

    // The document, byte for byte, through the balancer and from the surviving node itself.
    for (String base : List.of(cluster.balancer(), cluster.node(other))) {
      HttpResponse<byte[]> download =
          new Http(base)
              .getBytes("/api/v1/documents/" + documentId + "/content", "Authorization", auth);
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.body()).as("downloaded from %s", base).isEqualTo(content);
    }

    // The killed node comes back and both see a cluster of two.
    cluster.restart(pinned);
    assertThat(cluster.members(other)).containsExactlyInAnyOrder("node-1", "node-2");
    assertThat(cluster.members(pinned)).containsExactlyInAnyOrder("node-1", "node-2");
    assertThat(browser.get("/dashboard").statusCode()).isEqualTo(200);

    // The persistent timer ran once per timeout, before, during and after the crash.
    Thread.sleep(12_000);
    List<String[]> runs = timerRuns();
    List<String> timeouts = runs.stream().map(run -> run[2]).toList();
    assertThat(timeouts).as("each timeout once: %s", format(runs)).doesNotHaveDuplicates();
    assertThat(runs.stream().filter(run -> Instant.parse(run[1]).isAfter(killedAt)))
        .as("runs after the crash: %s", format(runs))
        .isNotEmpty();
    assertThat(runs.size()).as("runs: %s", format(runs)).isGreaterThanOrEqualTo(4);
    // Found by the search on the surviving node (indexing runs after the commit: allow it time).
    // Last, because it depends on the search engine's cluster answer, not on this harness.
    Http survivor = new Http(cluster.node(other));
    Cluster.waitUntil(
        () -> search(survivor, auth, word).contains("\"documentId\":" + documentId),
        Duration.ofSeconds(60),
        "the search on node-" + other + " to find the document uploaded before the crash");
  }

  @Test
  void aJobWhoseNodeIsKilledWhileRunningItRunsOnTheOtherNode() throws Exception {
    // A run of the slow job that started less than 2 s ago, and on which node.
    String running = "";
    Instant deadline = Instant.now().plusSeconds(60);
    while (running.isEmpty() && Instant.now().isBefore(deadline)) {
      running =
          cluster.sql(
              "select s.node from "
                  + TimerProbe.TABLE
                  + " s where s.kind = 'slow-start' and s.fired_at > now() - interval '2 seconds'"
                  + " and not exists (select 1 from "
                  + TimerProbe.TABLE
                  + " e where e.kind = 'slow-end' and e.node = s.node"
                  + " and e.next_timeout = s.next_timeout)");
      Thread.sleep(200);
    }
    assertThat(running).as("the slow job started on a node").startsWith("node-");
    int victim = Integer.parseInt(running.substring("node-".length()).trim());
    int survivor = victim == 1 ? 2 : 1;
    Instant killedAt = Instant.now();
    cluster.kill(victim);

    // Its claim on the job dies with it: the other node runs the job within a minute.
    Cluster.waitUntil(
        () -> !slowRunsEnded(survivor, killedAt).isEmpty(),
        Duration.ofSeconds(60),
        "node-" + survivor + " to run the slow job after node-" + victim + " died running it");

    // Then the whole cluster is down for half a minute. The timeouts missed meanwhile run once when
    // a node is back, not once each: one run at once, then the schedule.
    cluster.kill(survivor);
    Thread.sleep(30_000);
    Instant backAt = Instant.now();
    cluster.restart(victim);
    Cluster.waitUntil(
        () -> fastRunsAfter(backAt).size() >= 3,
        Duration.ofSeconds(60),
        "three runs of the 5-second job after node-" + victim + " came back alone");
    List<Instant> afterwards = fastRunsAfter(backAt);
    assertThat(afterwards.stream().filter(run -> run.isBefore(afterwards.get(0).plusSeconds(4))))
        .as("runs in the first 4 s after the restart: %s", afterwards)
        .hasSizeLessThanOrEqualTo(2);

    // The other node comes back; the slow job goes on, each of its timeouts run once.
    cluster.restart(survivor);
    Instant restartedAt = Instant.now();
    Cluster.waitUntil(
        () -> !(slowRunsEnded(1, restartedAt) + slowRunsEnded(2, restartedAt)).isEmpty(),
        Duration.ofSeconds(60),
        "the slow job to run with both nodes back");
    String starts =
        cluster.sql("select next_timeout from " + TimerProbe.TABLE + " where kind = 'slow-start'");
    assertThat(starts.split("\n")).as("each timeout of the slow job once").doesNotHaveDuplicates();
    List<String> timeouts = timerRuns().stream().map(run -> run[2]).toList();
    assertThat(timeouts).as("each timeout of the 5-second job once").doesNotHaveDuplicates();
  }

  /** When the 5-second job ran after an instant, oldest first. */
  private static List<Instant> fastRunsAfter(Instant after) {
    return timerRuns().stream()
        .map(run -> Instant.parse(run[1]))
        .filter(run -> run.isAfter(after))
        .toList();
  }

  /** When the slow job's runs that ended on a node after an instant ended, one per line. */
  private static String slowRunsEnded(int node, Instant after) {
    return cluster.sql(
        "select fired_at from "
            + TimerProbe.TABLE
            + " where kind = 'slow-end' and node = 'node-"
            + node
            + "' and fired_at > '"
            + after
            + "'");
  }

  /** The node a session is routed to: the route after the dot of its id ("….node-1"). */
  private static int nodeOf(String sessionId) {
    assertThat(sessionId).as("a session id with a route").contains(".node-");
    return Integer.parseInt(sessionId.substring(sessionId.lastIndexOf(".node-") + 6));
  }

  @Test
  void aReminderGoesOutOnceWhileTwoNodesRunTheMinuteTimer() throws Exception {
    Http api = new Http(cluster.balancer());
    String auth = Http.basic(ADMIN, PASSWORD);
    HttpResponse<String> calendars = api.get("/api/v1/calendar/calendars", "Authorization", auth);
    assertThat(calendars.statusCode()).isEqualTo(200);
    long calendar =
        Json.createReader(new StringReader(calendars.body())).readArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(c -> c.getBoolean("mayEdit"))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    String title = "Przypomnienie " + System.nanoTime();
    // Starts in four minutes; reminded five minutes before, so the reminder is due at once.
    java.time.LocalDateTime start =
        java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Warsaw"))
            .plusMinutes(4)
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    HttpResponse<String> created =
        api.send(
            api.request("/api/v1/calendar/events")
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder()
                            .add("calendarId", calendar)
                            .add("title", title)
                            .add("start", start.toString())
                            .add("end", start.plusHours(1).toString())
                            .add("timeZone", "Europe/Warsaw")
                            .add("visibility", "NETWORK")
                            .build()
                            .toString()))
                .build());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long event =
        Json.createReader(new StringReader(created.body()))
            .readObject()
            .getJsonNumber("id")
            .longValue();
    // The choice as the calendar page saves it (the API has no call for reminders).
    String reminder =
        cluster
            .sql(
                "insert into calendar_reminder (id, event_id, account_id, minutes_before, by_email,"
                    + " in_app) select nextval('calendar_reminder_seq'), "
                    + event
                    + ", id, 5, false, true from account where login = 'admin' returning id")
            .lines()
            .findFirst()
            .orElseThrow();

    Cluster.waitUntil(
        () ->
            "1"
                .equals(
                    cluster.sql(
                        "select count(*) from calendar_reminder_sent where reminder_id = "
                            + reminder)),
        Duration.ofMinutes(3),
        "the reminder to be sent");
    // Another round of the timer on both nodes: still once.
    Thread.sleep(Duration.ofSeconds(70).toMillis());

    assertThat(
            cluster.sql(
                "select count(*) from calendar_reminder_sent where reminder_id = " + reminder))
        .isEqualTo("1");
    assertThat(cluster.sql("select count(*) from notification where title like '%" + title + "%'"))
        .isEqualTo("1");
  }

  private static long organisationId(Http api, String auth, String code) throws Exception {
    HttpResponse<String> all = api.get("/api/v1/organisations", "Authorization", auth);
    assertThat(all.statusCode()).isEqualTo(200);
    JsonValue parsed = Json.createReader(new StringReader(all.body())).readValue();
    JsonArray organisations =
        parsed instanceof JsonArray array ? array : parsed.asJsonObject().getJsonArray("items");
    return organisations.stream()
        .map(JsonValue::asJsonObject)
        .filter(o -> code.equals(o.getString("code")))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  private static String search(Http node, String auth, String word) {
    try {
      HttpResponse<String> found =
          node.get("/api/v1/documents/search?q=" + word, "Authorization", auth);
      return found.statusCode() == 200 ? found.body().replace(" ", "") : "";
    } catch (java.io.IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  /**
   * The probe's table, then the probe in its own WAR on every node (the deployment scanner picks it
   * up; a restarted node deploys it again).
   */
  private static void deployTimerProbe() throws Exception {
    cluster.sql(
        "create table if not exists "
            + TimerProbe.TABLE
            + " (kind varchar(20), node varchar(40), fired_at timestamptz,"
            + " next_timeout timestamptz)");
    cluster.sql("delete from " + TimerProbe.TABLE);
    WebArchive probe =
        ShrinkWrap.create(WebArchive.class, "timer-probe.war").addClass(TimerProbe.class);
    for (int n = 1; n <= cluster.nodes(); n++) {
      Path deployments = cluster.base(n).resolve("deployments");
      Path scratch = Files.createTempFile("timer-probe", ".war");
      probe.as(ZipExporter.class).exportTo(scratch.toFile(), true);
      Files.move(
          scratch, deployments.resolve("timer-probe.war"), StandardCopyOption.REPLACE_EXISTING);
    }
    for (int n = 1; n <= cluster.nodes(); n++) {
      Path deployed = cluster.base(n).resolve("deployments/timer-probe.war.deployed");
      Cluster.waitUntil(() -> Files.exists(deployed), Duration.ofMinutes(3), deployed.toString());
    }
  }

  /** node, fired at, next timeout (ISO instants), oldest first. */
  private static List<String[]> timerRuns() {
    List<String[]> runs = new ArrayList<>();
    String rows =
        cluster.sql(
            "select node || '|' || to_char(fired_at at time zone 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') || '|' ||"
                + " to_char(next_timeout at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " from "
                + TimerProbe.TABLE
                + " where kind = 'fast' order by fired_at");
    for (String row : rows.split("\n")) {
      if (!row.isBlank()) {
        runs.add(row.split("\\|"));
      }
    }
    return runs;
  }

  private static String format(List<String[]> runs) {
    return runs.stream().map(run -> String.join(" ", run)).toList().toString();
  }
}
