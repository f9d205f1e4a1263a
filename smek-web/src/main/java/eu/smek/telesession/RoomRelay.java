package eu.smek.telesession;

import java.io.Serial;
import java.io.Serializable;
import org.wildfly.clustering.server.dispatcher.Command;

/**
 * What one node asks every node holding a room's connections to do: deliver a message to the room's
 * people who are in (or to one person's connections), let someone in from the lobby, remove them,
 * or tell who is connected there. Plain values only, since it travels between the nodes.
 */
final class RoomRelay implements Command<String, RoomHub, RuntimeException>, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  enum Kind {
    /** The message goes to the room's admitted connections, or to one account's. */
    DELIVER,
    /** The account was let in: its connections leave the lobby. */
    ADMIT,
    /** The account was removed by the chair: its connections are closed. */
    REMOVE,
    /** The account connected again elsewhere: its other connections are closed. */
    REPLACE,
    /** The session closed: every connection to the room is told and closed. */
    END,
    /** Answers the room's connections held on this node. */
    ROSTER
  }

  final Kind kind;
  final long room;

  /** The account addressed, or 0 for everyone in the room. */
  final long account;

  /** The connection not to touch (the sender's, or the new one of a replaced account). */
  final String except;

  final String json;

  RoomRelay(Kind kind, long room, long account, String except, String json) {
    this.kind = kind;
    this.room = room;
    this.account = account;
    this.except = except;
    this.json = json;
  }

  @Override
  public String execute(RoomHub hub) {
    return hub.apply(this);
  }
}
