package eu.smek.security;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.shiro.web.filter.authc.PassThruAuthenticationFilter;
import org.apache.shiro.web.util.WebUtils;
import org.omnifaces.util.Servlets;

/**
 * Sends a visitor who is not signed in to the sign-in page, which does the signing in itself. Only
 * a page the user opened is remembered to return to after signing in: not a stale form POST, and
 * not what the browser fetches by itself (an icon, a script), and a Faces Ajax request gets a
 * redirect it understands instead of a login page it cannot show.
 */
public class SignInFilter extends PassThruAuthenticationFilter {

  @Override
  protected boolean onAccessDenied(ServletRequest request, ServletResponse response)
      throws IOException {
    if (isLoginRequest(request, response)) {
      return true;
    }
    HttpServletRequest http = WebUtils.toHttp(request);
    if (isPageNavigation(http)) {
      saveRequest(request);
    }
    Servlets.facesRedirect(
        http, (HttpServletResponse) response, http.getContextPath() + getLoginUrl());
    return false;
  }

  /**
   * A GET for a page: browsers say so in Sec-Fetch-Dest; older ones at least accept HTML for it.
   */
  static boolean isPageNavigation(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())) {
      return false;
    }
    String destination = request.getHeader("Sec-Fetch-Dest");
    if (destination != null) {
      return destination.equals("document");
    }
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }
}
