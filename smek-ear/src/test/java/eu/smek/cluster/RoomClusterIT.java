package eu.smek.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smek.it.Http;
import eu.smek.it.RoomClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A telesession's room with its participants on different nodes of the local cluster (see {@link
 * Cluster}): the chair connected to node 1, the guest to node 2. The guest's arrival in the lobby
 * reaches the chair, the chair's admission reaches the guest's node (which lets the guest in and
 * tells them who is already there, asking node 1), and signals and chat cross between the nodes
 * both ways; when the guest leaves, the chair learns it.
 */
class RoomClusterIT {

  private static final String ADMIN = "admin";
  private static final String PASSWORD =
      System.getenv().getOrDefault("SMEK_ADMIN_PASSWORD", "Karpaty-Klaster-2026");

  private static Cluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = Cluster.get();
  }

  @Test
  void participantsOnTwoNodesMeetInOneRoom() throws Exception {
    // Both nodes in one view (another test may have just restarted one).
    for (int n = 1; n <= 2; n++) {
      int node = n;
      Cluster.waitUntil(
          () -> cluster.members(node).size() == 2,
          java.time.Duration.ofMinutes(3),
          "node " + node + " to see both nodes");
    }
    // A colleague of the administrator's organisation, with the same password: invited through it.
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String guestLogin = "room-" + unique;
    long guest = 900_000_000L + (System.nanoTime() & 0xffffff);
    cluster.sql(
        "insert into account (id, version, login, display_name, email, password_hash, active,"
            + " language, organisation_id, created_at) select "
            + guest
            + ", 0, '"
            + guestLogin
            + "', 'Room guest', '"
            + guestLogin
            + "@example.org', password_hash, true, language, organisation_id, now()"
            + " from account where login = 'admin'");
    cluster.sql("insert into account_role (account_id, role) values (" + guest + ", 'CLERK')");
    long room = openSession();

    Http chairNode = new Http(cluster.node(1));
    assertThat(chairNode.signIn(ADMIN, PASSWORD).statusCode()).isEqualTo(302);
    Http guestNode = new Http(cluster.node(2));
    assertThat(guestNode.signIn(guestLogin, PASSWORD).statusCode()).isEqualTo(302);

    try (RoomClient chair = RoomClient.connect(chairNode, room);
        RoomClient visitor = RoomClient.connect(guestNode, room)) {
      long chairId =
          chair.next("welcome").getJsonObject("you").getJsonNumber("account").longValue();
      visitor.next("lobby");
      assertThat(account(chair.next("waiting").getJsonObject("peer"))).isEqualTo(guest);

      chair.send(Json.createObjectBuilder().add("type", "admit").add("account", guest).build());
      JsonObject welcome = visitor.next("welcome");
      assertThat(welcome.getJsonArray("peers").stream().map(p -> account(p.asJsonObject())))
          .as("node 2 asks node 1 who is there")
          .containsExactly(chairId);
      assertThat(account(chair.next("joined").getJsonObject("peer"))).isEqualTo(guest);

      JsonObject offer =
          Json.createObjectBuilder()
              .add("description", Json.createObjectBuilder().add("type", "offer").add("sdp", "v=0"))
              .build();
      visitor.send(
          Json.createObjectBuilder()
              .add("type", "signal")
              .add("to", chairId)
              .add("data", offer)
              .build());
      JsonObject signal = chair.next("signal");
      assertThat(signal.getJsonNumber("from").longValue()).isEqualTo(guest);
      assertThat(signal.getJsonObject("data")).isEqualTo(offer);
      chair.send(
          Json.createObjectBuilder()
              .add("type", "signal")
              .add("to", guest)
              .add("data", offer)
              .build());
      assertThat(visitor.next("signal").getJsonNumber("from").longValue()).isEqualTo(chairId);

      chair.send(Json.createObjectBuilder().add("type", "chat").add("text", "Vitajte").build());
      assertThat(visitor.next("chat").getJsonObject("message").getString("text"))
          .isEqualTo("Vitajte");

      visitor.close();
      assertThat(chair.next("left").getJsonNumber("account").longValue()).isEqualTo(guest);
    }
  }

  /** An open network session of the administrator's organisation, with no invitations. */
  private static long openSession() throws Exception {
    Http api = new Http(cluster.balancer());
    String auth = Http.basic(ADMIN, PASSWORD);
    long admin = Long.parseLong(cluster.sql("select id from account where login = 'admin'"));
    HttpResponse<String> created =
        post(
            api,
            auth,
            "/api/v1/telesessions",
            Json.createObjectBuilder()
                .add("title", "Rada klastra " + UUID.randomUUID().toString().substring(0, 6))
                .add("start", "2027-06-01T10:00")
                .add("end", "2027-06-01T12:00")
                .add("timeZone", "Europe/Warsaw")
                .add("visibility", "NETWORK")
                .add("chairAccountId", admin)
                .add("secretaryAccountId", admin)
                .build()
                .toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject session = Json.createReader(new StringReader(created.body())).readObject();
    long id = session.getJsonNumber("id").longValue();
    HttpResponse<String> opened =
        post(
            api,
            auth,
            "/api/v1/telesessions/" + id + "/status",
            "{\"version\": " + session.getJsonNumber("version") + ", \"status\": \"OPEN\"}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    return id;
  }

  private static HttpResponse<String> post(Http api, String auth, String path, String body)
      throws Exception {
    return api.send(
        api.request(path)
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static long account(JsonObject peer) {
    return peer.getJsonNumber("account").longValue();
  }
}
