package eu.smek.security;

import eu.smek.faces.ActiveLocale;
import eu.smek.shared.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.util.SavedRequest;
import org.apache.shiro.web.util.WebUtils;
import org.omnifaces.util.Faces;

/**
 * The sign-in page. A wrong password and an unknown login name get the same message; after signing
 * in the session gets a new id (against session fixation) and the user returns to the page they
 * asked for, if it is one of ours.
 */
@Named
@RequestScoped
public class Login {

  @Inject private SecurityService security;
  @Inject private CurrentUser currentUser;
  @Inject private ActiveLocale activeLocale;

  private String username;
  private String password;

  /** A signed-in user who opens the sign-in page goes to the dashboard instead. */
  public void redirectIfSignedIn() throws IOException {
    if (SecurityUtils.getSubject().isAuthenticated()) {
      Faces.redirect(Faces.getRequestContextPath() + "/dashboard");
    }
  }

  public void signIn() throws IOException {
    Subject subject = SecurityUtils.getSubject();
    try {
      subject.login(new UsernamePasswordToken(username, password));
    } catch (LoginLockedException locked) {
      long minutes = Duration.between(Instant.now(), locked.getUntil()).toMinutes() + 1;
      error("security.login.locked", minutes);
      return;
    } catch (AuthenticationException refused) {
      error("security.login.failed");
      return;
    } finally {
      password = null;
    }
    HttpServletRequest request = Faces.getRequest();
    request.changeSessionId();
    VisitorSessions.signedIn(request.getSession());
    Account account = security.getCurrentAccount();
    currentUser.signedIn(account);
    activeLocale.remember(account.getLanguage());
    SavedRequest saved = WebUtils.getAndClearSavedRequest(request);
    Faces.redirect(
        SafeRedirect.target(saved == null ? null : saved.getRequestUrl(), request.getContextPath())
            .orElse(request.getContextPath() + "/dashboard"));
  }

  private void error(String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(
        null,
        new FacesMessage(
            FacesMessage.SEVERITY_ERROR,
            Messages.format(faces.getViewRoot().getLocale(), key, arguments),
            null));
    faces.validationFailed();
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
