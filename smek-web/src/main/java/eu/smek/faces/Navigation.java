package eu.smek.faces;

import eu.smek.security.Subjects;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.shiro.subject.Subject;

/** The menu, breadcrumbs and title of the current page, for the signed-in user's rights. */
@Named
@RequestScoped
public class Navigation {

  private Page current;
  private List<Page> menu;
  private List<Page> breadcrumbs;

  @PostConstruct
  void init() {
    FacesContext faces = FacesContext.getCurrentInstance();
    String viewId = faces.getViewRoot() == null ? null : faces.getViewRoot().getViewId();
    current = Page.ofView(viewId).orElse(Page.ERROR_NOT_FOUND);
    menu =
        current.isError()
            ? List.of()
            : Arrays.stream(Page.values())
                .filter(Page::inMenu)
                .filter(Navigation::mayOpen)
                .toList();
    List<Page> trail = new ArrayList<>();
    for (Page page = current; page != null; page = page.getParent()) {
      trail.add(page);
    }
    Collections.reverse(trail);
    breadcrumbs = List.copyOf(trail);
  }

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

  public Page getCurrent() {
    return current;
  }

  /** The pages the user may open, in menu order. */
  public List<Page> getMenu() {
    return menu;
  }

  /** From the top of the site down to the current page. */
  public List<Page> getBreadcrumbs() {
    return breadcrumbs;
  }

  public boolean isSignedIn() {
    return Subjects.current().map(Subject::isAuthenticated).orElse(false);
  }
}
