package eu.smek.telesession;

import eu.smek.security.AccountPrincipal;
import eu.smek.shared.BusinessException;
import eu.smek.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolationException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.shiro.mgt.SecurityManager;

/**
 * The signaling of a telesession's room: one connection per browser, JSON messages both ways. It
 * accepts only pages of this site, signed-in users invited to the session (checked by {@link
 * TelesessionService#enterRoom}), messages of at most {@value #MAXIMUM_MESSAGE} bytes, and at most
 * a burst of messages at a steady rate; a connection that breaks these rules is closed, and the
 * others go on. Ill-formed messages get a translated error. The chair's moves (admit, remove, mute,
 * hand over the chair, show an agenda item, open and close votes) are checked by the service.
 */
@ServerEndpoint(value = "/telesession/room/{id}", configurator = RoomHandshake.class)
public class RoomEndpoint {

  static final int MAXIMUM_MESSAGE = 64 * 1024;

  private static final Logger LOG = Logger.getLogger(RoomEndpoint.class.getName());

  @Inject private RoomHub hub;
  @EJB private TelesessionService telesessions;

  private RoomConnection connection;

  @OnOpen
  public void open(Session socket, EndpointConfig config, @PathParam("id") String id) {
    Map<String, Object> facts = config.getUserProperties();
    if (!Boolean.TRUE.equals(facts.get(RoomHandshake.SAME_ORIGIN))) {
      close(socket, CloseCodes.VIOLATED_POLICY, "origin");
      return;
    }
    if (!(facts.get(RoomHandshake.PRINCIPAL) instanceof AccountPrincipal principal)) {
      close(socket, CloseCodes.VIOLATED_POLICY, "signed out");
      return;
    }
    long room;
    try {
      room = Long.parseLong(id);
    } catch (NumberFormatException e) {
      close(socket, CloseCodes.CANNOT_ACCEPT, "room");
      return;
    }
    socket.setMaxTextMessageBufferSize(MAXIMUM_MESSAGE);
    RoomConnection candidate =
        new RoomConnection(
            socket,
            room,
            principal,
            (SecurityManager) facts.get(RoomHandshake.SECURITY_MANAGER),
            (Locale) facts.get(RoomHandshake.LOCALE));
    try {
      candidate.entry = candidate.as(() -> telesessions.enterRoom(room));
    } catch (BusinessException refused) {
      send(socket, error(candidate.locale, refused));
      close(socket, CloseCodes.VIOLATED_POLICY, refused.getMessageKey());
      return;
    }
    connection = candidate;
    hub.arrive(connection);
  }

  @OnMessage(maxMessageSize = MAXIMUM_MESSAGE)
  public void message(String text) {
    if (connection == null) {
      return;
    }
    // The container's limit is a buffer size; the rule is checked here too, so it holds anyway.
    if (text.length() > MAXIMUM_MESSAGE) {
      connection.close(CloseCodes.TOO_BIG, "too big");
      return;
    }
    if (!connection.gate.admit(System.nanoTime())) {
      connection.close(CloseCodes.VIOLATED_POLICY, "flood");
      return;
    }
    try {
      JsonObject message = Json.createReader(new StringReader(text)).readObject();
      handle(message);
    } catch (JsonException | IllegalStateException | Malformed e) {
      connection.send(error(connection.locale, "telesession.room.malformed"));
    } catch (BusinessException refused) {
      connection.send(error(connection.locale, refused));
    } catch (EJBException e) {
      if (!(e.getCause() instanceof ConstraintViolationException)) {
        throw e;
      }
      connection.send(error(connection.locale, "telesession.room.invalid"));
    }
  }

  @OnClose
  public void closed(CloseReason reason) {
    if (connection == null) {
      return;
    }
    hub.depart(connection);
    if (connection.admitted() && !connection.replaced) {
      try {
        connection.as(
            () -> {
              telesessions.leave(connection.room);
              return null;
            });
      } catch (BusinessException gone) {
        // The session was closed or hidden meanwhile: there is no stay left to end.
        LOG.log(Level.FINE, "leaving a room", gone);
      }
    }
  }

  @OnError
  public void failed(Throwable failure) {
    LOG.log(Level.FINE, "room connection failed", failure);
  }

  private void handle(JsonObject message) {
    String type = string(message, "type");
    long room = connection.room;
    if (!connection.admitted()) {
      throw new NotInRoomException();
    }
    switch (type) {
      case "signal" -> {
        if (!(message.get("data") instanceof JsonObject data)) {
          throw new Malformed();
        }
        hub.deliver(
            room,
            number(message, "to"),
            null,
            Json.createObjectBuilder()
                .add("type", "signal")
                .add("from", connection.account())
                .add("data", data)
                .build()
                .toString());
      }
      case "chat" -> {
        ChatMessage chat =
            connection.as(() -> telesessions.postChat(room, string(message, "text")));
        hub.deliver(room, 0, null, typed("chat", "message", RoomHub.chat(chat)));
      }
      case "hand" -> {
        connection.hand = bool(message, "up");
        hub.deliver(room, 0, null, RoomHub.event("updated", connection.peer()));
      }
      case "media" -> {
        connection.audio = bool(message, "audio");
        connection.video = bool(message, "video");
        connection.screen = bool(message, "screen");
        hub.deliver(room, 0, null, RoomHub.event("updated", connection.peer()));
      }
      case "admit" -> {
        long guest = number(message, "account");
        long in =
            hub.roster(room).stream().filter(peer -> peer.getBoolean("admitted", false)).count();
        if (in >= RoomHub.meshLimit()) {
          throw new RoomFullException(RoomHub.meshLimit());
        }
        connection.as(() -> telesessions.admit(room, guest));
        hub.admit(room, guest);
      }
      case "remove" -> {
        long guest = number(message, "account");
        connection.as(
            () -> {
              telesessions.removeFromRoom(room, guest);
              return null;
            });
        hub.remove(room, guest);
      }
      case "mute" -> {
        long guest = number(message, "account");
        connection.as(
            () -> {
              telesessions.checkChair(room);
              return null;
            });
        hub.deliver(room, guest, null, RoomHub.type("mute"));
      }
      case "chair" -> {
        long chair = number(message, "account");
        connection.as(
            () -> {
              telesessions.handOverChair(room, chair);
              return null;
            });
        hub.deliver(room, 0, null, typed("chair", "account", Json.createValue(chair)));
      }
      case "item" -> {
        Long item = message.get("item") instanceof JsonNumber n ? n.longValue() : null;
        JsonValue shown =
            connection
                .as(() -> telesessions.showItem(room, item))
                .<JsonValue>map(RoomHub::item)
                .orElse(JsonValue.NULL);
        hub.deliver(room, 0, null, typed("item", "item", shown));
      }
      case "motion" -> {
        long item = number(message, "item");
        String text = string(message, "text");
        VoteKind kind = kind(string(message, "kind"));
        Motion motion = connection.as(() -> telesessions.openMotion(room, item, text, kind));
        announce(motion.getId(), "motion");
      }
      case "vote" -> {
        long motion = number(message, "motion");
        Choice choice = choice(string(message, "choice"));
        connection.as(
            () -> {
              telesessions.cast(motion, choice);
              return null;
            });
        announce(motion, "motion");
      }
      case "close" -> {
        long motion = number(message, "motion");
        connection.as(() -> telesessions.closeMotion(motion));
        announce(motion, "result");
      }
      default -> throw new Malformed();
    }
  }

  /** Tells everyone in the room how a vote stands (a secret one's tallies only once closed). */
  private void announce(long motion, String type) {
    Result result = connection.as(() -> telesessions.result(motion));
    hub.deliver(connection.room, 0, null, typed(type, "motion", hub.motion(result)));
  }

  private static String typed(String type, String name, JsonValue value) {
    return Json.createObjectBuilder().add("type", type).add(name, value).build().toString();
  }

  private static String error(Locale locale, BusinessException refused) {
    return Json.createObjectBuilder()
        .add("type", "error")
        .add("key", refused.getMessageKey())
        .add("message", Messages.format(locale, refused.getMessageKey(), refused.getArguments()))
        .build()
        .toString();
  }

  private static String error(Locale locale, String key) {
    return Json.createObjectBuilder()
        .add("type", "error")
        .add("key", key)
        .add("message", Messages.format(locale, key))
        .build()
        .toString();
  }

  private static String string(JsonObject message, String name) {
    if (!(message.get(name) instanceof JsonString value)) {
      throw new Malformed();
    }
    return value.getString();
  }

  private static long number(JsonObject message, String name) {
    if (!(message.get(name) instanceof JsonNumber value) || !value.isIntegral()) {
      throw new Malformed();
    }
    return value.longValue();
  }

  private static boolean bool(JsonObject message, String name) {
    JsonValue value = message.get(name);
    if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
      throw new Malformed();
    }
    return value == JsonValue.TRUE;
  }

  private static VoteKind kind(String name) {
    try {
      return VoteKind.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new Malformed();
    }
  }

  private static Choice choice(String name) {
    try {
      return Choice.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new Malformed();
    }
  }

  private static void send(Session socket, String json) {
    try {
      socket.getBasicRemote().sendText(json);
    } catch (IOException gone) {
      LOG.log(Level.FINE, "refused room connection went away", gone);
    }
  }

  private static void close(Session socket, CloseCodes code, String reason) {
    try {
      socket.close(new CloseReason(code, reason));
    } catch (IOException gone) {
      LOG.log(Level.FINE, "refused room connection went away", gone);
    }
  }

  /** A message that is not what the protocol expects: answered with a translated error. */
  private static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed() {
      super(null, null, false, false);
    }
  }
}
