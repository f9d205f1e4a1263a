package eu.smek.security;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.servlet.AdviceFilter;
import org.apache.shiro.web.util.WebUtils;
import org.omnifaces.util.Servlets;

/**
 * Ends the session of an account that was deactivated since it signed in. The realm reads rights
 * from the database at every request, on whichever node serves it, and gives a deactivated account
 * none; this filter, global in shiro.ini so that it runs before every URL rule, then signs the
 * session out instead of letting it wander through refusals. The REST API is left alone: it
 * authenticates every call and refuses such accounts by itself.
 */
public class ActiveAccountFilter extends AdviceFilter {

  @Override
  protected boolean preHandle(ServletRequest request, ServletResponse response) throws Exception {
    HttpServletRequest http = WebUtils.toHttp(request);
    Subject subject = SecurityUtils.getSubject();
    if (WebUtils.getPathWithinApplication(http).startsWith("/api/")
        || !subject.isAuthenticated()
        || Arrays.stream(Role.values()).anyMatch(role -> subject.hasRole(role.name()))) {
      return true;
    }
    subject.logout();
    Servlets.facesRedirect(
        http, (HttpServletResponse) response, http.getContextPath() + "/login?deactivated=true");
    return false;
  }
}
