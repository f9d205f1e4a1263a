package eu.smek.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.shiro.util.AntPathMatcher;
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

  /**
   * The first URL rule that matches a page (Shiro's order) asks for at least what the page's menu
   * entry promises: a page shown only to holders of a permission must not open without it.
   */
  @Test
  void theUrlRulesRequireEveryPagesPermission() throws IOException {
    List<String[]> rules = new ArrayList<>();
    boolean inUrls = false;
    for (String line : Files.readAllLines(Paths.get("src/main/webapp/WEB-INF/shiro.ini"))) {
      String rule = line.strip();
      if (rule.startsWith("[")) {
        inUrls = rule.equals("[urls]");
      } else if (inUrls && !rule.isEmpty() && !rule.startsWith("#")) {
        rules.add(rule.split("\\s*=\\s*", 2));
      }
    }
    AntPathMatcher matcher = new AntPathMatcher();
    for (Page page : Page.values()) {
      if (page.isError()) {
        continue;
      }
      for (String path : List.of(page.getPath(), page.getViewId())) {
        String chain =
            rules.stream()
                .filter(rule -> matcher.matches(rule[0], path))
                .findFirst()
                .map(rule -> rule[1])
                .orElse("none");
        String expected =
            switch (page.permission()) {
              case Page.Access.PUBLIC -> "anon";
              case Page.Access.SIGNED_IN -> "authc";
              default -> "perms[" + page.permission() + "]";
            };
        assertThat(chain).as(path).contains(expected);
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
    assertThat(Page.isStatelessFor("/calendar/answer-invitation.xhtml", false)).isFalse();
    assertThat(Page.isStatelessFor("/index.xhtml", true)).isFalse();
    assertThat(Page.isStatelessFor("/dashboard.xhtml", true)).isFalse();
  }
}
