package eu.smek.operations;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import org.apache.shiro.subject.support.DefaultSubjectContext;

/**
 * Tells {@link SignedInSessions} which sessions have a signed-in user, for the metrics: at the end
 * of every request (so a session that failed over from another node is counted here from its first
 * request), when a session gets a new id at sign-in, and when it ends.
 */
@WebListener
public class SessionActivity
    implements ServletContextListener,
        ServletRequestListener,
        HttpSessionListener,
        HttpSessionIdListener {

  @Inject private ApplicationMetrics metrics;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    metrics.sessionTimeout(Duration.ofMinutes(event.getServletContext().getSessionTimeout()));
  }

  @Override
  public void requestDestroyed(ServletRequestEvent event) {
    if (event.getServletRequest() instanceof HttpServletRequest request) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        try {
          metrics
              .sessions()
              .seen(
                  session.getId(),
                  Boolean.TRUE.equals(
                      session.getAttribute(DefaultSubjectContext.AUTHENTICATED_SESSION_KEY)));
        } catch (IllegalStateException invalidated) {
          // Signed out during the request: sessionDestroyed has forgotten it.
        }
      }
    }
  }

  @Override
  public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
    metrics.sessions().renamed(oldSessionId, event.getSession().getId());
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    metrics.sessions().ended(event.getSession().getId());
  }
}
