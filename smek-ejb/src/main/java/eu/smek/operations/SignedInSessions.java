package eu.smek.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signed-in sessions this node has served, for the {@code smek_signed_in_sessions} gauge. A
 * session counts from its first request with a signed-in user until it signs out, ends here, or has
 * not been seen for the session timeout. The last rule covers a cluster: a session that moved to
 * another node (failover) or ended there is dropped here after the timeout, and the node that
 * serves it now counts it from its first request there. So the figure is per node; the sum over the
 * nodes is the number of signed-in sessions.
 */
public final class SignedInSessions {

  private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
  private final Clock clock;

  public SignedInSessions(Clock clock) {
    this.clock = clock;
  }

  /** At the end of a request with a session: whether a user is signed in to it now. */
  public void seen(String sessionId, boolean signedIn) {
    if (signedIn) {
      lastSeen.put(sessionId, clock.instant());
    } else {
      lastSeen.remove(sessionId);
    }
  }

  /** Signing in gives the session a new id. */
  public void renamed(String oldId, String newId) {
    Instant seen = lastSeen.remove(oldId);
    if (seen != null) {
      lastSeen.put(newId, seen);
    }
  }

  public void ended(String sessionId) {
    lastSeen.remove(sessionId);
  }

  /** The sessions seen within the timeout; forgets the others. */
  public int count(Duration timeout) {
    Instant oldest = clock.instant().minus(timeout);
    lastSeen.values().removeIf(seen -> seen.isBefore(oldest));
    return lastSeen.size();
  }
}
