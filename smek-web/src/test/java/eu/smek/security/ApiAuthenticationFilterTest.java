package eu.smek.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.shiro.authc.BearerToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading credentials from the Authorization header; the whole filter is tested in RestApiIT. */
class ApiAuthenticationFilterTest {

  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsBasicCredentialsIncludingColonsAndNonAsciiInThePassword() {
    ApiCredentials token =
        (ApiCredentials) ApiAuthenticationFilter.credentials(basic("anna:pä:ss:źó"));
    assertThat(token.getUsername()).isEqualTo("anna");
    assertThat(new String(token.getPassword())).isEqualTo("pä:ss:źó");
  }

  @Test
  void readsBearerTokens() {
    BearerToken token = (BearerToken) ApiAuthenticationFilter.credentials("Bearer smek_abc");
    assertThat(token.getToken()).isEqualTo("smek_abc");
    assertThat(ApiAuthenticationFilter.credentials("bearer smek_abc"))
        .isInstanceOf(BearerToken.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Basic",
        "Basic not-base64!!",
        "Basic YW5uYQ==", // "anna" without a colon
        "Basic OnNlY3JldA==", // ":secret", no login
        "Bearer ",
        "Digest username=anna",
        "Negotiate abc"
      })
  void refusesMalformedHeaders(String header) {
    assertThat(ApiAuthenticationFilter.credentials(header)).isNull();
  }

  @Test
  void noHeaderNoCredentials() {
    assertThat(ApiAuthenticationFilter.credentials(null)).isNull();
  }
}
