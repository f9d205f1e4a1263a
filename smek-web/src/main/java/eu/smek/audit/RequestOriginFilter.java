package eu.smek.audit;

import eu.smek.infrastructure.RequestOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Tells the audit log where the current request comes from. The address is the one Undertow
 * reports, which behind a proxy is the client's only if the proxy's headers are trusted in the
 * server configuration (never taken from the request here, where anyone could forge them).
 */
public class RequestOriginFilter extends HttpFilter {

  @Inject private RequestOrigin origin;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    origin.setAddress(request.getRemoteAddr());
    chain.doFilter(request, response);
  }
}
