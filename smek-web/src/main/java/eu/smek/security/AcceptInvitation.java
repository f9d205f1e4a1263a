package eu.smek.security;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.omnifaces.util.Faces;

/**
 * Where an invited person chooses a login name and password, once, with the link from their e-mail.
 * An unknown, used, replaced or expired link gets one and the same message.
 */
@Named
@ViewScoped
public class AcceptInvitation implements Serializable {

  @Inject private SecurityService security;

  private String token;
  private InvitationView invitation;
  private String login;
  private String password;
  private String passwordAgain;

  public void load() {
    invitation = security.openInvitation(token);
    login = invitation.suggestedLogin();
  }

  public void accept() throws IOException {
    if (!password.equals(passwordAgain)) {
      org.omnifaces.util.Messages.addError(
          "accept-form:password-again",
          eu.smek.shared.Messages.format(Faces.getLocale(), "security.invitation.passwordsDiffer"));
      Faces.validationFailed();
      return;
    }
    try {
      security.acceptInvitation(token, login, password);
    } finally {
      password = null;
      passwordAgain = null;
    }
    Faces.redirect(Faces.getRequestContextPath() + "/login?welcome=true");
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public InvitationView getInvitation() {
    return invitation;
  }

  public String getLogin() {
    return login;
  }

  public void setLogin(String login) {
    this.login = login;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getPasswordAgain() {
    return passwordAgain;
  }

  public void setPasswordAgain(String passwordAgain) {
    this.passwordAgain = passwordAgain;
  }
}
