package eu.smek.security;

import java.util.Optional;

/**
 * Where a user may be sent after signing in: only back to a page of this application, never to
 * another site (open redirect, CVE-2023-46750) and never into the REST API or the sign-in page.
 */
final class SafeRedirect {

  private SafeRedirect() {}

  /**
   * The saved URL if it is a path of this application, as the browser asked for it.
   *
   * @param savedUrl the request URL Shiro saved before sending the user to sign in (path and query)
   * @param contextPath the application's context path ("" at the root)
   */
  static Optional<String> target(String savedUrl, String contextPath) {
    if (savedUrl == null || savedUrl.isEmpty() || savedUrl.length() > 2000) {
      return Optional.empty();
    }
    // Only a plain absolute path: no scheme, no //host, no backslash tricks, no control characters.
    if (!savedUrl.startsWith("/")
        || savedUrl.startsWith("//")
        || savedUrl.indexOf('\\') >= 0
        || savedUrl.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
        || !savedUrl.startsWith(contextPath + "/")) {
      return Optional.empty();
    }
    String path = savedUrl.substring(contextPath.length());
    if (path.startsWith("/api/") || path.startsWith("/login") || path.startsWith("//")) {
      return Optional.empty();
    }
    return Optional.of(savedUrl);
  }
}
