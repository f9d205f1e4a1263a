package eu.smek.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class PageTest {

  @Test
  void everyPageHasItsViewFile() {
    for (Page page : Page.values()) {
      assertThat(Files.exists(Paths.get("src/main/webapp" + page.getViewId())))
          .as(page.getViewId())
          .isTrue();
    }
  }

  @Test
  void keysAndPathsFollowTheViewNames() {
    assertThat(Page.VIEW_AUDIT_LOG.getTitleKey()).isEqualTo("page.viewAuditLog");
    assertThat(Page.VIEW_AUDIT_LOG.getDescriptionKey()).isEqualTo("page.viewAuditLog.description");
    assertThat(Page.VIEW_AUDIT_LOG.getPath()).isEqualTo("/audit/view-audit-log");
    assertThat(Page.HOME.getPath()).isEqualTo("/");
  }

  @Test
  void featurePagesSitUnderTheDashboardAndPublicPagesUnderHome() {
    for (Page page : Page.values()) {
      Page root = page;
      while (root.getParent() != null) {
        root = root.getParent();
      }
      assertThat(root).as(page.name()).isIn(Page.HOME, Page.DASHBOARD);
      if (page.inMenu() && page != Page.DASHBOARD) {
        assertThat(page.getParent()).as(page.name()).isEqualTo(Page.DASHBOARD);
      }
    }
  }

  @Test
  void findsPagesByView() {
    assertThat(Page.ofView("/dashboard.xhtml")).contains(Page.DASHBOARD);
    assertThat(Page.ofView("/nothing.xhtml")).isEmpty();
    assertThat(Page.ofView(null)).isEmpty();
  }

  @Test
  void visitorsGetStatelessViewsExceptForTheSignInForm() {
    assertThat(Page.isStatelessFor("/index.xhtml", false)).isTrue();
    assertThat(Page.isStatelessFor("/accessibility.xhtml", false)).isTrue();
    assertThat(Page.isStatelessFor("/WEB-INF/errorpages/404.xhtml", false)).isTrue();
    assertThat(Page.isStatelessFor("/no-such-view.xhtml", false)).isTrue();
    assertThat(Page.isStatelessFor("/login.xhtml", false)).isFalse();
    assertThat(Page.isStatelessFor("/index.xhtml", true)).isFalse();
    assertThat(Page.isStatelessFor("/dashboard.xhtml", true)).isFalse();
  }
}
