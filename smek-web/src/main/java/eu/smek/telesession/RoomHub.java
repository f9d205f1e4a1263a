package eu.smek.telesession;

import eu.smek.telesession.RoomRelay.Kind;
import eu.smek.telesession.TelesessionResource.MotionView;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.CloseReason.CloseCodes;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wildfly.clustering.server.GroupMember;
import org.wildfly.clustering.server.dispatcher.CommandDispatcher;
import org.wildfly.clustering.server.dispatcher.CommandDispatcherFactory;

/**
 * The rooms of this node: the connections it holds, by room, and the relay to the other nodes.
 * Anything said in a room goes to this node's connections at once and, through WildFly's command
 * dispatcher (the JGroups channel on a cluster, a local one on a single server), to every other
 * node's, so participants on different nodes meet in one room. What must outlive a node
 * (attendance, chair, agenda item shown, chat, votes) is in the database; the connections are the
 * only thing a node keeps, and they die with it.
 */
@ApplicationScoped
public class RoomHub {

  /**
   * Participants a room holds without a media server, where each browser sends to every other: 4,
   * unless the server's system property {@code smek.room.meshLimit} says otherwise (the signaling
   * benchmark lifts it to connect 50 clients).
   */
  static int meshLimit() {
    return Integer.getInteger("smek.room.meshLimit", 4);
  }

  private static final Logger LOG = Logger.getLogger(RoomHub.class.getName());
  private static final String DISPATCHER = "eu.smek.telesession.rooms";
  private static final long ROSTER_WAIT_MS = 3000;

  @Resource(lookup = "java:jboss/clustering/server/command-dispatcher-factory/default")
  private CommandDispatcherFactory<GroupMember> factory;

  @EJB private TelesessionService telesessions;

  private final Map<Long, Set<RoomConnection>> rooms = new ConcurrentHashMap<>();
  private final Jsonb jsonb = JsonbBuilder.create();
  private CommandDispatcher<GroupMember, RoomHub> dispatcher;

  /** Created with the application, so that other nodes' relays find this node listening. */
  void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
    rooms.size();
  }

  @PostConstruct
  void open() {
    dispatcher = factory.createCommandDispatcher(DISPATCHER, this, RoomHub.class.getClassLoader());
  }

  @PreDestroy
  void close() {
    dispatcher.close();
    try {
      jsonb.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "closing JSON-B", e);
    }
  }

  // Arriving and leaving

  /** A connection whose user entered the room (or its lobby): the others learn of it. */
  void arrive(RoomConnection connection) {
    rooms.computeIfAbsent(connection.room, room -> new CopyOnWriteArraySet<>()).add(connection);
    relay(new RoomRelay(Kind.REPLACE, connection.room, connection.account(), connection.id, null));
    if (connection.admitted()) {
      connection.send(welcome(connection));
      deliver(connection.room, 0, connection.id, event("joined", connection.peer()));
    } else {
      connection.send(Json.createObjectBuilder().add("type", "lobby").build().toString());
      deliver(connection.room, 0, null, event("waiting", connection.peer()));
    }
  }

  /** A connection closed: the others learn that its user left. */
  void depart(RoomConnection connection) {
    Set<RoomConnection> room = rooms.get(connection.room);
    if (room == null || !room.remove(connection)) {
      return;
    }
    if (room.isEmpty()) {
      rooms.remove(connection.room, room);
    }
    boolean elsewhere = room.stream().anyMatch(other -> other.account() == connection.account());
    if (!elsewhere) {
      deliver(
          connection.room,
          0,
          null,
          Json.createObjectBuilder()
              .add("type", "left")
              .add("account", connection.account())
              .build()
              .toString());
    }
  }

  // Relaying

  /** Sends a message to everyone in the room (or to one account there), on every node. */
  void deliver(long room, long account, String except, String json) {
    relay(new RoomRelay(Kind.DELIVER, room, account, except, json));
  }

  /** Lets an account in from the lobby, wherever it is connected. */
  void admit(long room, long account) {
    relay(new RoomRelay(Kind.ADMIT, room, account, null, null));
  }

  /** Closes an account's connections to the room, wherever they are. */
  void remove(long room, long account) {
    relay(new RoomRelay(Kind.REMOVE, room, account, null, null));
  }

  /** The session closed: everyone in the room and its lobby, on any node, is told and let go. */
  public void end(long room) {
    relay(new RoomRelay(Kind.END, room, 0, null, null));
  }

  /** Everyone connected to the room on any node, in and in the lobby. */
  List<JsonObject> roster(long room) {
    Map<Long, JsonObject> peers = new LinkedHashMap<>();
    List<String> answers = new ArrayList<>();
    answers.add(apply(new RoomRelay(Kind.ROSTER, room, 0, null, null)));
    try {
      for (CompletionStage<String> answer :
          dispatcher
              .dispatchToGroup(new RoomRelay(Kind.ROSTER, room, 0, null, null), localOnly())
              .values()) {
        try {
          answers.add(answer.toCompletableFuture().get(ROSTER_WAIT_MS, TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException unreachable) {
          // A node leaving the cluster takes its connections with it.
          LOG.log(Level.WARNING, "a node did not answer the roster", unreachable);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (String answer : answers) {
      if (answer != null) {
        Json.createReader(new StringReader(answer))
            .readArray()
            .forEach(
                peer ->
                    peers.putIfAbsent(
                        peer.asJsonObject().getJsonNumber("account").longValue(),
                        peer.asJsonObject()));
      }
    }
    return List.copyOf(peers.values());
  }

  /** Applies a relay here and sends it to the other nodes. */
  private void relay(RoomRelay relay) {
    apply(relay);
    try {
      dispatcher
          .dispatchToGroup(relay, localOnly())
          .values()
          .forEach(
              answer ->
                  answer.exceptionally(
                      failure -> {
                        LOG.log(Level.WARNING, "a node did not take a room message", failure);
                        return null;
                      }));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Set<GroupMember> localOnly() {
    return Set.of(factory.getGroup().getLocalMember());
  }

  /** What a relay does on this node; the roster's answer, or null. */
  String apply(RoomRelay relay) {
    Set<RoomConnection> room = rooms.getOrDefault(relay.room, Set.of());
    if (relay.kind == Kind.ROSTER) {
      JsonArrayBuilder peers = Json.createArrayBuilder();
      room.forEach(connection -> peers.add(connection.peer()));
      return peers.build().toString();
    }
    for (RoomConnection connection : room) {
      boolean addressed =
          (relay.account == 0 || relay.account == connection.account())
              && !connection.id.equals(relay.except);
      if (!addressed) {
        continue;
      }
      switch (relay.kind) {
        case DELIVER -> {
          if (connection.admitted()) {
            connection.send(relay.json);
          }
        }
        case ADMIT -> {
          if (!connection.admitted()) {
            connection.entry = connection.as(() -> telesessions.enterRoom(relay.room));
            connection.send(welcome(connection));
            deliver(relay.room, 0, connection.id, event("joined", connection.peer()));
          }
        }
        case REMOVE -> {
          connection.send(type("removed"));
          connection.close(CloseCodes.NORMAL_CLOSURE, "removed");
        }
        case END -> {
          connection.send(type("ended"));
          connection.close(CloseCodes.NORMAL_CLOSURE, "ended");
        }
        case REPLACE -> {
          connection.replaced = true;
          connection.send(type("replaced"));
          connection.close(CloseCodes.NORMAL_CLOSURE, "replaced");
        }
        default -> throw new IllegalStateException(relay.kind.name());
      }
    }
    return null;
  }

  // Messages

  /** Everything a newcomer needs: who is there, the chair, the agenda, the chat, the vote. */
  String welcome(RoomConnection connection) {
    return connection.as(
        () -> {
          Telesession session = telesessions.get(connection.room);
          JsonArrayBuilder agenda = Json.createArrayBuilder();
          telesessions.agenda(connection.room).forEach(item -> agenda.add(item(item)));
          JsonArrayBuilder chat = Json.createArrayBuilder();
          telesessions.chat(connection.room).forEach(message -> chat.add(chat(message)));
          JsonArrayBuilder peers = Json.createArrayBuilder();
          roster(connection.room).stream()
              .filter(peer -> peer.getJsonNumber("account").longValue() != connection.account())
              .forEach(peers::add);
          JsonValue motion =
              telesessions.motions(connection.room).stream()
                  .filter(m -> m.getStatus() == MotionStatus.OPEN)
                  .findFirst()
                  .map(m -> motion(telesessions.result(m.getId())))
                  .orElse(JsonValue.NULL);
          JsonObjectBuilder welcome =
              Json.createObjectBuilder()
                  .add("type", "welcome")
                  .add("you", connection.peer())
                  .add("chair", session.getChairAccountId())
                  .add("secretary", session.getSecretaryAccountId())
                  .add("title", session.getTitle())
                  .add("agenda", agenda)
                  .add(
                      "item",
                      session.getCurrentItemId() == null
                          ? JsonValue.NULL
                          : Json.createValue(session.getCurrentItemId()))
                  .add("peers", peers)
                  .add("chat", chat)
                  .add("motion", motion)
                  .add("mode", "mesh")
                  .add("limit", meshLimit())
                  .add("ice", IceServers.configured().forAccount(connection.account()));
          return welcome.build().toString();
        });
  }

  static JsonObject item(AgendaItem item) {
    return Json.createObjectBuilder()
        .add("id", item.getId())
        .add("position", item.getPosition())
        .add("title", item.getTitle())
        .build();
  }

  static JsonObject chat(ChatMessage message) {
    return Json.createObjectBuilder()
        .add("id", message.getId())
        .add("account", message.getAccountId())
        .add("author", message.getAuthor())
        .add("text", message.getText())
        .add("sentAt", message.getSentAt().toString())
        .build();
  }

  JsonValue motion(Result result) {
    return Json.createReader(new StringReader(jsonb.toJson(MotionView.of(result)))).readObject();
  }

  static String event(String type, JsonObject peer) {
    return Json.createObjectBuilder().add("type", type).add("peer", peer).build().toString();
  }

  static String type(String type) {
    return Json.createObjectBuilder().add("type", type).build().toString();
  }
}
