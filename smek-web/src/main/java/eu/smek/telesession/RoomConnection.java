package eu.smek.telesession;

import eu.smek.security.AccountPrincipal;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.shiro.mgt.SecurityManager;
import org.apache.shiro.subject.SimplePrincipalCollection;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.subject.support.SubjectThreadState;
import org.apache.shiro.util.ThreadState;

/**
 * One browser's connection to a room, on the node that holds it: who it is, whether they are in or
 * in the lobby, what they show (hand, microphone, camera, screen), and an outgoing queue so that a
 * slow connection never blocks the thread that delivers to everyone else.
 */
final class RoomConnection {

  /** Messages waiting for a slow connection before it is dropped (its browser reconnects). */
  static final int QUEUE_LIMIT = 1000;

  final String id = UUID.randomUUID().toString();
  final Session socket;
  final long room;
  final AccountPrincipal principal;
  final Locale locale;
  final FloodGate gate = new FloodGate(30, 60, System.nanoTime());
  private final SecurityManager securityManager;
  private final Deque<String> queue = new ArrayDeque<>();
  private boolean sending;

  volatile RoomEntry entry;
  volatile boolean hand;
  volatile boolean audio;
  volatile boolean video;
  volatile boolean screen;

  /** Closed because its user connected again: their stay goes on in the new connection. */
  volatile boolean replaced;

  RoomConnection(
      Session socket,
      long room,
      AccountPrincipal principal,
      SecurityManager securityManager,
      Locale locale) {
    this.socket = socket;
    this.room = room;
    this.principal = principal;
    this.securityManager = securityManager;
    this.locale = locale;
  }

  long account() {
    return principal.accountId();
  }

  boolean admitted() {
    return entry != null && entry.admitted();
  }

  /**
   * Runs service calls as this connection's user, as Shiro's filter does for a request. Their
   * exceptions pass unchanged ({@code Subject.execute} would wrap the business ones).
   */
  <T> T as(Supplier<T> work) {
    Subject subject =
        new Subject.Builder(securityManager)
            .principals(new SimplePrincipalCollection(principal, "smek"))
            .authenticated(true)
            .buildSubject();
    ThreadState state = new SubjectThreadState(subject);
    state.bind();
    try {
      return work.get();
    } finally {
      state.restore();
    }
  }

  /** The person as the others see them. */
  JsonObject peer() {
    RoomEntry e = entry;
    return Json.createObjectBuilder()
        .add("account", e.accountId())
        .add("name", e.name())
        .add("organisation", e.organisation())
        .add("admitted", e.admitted())
        .add("hand", hand)
        .add("audio", audio)
        .add("video", video)
        .add("screen", screen)
        .build();
  }

  /** Queues a message; one send is in flight at a time, in order. */
  void send(String json) {
    synchronized (queue) {
      if (queue.size() >= QUEUE_LIMIT) {
        close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "slow");
        return;
      }
      queue.add(json);
      if (sending) {
        return;
      }
      sending = true;
    }
    next();
  }

  private void next() {
    String json;
    synchronized (queue) {
      json = queue.poll();
      if (json == null || !socket.isOpen()) {
        sending = false;
        queue.clear();
        return;
      }
    }
    socket.getAsyncRemote().sendText(json, result -> next());
  }

  void close(CloseReason.CloseCode code, String reason) {
    try {
      socket.close(new CloseReason(code, reason));
    } catch (IOException alreadyGone) {
      // Closed from the other side meanwhile: nothing left to close.
    }
  }
}
