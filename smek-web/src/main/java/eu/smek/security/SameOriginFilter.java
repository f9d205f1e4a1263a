package eu.smek.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Refuses requests that change something when another site's page sent them (cross-site request
 * forgery). Browsers say where a request comes from in {@code Sec-Fetch-Site}, which a page cannot
 * forge, and which survives proxies unchanged. This protects the pages that need no session (the
 * sign-in form, the language switch), whose views carry no Faces view state to check; clients other
 * than browsers send no such header and are not affected.
 */
public class SameOriginFilter extends HttpFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isCrossSiteChange(request.getMethod(), request.getHeader("Sec-Fetch-Site"))) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean isCrossSiteChange(String method, String fetchSite) {
    return !SAFE_METHODS.contains(method)
        && ("cross-site".equals(fetchSite) || "same-site".equals(fetchSite));
  }
}
