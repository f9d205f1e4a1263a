package eu.smek.bench;

import eu.smek.browser.TelesessionSeed;
import eu.smek.it.Http;
import eu.smek.it.RoomClient;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The room's signaling under load, run by {@code smek-ear/bench/room-bench.sh} against a running
 * server: N participants (one town and coordinator each, made by the browser tests' seeding
 * servlet) sign in, connect to one open telesession's room and are let in by the chair. Then, for
 * the given seconds each: (1) every participant sends signals to the next at a steady rate, and the
 * latency from sending to receipt is measured (all clients are in this JVM, so one clock); (2)
 * every participant raises and lowers a hand once a second, each change going to all N. The
 * baseline, measured in the same run: a static resource of the same server fetched over HTTP.
 */
public final class RoomBench {

  private RoomBench() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("export")) {
      TelesessionSeed.war()
          .as(org.jboss.shrinkwrap.api.exporter.ZipExporter.class)
          .exportTo(new java.io.File(args[1]), true);
      return;
    }
    String base = args[0];
    String seedBase = args[1];
    int clients = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int rate = Integer.parseInt(args[4]);

    System.err.printf("Seeding %d towns and coordinators ...%n", clients);
    List<String[]> towns = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      towns.add(TelesessionSeed.town(seedBase, "Bench " + i));
    }
    long room = openSession(base, towns);

    System.err.printf("Signing in and connecting %d clients ...%n", clients);
    List<RoomClient> clientsInRoom = new ArrayList<>();
    long[] ids = new long[clients];
    for (int i = 0; i < clients; i++) {
      Http http = new Http(base);
      if (http.signIn(towns.get(i)[0], TelesessionSeed.PASSWORD).statusCode() != 302) {
        throw new IllegalStateException("sign-in failed for " + towns.get(i)[0]);
      }
      clientsInRoom.add(RoomClient.connect(http, room));
      ids[i] = Long.parseLong(towns.get(i)[3]);
    }
    RoomClient chair = clientsInRoom.get(0);
    chair.next("welcome");
    for (int i = 1; i < clients; i++) {
      clientsInRoom.get(i).next("lobby");
      chair.send(Json.createObjectBuilder().add("type", "admit").add("account", ids[i]).build());
      clientsInRoom.get(i).next("welcome");
    }
    Thread.sleep(1000);
    clientsInRoom.forEach(c -> c.received().clear());

    double[] staticMs = staticBaseline(base, 300);

    // (1) Point to point: signals to the next participant, with the sending time in them.
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicLong sent = new AtomicLong();
    List<Thread> readers = new ArrayList<>();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    for (RoomClient client : clientsInRoom) {
      Thread reader =
          new Thread(
              () -> {
                try {
                  while (System.nanoTime() < until + TimeUnit.SECONDS.toNanos(2)) {
                    JsonObject message = client.received().poll(100, TimeUnit.MILLISECONDS);
                    if (message != null && "signal".equals(message.getString("type"))) {
                      long at = message.getJsonObject("data").getJsonNumber("t").longValue();
                      latencies.add(System.nanoTime() - at);
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      reader.start();
      readers.add(reader);
    }
    String pad = "a=candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host ".repeat(4);
    ScheduledExecutorService senders = Executors.newScheduledThreadPool(8);
    for (int i = 0; i < clients; i++) {
      RoomClient from = clientsInRoom.get(i);
      long to = ids[(i + 1) % clients];
      senders.scheduleAtFixedRate(
          () -> {
            if (System.nanoTime() < until) {
              from.offer(
                  Json.createObjectBuilder()
                      .add("type", "signal")
                      .add("to", to)
                      .add(
                          "data",
                          Json.createObjectBuilder()
                              .add("t", System.nanoTime())
                              .add("candidate", pad))
                      .build()
                      .toString());
              sent.incrementAndGet();
            }
          },
          (long) (1000.0 / rate / clients * i * 1000),
          1_000_000 / rate,
          TimeUnit.MICROSECONDS);
    }
    for (Thread reader : readers) {
      reader.join();
    }
    senders.shutdownNow();
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "point-to-point: %d clients x %d msg/s for %d s: sent %d, delivered %d (%.0f msg/s);"
            + " latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
        clients,
        rate,
        seconds,
        sent.get(),
        sorted.length,
        sorted.length / (double) seconds,
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99));
    System.out.printf(
        "baseline (static resource over HTTP, one client): p50 %.2f ms, p95 %.2f ms;"
            + " latency ratio p50 %.1f, p95 %.1f%n",
        staticMs[0],
        staticMs[1],
        percentile(sorted, 50) / staticMs[0],
        percentile(sorted, 95) / staticMs[1]);

    // (2) Fan-out: a hand raised or lowered once a second by everyone, delivered to everyone.
    clientsInRoom.forEach(c -> c.received().clear());
    for (int second = 0; second < seconds; second++) {
      for (int i = 0; i < clients; i++) {
        clientsInRoom
            .get(i)
            .offer(
                Json.createObjectBuilder()
                    .add("type", "hand")
                    .add("up", second % 2 == 0)
                    .build()
                    .toString());
      }
      Thread.sleep(1000);
    }
    Thread.sleep(2000);
    long updates =
        clientsInRoom.stream()
            .mapToLong(
                c ->
                    c.received().stream()
                        .filter(m -> "updated".equals(m.getString("type")))
                        .count())
            .sum();
    System.out.printf(
        "fan-out: %d clients, one hand change each a second for %d s: %d of %d deliveries (%.0f a"
            + " second)%n",
        clients, seconds, updates, (long) clients * clients * seconds, updates / (double) seconds);
    long open = clientsInRoom.stream().filter(RoomClient::isOpen).count();
    System.out.printf("connections still open: %d of %d%n", open, clients);
    clientsInRoom.forEach(RoomClient::close);
  }

  private static long openSession(String base, List<String[]> towns) throws Exception {
    Http http = new Http(base);
    String auth = Http.basic(towns.get(0)[0], TelesessionSeed.PASSWORD);
    JsonArrayBuilder invited = Json.createArrayBuilder();
    towns.stream().skip(1).forEach(t -> invited.add(Long.parseLong(t[2])));
    long chair = Long.parseLong(towns.get(0)[3]);
    JsonObject created =
        json(
            post(
                http,
                auth,
                "/api/v1/telesessions",
                Json.createObjectBuilder()
                    .add("title", "Bench " + UUID.randomUUID().toString().substring(0, 6))
                    .add("start", "2027-06-01T10:00")
                    .add("end", "2027-06-01T12:00")
                    .add("timeZone", "Europe/Warsaw")
                    .add("visibility", "NETWORK")
                    .add("chairAccountId", chair)
                    .add("secretaryAccountId", chair)
                    .add("organisations", invited)
                    .build()
                    .toString()));
    long id = created.getJsonNumber("id").longValue();
    post(
        http,
        auth,
        "/api/v1/telesessions/" + id + "/status",
        "{\"version\": " + created.getJsonNumber("version") + ", \"status\": \"OPEN\"}");
    return id;
  }

  private static HttpResponse<String> post(Http http, String auth, String path, String body)
      throws Exception {
    HttpResponse<String> response =
        http.send(
            http.request(path)
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
    }
    return response;
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** p50 and p95 in milliseconds of fetching the site's style sheet, one request at a time. */
  private static double[] staticBaseline(String base, int requests) throws Exception {
    Http http = new Http(base);
    long[] times = new long[requests];
    for (int i = 0; i < requests + 20; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = http.get("/jakarta.faces.resource/smek/css/smek.css.xhtml");
      long took = System.nanoTime() - start;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("static resource: " + response.statusCode());
      }
      if (i >= 20) {
        times[i - 20] = took;
      }
    }
    Arrays.sort(times);
    return new double[] {percentile(times, 50), percentile(times, 95)};
  }

  private static double percentile(long[] sortedNanos, int percent) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int index =
        Math.min(sortedNanos.length - 1, (int) Math.ceil(percent / 100.0 * sortedNanos.length) - 1);
    return sortedNanos[Math.max(0, index)] / 1e6;
  }
}
