package eu.smek.telesession;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The STUN and TURN servers browsers use to reach each other (or the media server) through NATs and
 * firewalls, from the server's environment:
 *
 * <ul>
 *   <li>{@code SMEK_ICE_SERVERS}: {@code stun:} and {@code turn:}/{@code turns:} URLs separated by
 *       commas, e.g. {@code stun:turn.example.org:3478,turn:turn.example.org:3478?transport=udp}.
 *   <li>{@code SMEK_TURN_SECRET}: the {@code static-auth-secret} of coturn's {@code
 *       use-auth-secret} mode. Each user gets a name and password valid for a day (coturn's "TURN
 *       REST API"), so no TURN password is ever stored or shared.
 * </ul>
 *
 * Without them the list is empty: browsers on one network (and the tests) connect directly.
 */
record IceServers(List<String> urls, String secret, Clock clock) {

  static final Duration VALIDITY = Duration.ofDays(1);

  static IceServers configured() {
    String urls = System.getenv().getOrDefault("SMEK_ICE_SERVERS", "");
    return new IceServers(
        Arrays.stream(urls.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList(),
        System.getenv("SMEK_TURN_SECRET"),
        Clock.systemUTC());
  }

  /** The list for {@code RTCPeerConnection}'s {@code iceServers}, with this user's credentials. */
  JsonArray forAccount(long account) {
    JsonArrayBuilder servers = Json.createArrayBuilder();
    for (String url : urls) {
      JsonObjectBuilder server = Json.createObjectBuilder().add("urls", url);
      if (url.startsWith("turn") && secret != null && !secret.isBlank()) {
        String username = clock.instant().plus(VALIDITY).getEpochSecond() + ":" + account;
        server.add("username", username).add("credential", credential(secret, username));
      }
      servers.add(server);
    }
    return servers.build();
  }

  /** coturn's password for a user name: Base64 of HMAC-SHA1 over the name with the secret. */
  static String credential(String secret, String username) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA1", e);
    }
  }
}
