package eu.smek.security;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;

/**
 * Sessions of visitors who are not signed in (only the sign-in form and remembering which page to
 * return to start one) end after a few idle minutes, so that anonymous traffic cannot fill the
 * server's memory. Signing in gives the session the configured timeout.
 */
@WebListener
public class VisitorSessions implements HttpSessionListener {

  static final Duration VISITOR_TIMEOUT = Duration.ofMinutes(10);

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    event.getSession().setMaxInactiveInterval((int) VISITOR_TIMEOUT.toSeconds());
  }

  /** Gives a session that has just been signed in the configured timeout. */
  static void signedIn(HttpSession session) {
    session.setMaxInactiveInterval(session.getServletContext().getSessionTimeout() * 60);
  }
}
