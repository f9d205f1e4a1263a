package eu.smek.security;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditService;
import eu.smek.shared.Language;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.ZoneId;
import org.apache.shiro.SecurityUtils;
import org.omnifaces.util.Faces;

/**
 * The signed-in user, as the pages show them: name, organisation, language and time zone, and
 * signing out. Only names and small values, never the account entity, so the session stays small
 * and replicable. Exists only in the sessions of signed-in users.
 */
@Named
@SessionScoped
public class CurrentUser implements Serializable {

  @Inject private AuditService audit;

  private String displayName;
  private String organisationName;
  private Language language;
  private ZoneId timeZone;

  void signedIn(Account account) {
    displayName = account.getDisplayName();
    organisationName = account.getOrganisation().getName();
    language = account.getLanguage();
    timeZone = account.getOrganisation().getCountry().timeZone();
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getOrganisationName() {
    return organisationName;
  }

  public Language getLanguage() {
    return language;
  }

  public void setLanguage(Language language) {
    this.language = language;
  }

  /** The time zone of the user's organisation, in which dates and times are shown. */
  public ZoneId getTimeZone() {
    return timeZone;
  }

  /** Ends the session on the server (on every node) and returns to the sign-in page. */
  public void signOut() throws IOException {
    if (Subjects.principal().isPresent()) {
      audit.record(AuditAction.LOGOUT, null, null);
    }
    SecurityUtils.getSubject().logout();
    Faces.redirect(Faces.getRequestContextPath() + "/login?signed-out=true");
  }
}
