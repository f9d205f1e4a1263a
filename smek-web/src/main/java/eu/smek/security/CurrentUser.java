package eu.smek.security;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditService;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.apache.shiro.SecurityUtils;
import org.omnifaces.util.Faces;

/**
 * Who is signed in, for display in the page header, and signing out. Holds only names, never the
 * account entity, so the session stays small and replicable.
 */
@Named
@SessionScoped
public class CurrentUser implements Serializable {

  @Inject private AuditService audit;

  private String displayName;
  private String organisationName;

  void signedIn(Account account) {
    displayName = account.getDisplayName();
    organisationName = account.getOrganisation().getName();
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getOrganisationName() {
    return organisationName;
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
