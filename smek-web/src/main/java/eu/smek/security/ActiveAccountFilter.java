package eu.smek.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.subject.Subject;

/**
 * Ends the session of an account that was deactivated since it signed in. The realm reads rights
 * from the database at every request, on whichever node serves it, and gives a deactivated account
 * none; this filter then signs the session out instead of letting it wander through refusals.
 */
public class ActiveAccountFilter extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Subject subject = SecurityUtils.getSubject();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/api/") && subject.isAuthenticated() && holdsNoRole(subject)) {
      subject.logout();
      response.sendRedirect(request.getContextPath() + "/login?deactivated=true");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean holdsNoRole(Subject subject) {
    return Arrays.stream(Role.values()).noneMatch(role -> subject.hasRole(role.name()));
  }
}
