package eu.smek.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A telesession room connection as a browser opens it: the page's Origin, the session cookie of a
 * signed-in user, JSON messages. Keeps what arrives in order, and how the connection ended.
 */
public final class RoomClient implements WebSocket.Listener, AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  private RoomClient() {}

  /** Connects {@code signedIn}'s session to a room, sending the given Origin (or none). */
  public static RoomClient connect(Http signedIn, long room, String origin) throws Exception {
    RoomClient client = new RoomClient();
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    String session = signedIn.cookie("JSESSIONID");
    if (session != null) {
      builder.header("Cookie", "JSESSIONID=" + session);
    }
    if (origin != null) {
      builder.header("Origin", origin);
    }
    client.socket =
        builder
            .connectTimeout(WAIT)
            .buildAsync(
                URI.create(
                    signedIn.base().replaceFirst("^http", "ws")
                        + "/telesession/room/"
                        + room
                        + "?lang=pl"),
                client)
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return client;
  }

  public static RoomClient connect(Http signedIn, long room) throws Exception {
    return connect(signedIn, room, signedIn.base());
  }

  public void send(String json) {
    socket.sendText(json, true).join();
  }

  /** Sends if the connection still takes it; whether it did. */
  public boolean offer(String json) {
    try {
      socket.sendText(json, true).join();
      return true;
    } catch (java.util.concurrent.CompletionException closedMeanwhile) {
      return false;
    }
  }

  public void send(JsonObject message) {
    send(message.toString());
  }

  /** The next message of the given type, skipping others; fails after a while. */
  public JsonObject next(String type) throws InterruptedException {
    long until = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < until) {
      JsonObject message = received.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (message != null && type.equals(message.getString("type"))) {
        return message;
      }
    }
    throw new AssertionError("no \"" + type + "\" message arrived within " + WAIT);
  }

  /** Everything received and not taken yet. */
  public BlockingQueue<JsonObject> received() {
    return received;
  }

  /** The close code the server ended the connection with; fails if it stays open. */
  public int closeCode() throws Exception {
    return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  public boolean isOpen() {
    return !closed.isDone();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      received.add(Json.createReader(new StringReader(partial.toString())).readObject());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(-1);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(gone -> null);
    }
  }
}
