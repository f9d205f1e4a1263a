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
 * a GET is remembered to return to after signing in (a stale form POST is not worth replaying), and
 * a Faces Ajax request gets a redirect it understands instead of a login page it cannot show.
 */
public class SignInFilter extends PassThruAuthenticationFilter {

  @Override
  protected boolean onAccessDenied(ServletRequest request, ServletResponse response)
      throws IOException {
    if (isLoginRequest(request, response)) {
      return true;
    }
    HttpServletRequest http = WebUtils.toHttp(request);
    if ("GET".equals(http.getMethod())) {
      saveRequest(request);
    }
    Servlets.facesRedirect(
        http, (HttpServletResponse) response, http.getContextPath() + getLoginUrl());
    return false;
  }
}
