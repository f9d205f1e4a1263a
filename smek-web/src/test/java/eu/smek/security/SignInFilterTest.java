package eu.smek.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which requests are remembered as the page to return to after signing in. */
class SignInFilterTest {

  /** A request that answers only getMethod and getHeader, which is all the rule reads. */
  private static HttpServletRequest request(String method, Map<String, String> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            SignInFilterTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, called, arguments) ->
                switch (called.getName()) {
                  case "getMethod" -> method;
                  case "getHeader" -> headers.get((String) arguments[0]);
                  default -> throw new UnsupportedOperationException(called.getName());
                });
  }

  @Test
  void pagesTheUserOpensAreRemembered() {
    assertThat(SignInFilter.isPageNavigation(request("GET", Map.of("Sec-Fetch-Dest", "document"))))
        .isTrue();
    assertThat(
            SignInFilter.isPageNavigation(
                request("GET", Map.of("Accept", "text/html,application/xhtml+xml;q=0.9"))))
        .isTrue();
  }

  @Test
  void whatTheBrowserFetchesByItselfIsNot() {
    assertThat(
            SignInFilter.isPageNavigation(
                request("GET", Map.of("Sec-Fetch-Dest", "image", "Accept", "image/avif,*/*"))))
        .isFalse();
    assertThat(SignInFilter.isPageNavigation(request("GET", Map.of("Sec-Fetch-Dest", "script"))))
        .isFalse();
    assertThat(SignInFilter.isPageNavigation(request("GET", Map.of()))).isFalse();
  }

  @Test
  void formPostsAreNot() {
    assertThat(SignInFilter.isPageNavigation(request("POST", Map.of("Sec-Fetch-Dest", "document"))))
        .isFalse();
  }
}
