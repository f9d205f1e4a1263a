package eu.smek.faces;

import eu.smek.security.Permissions;
import eu.smek.security.Subjects;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.shiro.subject.Subject;

/**
 * The menu, breadcrumbs and title of the current page, for the signed-in user's rights. The page is
 * read from the view each time, because an error page can replace the view within the request.
 */
@Named
@RequestScoped
public class Navigation {

  private List<Page> permittedMenu;

  /** Whether the current user may open a page; views never check roles themselves. */
  static boolean mayOpen(Page page) {
    String permission = page.permission();
    if (permission.equals(Page.Access.PUBLIC)) {
      return true;
    }
    if (permission.equals(Page.Access.SIGNED_IN)) {
      return Subjects.current().map(Subject::isAuthenticated).orElse(false);
    }
    return Subjects.isPermitted(permission);
  }

  /**
   * For views: whether to offer a link to a page, e.g. {@code
   * #{navigation.allows('EDIT_ORGANISATION')}}.
   */
  public boolean allows(Page page) {
    return mayOpen(page);
  }

  /** Whether the user may manage the cooperation cell (and accounts) of an organisation. */
  public boolean mayManageCell(long organisationId) {
    return Subjects.isPermitted(
        Permissions.scoped(Permissions.MEMBERSHIP_MANAGE_CELL, organisationId));
  }

  /** Whether the user may invite and deactivate the accounts of an organisation's people. */
  public boolean mayManageAccounts(long organisationId) {
    return Subjects.isPermitted(
        Permissions.scoped(Permissions.SECURITY_MANAGE_ACCOUNTS, organisationId));
  }

  /** Whether the user manages every organisation's accounts, with every role. */
  public boolean mayManageAllAccounts() {
    return Subjects.isPermitted(Permissions.SECURITY_MANAGE_ACCOUNTS);
  }

  public Page getCurrent() {
    FacesContext faces = FacesContext.getCurrentInstance();
    String viewId = faces.getViewRoot() == null ? null : faces.getViewRoot().getViewId();
    return Page.ofView(viewId).orElse(Page.ERROR_NOT_FOUND);
  }

  /** The pages the user may open, in menu order; none on error pages, which must always render. */
  public List<Page> getMenu() {
    if (getCurrent().isError()) {
      return List.of();
    }
    if (permittedMenu == null) {
      permittedMenu =
          Arrays.stream(Page.values()).filter(Page::inMenu).filter(Navigation::mayOpen).toList();
    }
    return permittedMenu;
  }

  /** From the top of the site down to the current page. */
  public List<Page> getBreadcrumbs() {
    List<Page> trail = new ArrayList<>();
    for (Page page = getCurrent(); page != null; page = page.getParent()) {
      trail.add(page);
    }
    Collections.reverse(trail);
    return trail;
  }

  /** Whether the current view is stateless (the layout's f:view reads it on a postback). */
  public boolean isStateless() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return Page.isStatelessFor(faces.getViewRoot().getViewId(), isSignedIn());
  }

  public boolean isSignedIn() {
    return Subjects.current().map(Subject::isAuthenticated).orElse(false);
  }
}
