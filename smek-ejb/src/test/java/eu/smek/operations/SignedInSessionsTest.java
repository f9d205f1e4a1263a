package eu.smek.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignedInSessionsTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private Instant now = Instant.parse("2026-11-28T08:00:00Z");
  private final SignedInSessions sessions =
      new SignedInSessions(
          new Clock() {
            @Override
            public Instant instant() {
              return now;
            }

            @Override
            public java.time.ZoneId getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }
          });

  @Test
  void countsSessionsWithASignedInUserOnceEach() {
    sessions.seen("a", true);
    sessions.seen("a", true);
    sessions.seen("visitor", false);
    sessions.seen("b", true);
    assertThat(sessions.count(TIMEOUT)).isEqualTo(2);
  }

  @Test
  void signingOutOrEndingTheSessionStopsCountingIt() {
    sessions.seen("a", true);
    sessions.seen("b", true);
    sessions.seen("a", false);
    sessions.ended("b");
    assertThat(sessions.count(TIMEOUT)).isZero();
  }

  @Test
  void aNewIdAtSignInIsTheSameSession() {
    sessions.seen("old", true);
    sessions.renamed("old", "new");
    sessions.seen("new", true);
    assertThat(sessions.count(TIMEOUT)).isEqualTo(1);
    sessions.renamed("unknown", "other");
    assertThat(sessions.count(TIMEOUT)).isEqualTo(1);
  }

  @Test
  void aSessionNotSeenForTheTimeoutIsForgotten() {
    // It moved to another node or ended there: this node hears nothing more of it.
    sessions.seen("moved", true);
    now = now.plus(Duration.ofMinutes(20));
    sessions.seen("here", true);
    assertThat(sessions.count(TIMEOUT)).isEqualTo(2);
    now = now.plus(Duration.ofMinutes(11));
    assertThat(sessions.count(TIMEOUT)).isEqualTo(1);
  }
}
