package eu.smek.telesession;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoomHandshakeTest {

  @ParameterizedTest
  @CsvSource({
    "https://smek.example.org, smek.example.org",
    "http://127.0.0.1:28580, 127.0.0.1:28580",
    "HTTPS://SMEK.example.org, smek.EXAMPLE.org",
  })
  void thePagesOwnSiteIsAccepted(String origin, String host) {
    assertTrue(RoomHandshake.sameOrigin(origin, host));
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "https://evil.example, smek.example.org",
        "https://smek.example.org.evil.example, smek.example.org",
        "http://127.0.0.1:8080, 127.0.0.1:28580",
        "http://127.0.0.1, 127.0.0.1:28580",
        "null, smek.example.org",
        "NULL, smek.example.org",
        "https://smek.example.org, NULL",
        "file:///etc/passwd, smek.example.org",
        "https://smek.example.org@evil.example, smek.example.org",
        "'https://smek.example.org\r\nX: y', smek.example.org",
        "ws://smek.example.org, smek.example.org",
      })
  void anyOtherOriginOrNoneIsRefused(String origin, String host) {
    assertFalse(RoomHandshake.sameOrigin(origin, host));
  }
}
