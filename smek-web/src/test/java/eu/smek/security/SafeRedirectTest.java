package eu.smek.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** After signing in, users go back only to pages of this application (no open redirect). */
class SafeRedirectTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/audit/view-audit-log",
        "/audit/view-audit-log?actor=admin&from=2026-11-01",
        "/membership/list-organisations",
        "/dashboard"
      })
  void returnsToOwnPages(String saved) {
    assertThat(SafeRedirect.target(saved, "")).contains(saved);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example/",
        "//evil.example",
        "//evil.example/dashboard",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "http:/evil.example",
        "/login",
        "/login?next=https://evil.example",
        "/api/v1/me",
        "/dashboard\r\nSet-Cookie: x=y",
        "",
        "dashboard"
      })
  void refusesEverythingElse(String saved) {
    assertThat(SafeRedirect.target(saved, "")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/other/dashboard", "/smek-evil/dashboard", "//evil.example/smek/x"})
  void stayInsideTheContextPath(String saved) {
    assertThat(SafeRedirect.target(saved, "/smek")).isEmpty();
    assertThat(SafeRedirect.target("/smek/dashboard", "/smek")).contains("/smek/dashboard");
  }

  @ParameterizedTest
  @ValueSource(ints = {2001, 100_000})
  void refusesOversizedUrls(int length) {
    assertThat(SafeRedirect.target("/" + "a".repeat(length), "")).isEmpty();
  }
}
