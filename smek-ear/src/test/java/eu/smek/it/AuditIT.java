package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditEntry;
import eu.smek.audit.AuditQuery;
import eu.smek.audit.AuditService;
import eu.smek.audit.InvalidDateRangeException;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit log records who, what, when and from where, and can be searched by its filters. */
@ExtendWith(ArquillianExtension.class)
class AuditIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/AuditService")
  private AuditService audit;

  @Test
  void aSignInThroughTheFormIsRecordedWithItsSourceAddress() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP3");
    Instant before = Instant.now();
    Http.local().signIn(clerk.login(), TestData.PASSWORD);
    Http.local().signIn(clerk.login(), "Wrong-password-1");

    AccountPrincipal admin = data.account(Role.ASSOCIATION_ADMINISTRATOR, "PP1");
    List<AuditEntry> entries =
        TestSubjects.as(
            admin,
            () -> audit.search(new AuditQuery(clerk.login(), null, before, null, null), 0, 10));
    assertEquals(
        List.of(AuditAction.LOGIN_FAILED, AuditAction.LOGIN),
        entries.stream().map(AuditEntry::getAction).toList());
    AuditEntry login = entries.get(1);
    assertEquals(clerk.login(), login.getActor());
    assertEquals("account:" + clerk.accountId(), login.getTarget());
    assertEquals("127.0.0.1", login.getSourceAddress());
    assertTrue(!login.getOccurredAt().isBefore(before.minusSeconds(1)));
  }

  @Test
  void filtersCombineAndTakeTextLiterally() throws Exception {
    AccountPrincipal admin = data.account(Role.ASSOCIATION_ADMINISTRATOR, "PP1");
    String actor = "audit-" + admin.login();
    TestSubjects.run(
        admin,
        () -> {
          audit.record(actor, AuditAction.ACCOUNT_CHANGED, "account:1", "name 100% changed");
          audit.record(actor, AuditAction.ACCOUNT_CHANGED, "account:2", "name changed");
          audit.record(actor, AuditAction.ROLES_CHANGED, "account:1", "CLERK -> TOWN_COORDINATOR");
        });
    Instant hourAgo = Instant.now().minus(Duration.ofHours(1));

    assertEquals(3, count(admin, new AuditQuery(actor, null, null, null, null)));
    assertEquals(
        2, count(admin, new AuditQuery(actor, AuditAction.ACCOUNT_CHANGED, null, null, null)));
    assertEquals(1, count(admin, new AuditQuery(actor, null, null, null, "100%")));
    assertEquals(0, count(admin, new AuditQuery(actor, null, null, null, "_%_")));
    assertEquals(2, count(admin, new AuditQuery(actor, null, null, null, "ACCOUNT:1")));
    assertEquals(
        3,
        count(
            admin,
            new AuditQuery(
                actor.toUpperCase(), null, hourAgo, Instant.now().plusSeconds(60), null)));
    assertEquals(0, count(admin, new AuditQuery(actor, null, null, hourAgo, null)));
    assertEquals(0, count(admin, new AuditQuery(actor, null, null, null, "' or 1=1 --")));
    List<AuditEntry> page =
        TestSubjects.as(
            admin, () -> audit.search(new AuditQuery(actor, null, null, null, null), 1, 1));
    assertEquals(1, page.size());
  }

  @Test
  void aRangeThatEndsBeforeItStartsIsRefused() {
    Instant now = Instant.now();
    assertThrows(
        InvalidDateRangeException.class,
        () -> new AuditQuery(null, null, now, now.minusSeconds(1), null));
  }

  @Test
  void entriesCannotBeChangedThroughTheApplication() throws Exception {
    AccountPrincipal admin = data.account(Role.ASSOCIATION_ADMINISTRATOR, "PP1");
    String actor = "immutable-" + admin.login();
    TestSubjects.run(
        admin, () -> audit.record(actor, AuditAction.ACCOUNT_CHANGED, "account:1", "original"));
    assertThrows(
        EJBException.class,
        () ->
            data.update(
                "update AuditEntry e set e.details = 'rewritten' where e.actor = ?1", actor));
    AuditEntry entry =
        TestSubjects.as(
                admin, () -> audit.search(new AuditQuery(actor, null, null, null, null), 0, 1))
            .get(0);
    assertEquals("original", entry.getDetails());
  }

  @Test
  void oversizedAndMalformedFiltersGetTranslatedMessages() throws Exception {
    AccountPrincipal operator = data.account(Role.IT_OPERATOR, "PP2");
    Http browser = signedIn(operator);
    HttpResponse<String> oversized = browser.get("/audit/view-audit-log?actor=" + "a".repeat(300));
    assertEquals(200, oversized.statusCode());
    assertTrue(oversized.body().contains("Who: at most 254 characters."), oversized.body());
    HttpResponse<String> badDate = browser.get("/audit/view-audit-log?from=2026-13-45");
    assertEquals(200, badDate.statusCode());
    assertTrue(badDate.body().contains("From: “2026-13-45” is not a date"), badDate.body());
    HttpResponse<String> reversed =
        browser.get("/audit/view-audit-log?from=2026-11-20&to=2026-11-10");
    assertTrue(reversed.body().contains("The start date must not be after the end date."));
  }

  private long count(AccountPrincipal user, AuditQuery query) throws Exception {
    return TestSubjects.as(user, () -> audit.count(query));
  }
}
