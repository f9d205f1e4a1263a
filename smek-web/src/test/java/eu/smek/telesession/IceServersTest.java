package eu.smek.telesession;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonArray;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class IceServersTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

  @Test
  void turnServersGetADaysCoturnCredentialsStunServersNone() {
    JsonArray servers =
        new IceServers(
                List.of("stun:turn.example.org:3478", "turn:turn.example.org:3478?transport=udp"),
                "north",
                CLOCK)
            .forAccount(42);
    assertEquals(2, servers.size());
    assertFalse(servers.getJsonObject(0).containsKey("username"));
    assertEquals("1700086400:42", servers.getJsonObject(1).getString("username"));
    // Computed outside Java: base64(HMAC-SHA1("north", "1700086400:42")).
    assertEquals("L2hcb1MC2B5KQuhQpPefyMtMg+A=", servers.getJsonObject(1).getString("credential"));
  }

  @Test
  void withoutASecretTurnIsListedWithoutCredentialsAndNothingConfiguredIsEmpty() {
    assertFalse(
        new IceServers(List.of("turn:t.example.org"), null, CLOCK)
            .forAccount(1)
            .getJsonObject(0)
            .containsKey("credential"));
    assertEquals(0, new IceServers(List.of(), null, CLOCK).forAccount(1).size());
  }
}
