package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditEntry;
import eu.smek.audit.AuditQuery;
import eu.smek.audit.AuditService;
import eu.smek.infrastructure.Failures;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.ApiToken;
import eu.smek.security.AuthenticationResult;
import eu.smek.security.Authorization;
import eu.smek.security.NewApiToken;
import eu.smek.security.Permissions;
import eu.smek.security.Role;
import eu.smek.security.SecurityService;
import eu.smek.security.TooManyApiTokensException;
import eu.smek.shared.RecordNotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The realm's service: credentials, lockout, rights, the permission interceptor and API tokens. */
@ExtendWith(ArquillianExtension.class)
class SecurityIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/SecurityService")
  private SecurityService security;

  @EJB(lookup = "java:global/smek/smek-ejb/AuditService")
  private AuditService audit;

  @Test
  void theRightPasswordSignsIn() {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP3");
    AuthenticationResult result = security.authenticate(clerk.login(), TestData.PASSWORD);
    assertEquals(new AuthenticationResult.Success(clerk), result);
    // Login names are not case-sensitive and surrounding spaces do not matter.
    assertEquals(
        new AuthenticationResult.Success(clerk),
        security.authenticate(" " + clerk.login().toUpperCase() + " ", TestData.PASSWORD));
  }

  @Test
  void wrongPasswordUnknownNameAndInactiveAccountAllFailAlike() {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP3");
    AccountPrincipal inactive = data.account(Role.CLERK, "PP3");
    data.deactivate(inactive.accountId());

    assertInstanceOf(
        AuthenticationResult.Failure.class,
        security.authenticate(clerk.login(), "Wrong-password-1"));
    assertInstanceOf(
        AuthenticationResult.Failure.class,
        security.authenticate("nobody-" + UUID.randomUUID(), TestData.PASSWORD));
    assertInstanceOf(
        AuthenticationResult.Failure.class,
        security.authenticate(inactive.login(), TestData.PASSWORD));
    assertInstanceOf(AuthenticationResult.Failure.class, security.authenticate(clerk.login(), ""));
    assertInstanceOf(
        AuthenticationResult.Failure.class, security.authenticate(clerk.login(), null));
  }

  @Test
  void hostileLoginNamesAreJustWrongNames() {
    for (String hostile :
        List.of(
            "' or '1'='1",
            "admin'--",
            "*)(uid=*",
            "<script>alert(1)</script>",
            "../../etc/passwd",
            "x".repeat(100_000))) {
      assertInstanceOf(
          AuthenticationResult.Failure.class,
          security.authenticate(hostile, "anything-at-all"),
          hostile.substring(0, Math.min(20, hostile.length())));
    }
  }

  @Test
  void anOversizedPasswordIsRefusedWithoutHashingAllOfIt() {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP3");
    String megabyte = TestData.PASSWORD + "x".repeat(1 << 20);
    long start = System.nanoTime();
    assertInstanceOf(
        AuthenticationResult.Failure.class, security.authenticate(clerk.login(), megabyte));
    long oversized = System.nanoTime() - start;
    start = System.nanoTime();
    security.authenticate(clerk.login(), "Wrong-password-2");
    long normal = System.nanoTime() - start;
    assertTrue(
        oversized < 5 * normal + 1_000_000_000L,
        "oversized " + oversized / 1_000_000 + " ms, normal " + normal / 1_000_000 + " ms");
  }

  @Test
  void repeatedFailuresLockTheNameEvenForTheRightPassword() {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP7");
    for (int failure = 1; failure < 5; failure++) {
      assertInstanceOf(
          AuthenticationResult.Failure.class,
          security.authenticate(clerk.login(), "Wrong-password-" + failure));
    }
    assertInstanceOf(
        AuthenticationResult.Locked.class,
        security.authenticate(clerk.login(), "Wrong-password-5"));
    assertInstanceOf(
        AuthenticationResult.Locked.class, security.authenticate(clerk.login(), TestData.PASSWORD));

    List<AuditAction> actions = auditedActions(clerk.login());
    assertEquals(5, actions.stream().filter(AuditAction.LOGIN_FAILED::equals).count());
    assertTrue(actions.contains(AuditAction.LOGIN_LOCKED));
    assertFalse(actions.contains(AuditAction.LOGIN));
  }

  @Test
  void unknownNamesLockExactlyLikeExistingOnes() {
    String unknown = "nobody-" + UUID.randomUUID();
    AuthenticationResult last = null;
    for (int failure = 1; failure <= 5; failure++) {
      last = security.authenticate(unknown, "Wrong-password-" + failure);
    }
    assertInstanceOf(AuthenticationResult.Locked.class, last);
  }

  @Test
  void concurrentFailuresAreAllCounted() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP8");
    security.authenticate(clerk.login(), "Wrong-password-0");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<AuthenticationResult>> attempts = new ArrayList<>();
      for (int i = 1; i <= 9; i++) {
        String password = "Wrong-password-" + i;
        attempts.add(() -> security.authenticate(clerk.login(), password));
      }
      for (Future<AuthenticationResult> attempt : pool.invokeAll(attempts)) {
        assertFalse(attempt.get() instanceof AuthenticationResult.Success);
      }
    } finally {
      pool.shutdown();
    }
    // Once locked, further attempts are refused without counting; before that, none is lost.
    assertTrue(data.findThrottle(clerk.login()).getFailures() >= 5);
    assertNotNull(data.findThrottle(clerk.login()).getLockedUntil());
    assertInstanceOf(
        AuthenticationResult.Locked.class, security.authenticate(clerk.login(), TestData.PASSWORD));
  }

  @Test
  void anUnknownNameTakesAsLongToRefuseAsAWrongPassword() {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP9");
    // Warm up, then alternate so that noise on the shared machine hits both sides alike; the
    // median of eight pairs keeps one pause of the busy machine from deciding the result.
    security.authenticate(clerk.login(), "Wrong-password-w");
    long[] wrongPassword = new long[8];
    long[] unknownName = new long[8];
    for (int i = 0; i < wrongPassword.length; i++) {
      String existing = data.account(Role.CLERK, "PP9").login();
      long start = System.nanoTime();
      security.authenticate(existing, "Wrong-password-x");
      wrongPassword[i] = System.nanoTime() - start;
      start = System.nanoTime();
      security.authenticate("nobody-" + UUID.randomUUID(), "Wrong-password-x");
      unknownName[i] = System.nanoTime() - start;
    }
    double ratio = (double) median(unknownName) / median(wrongPassword);
    // Without the decoy hash an unknown name is answered more than ten times faster.
    assertTrue(ratio > 0.5 && ratio < 2.0, "unknown/wrong time ratio " + ratio);
  }

  @Test
  void rolesBecomeScopedPermissions() {
    AccountPrincipal coordinator = data.account(Role.TOWN_COORDINATOR, "PP3");
    long przemysl = data.findOrganisation("PP3").getId();
    Authorization rights = security.authorization(coordinator.accountId());
    assertEquals(java.util.Set.of("TOWN_COORDINATOR"), rights.roles());
    assertTrue(
        rights
            .permissions()
            .contains(Permissions.scoped(Permissions.MEMBERSHIP_MANAGE_CELL, przemysl)));
  }

  @Test
  void aDeactivatedAccountLosesItsRightsAtOnce() {
    AccountPrincipal admin = data.account(Role.ASSOCIATION_ADMINISTRATOR, "PP1");
    assertFalse(security.authorization(admin.accountId()).permissions().isEmpty());
    data.deactivate(admin.accountId());
    assertEquals(Authorization.NONE, security.authorization(admin.accountId()));
  }

  @Test
  void aServiceMethodRefusesAUserWithoutThePermissionAndAuditsIt() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP3");
    AccessDeniedException denied =
        assertThrows(
            AccessDeniedException.class,
            () -> TestSubjects.as(clerk, () -> audit.search(AuditQuery.ALL, 0, 10)));
    assertEquals(Permissions.AUDIT_VIEW, denied.getPermission());
    assertTrue(auditedActions(clerk.login()).contains(AuditAction.ACCESS_DENIED));

    AccountPrincipal operator = data.account(Role.IT_OPERATOR, "PP2");
    List<AuditEntry> entries = TestSubjects.as(operator, () -> audit.search(AuditQuery.ALL, 0, 10));
    assertFalse(entries.isEmpty());
  }

  @Test
  void withoutASignedInUserNothingGuardedRuns() {
    assertThrows(AccessDeniedException.class, () -> audit.search(AuditQuery.ALL, 0, 10));
  }

  @Test
  void apiTokensWorkUntilRevokedAndOnlyForTheirOwner() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP4");
    AccountPrincipal other = data.account(Role.CLERK, "PP5");
    NewApiToken created =
        TestSubjects.as(clerk, () -> security.createApiToken("  nightly export  "));

    assertEquals("nightly export", created.token().getName());
    assertTrue(created.secret().startsWith(created.token().getPrefix()));
    assertEquals(
        new AuthenticationResult.Success(clerk), security.authenticateToken(created.secret()));

    long tokenId = created.token().getId();
    assertThrows(
        RecordNotFoundException.class,
        () -> TestSubjects.run(other, () -> security.revokeApiToken(tokenId)));
    assertEquals(
        new AuthenticationResult.Success(clerk), security.authenticateToken(created.secret()));

    TestSubjects.run(clerk, () -> security.revokeApiToken(tokenId));
    assertInstanceOf(
        AuthenticationResult.Failure.class, security.authenticateToken(created.secret()));
    List<ApiToken> tokens = TestSubjects.as(clerk, () -> security.listApiTokens());
    assertTrue(tokens.get(0).isRevoked());
    assertTrue(
        auditedActions(clerk.login())
            .containsAll(List.of(AuditAction.API_TOKEN_CREATED, AuditAction.API_TOKEN_REVOKED)));
  }

  @Test
  void forgedAndMalformedTokensAreRefused() {
    for (String token :
        Arrays.asList(
            null, "", "smek_", "smek_forged", "' or 1=1 --", "smek_" + "a".repeat(5000))) {
      assertInstanceOf(AuthenticationResult.Failure.class, security.authenticateToken(token));
    }
  }

  @Test
  void tokenNamesAreValidatedAndTokensLimited() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP4");
    EJBException blank =
        assertThrows(
            EJBException.class, () -> TestSubjects.as(clerk, () -> security.createApiToken(" ")));
    assertTrue(Failures.invalidArguments(blank).isPresent());
    EJBException tooLong =
        assertThrows(
            EJBException.class,
            () -> TestSubjects.as(clerk, () -> security.createApiToken("x".repeat(101))));
    assertTrue(Failures.invalidArguments(tooLong).isPresent());

    for (int i = 0; i < 20; i++) {
      String name = "token " + i;
      TestSubjects.as(clerk, () -> security.createApiToken(name));
    }
    assertThrows(
        TooManyApiTokensException.class,
        () -> TestSubjects.as(clerk, () -> security.createApiToken("one too many")));
  }

  @Test
  void parallelRequestsCannotExceedTheTokenLimit() throws Exception {
    AccountPrincipal clerk = data.account(Role.CLERK, "PP6");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Boolean>> creations = new ArrayList<>();
      for (int i = 0; i < 26; i++) {
        String name = "parallel " + i;
        creations.add(
            () -> {
              try {
                TestSubjects.as(clerk, () -> security.createApiToken(name));
                return true;
              } catch (TooManyApiTokensException limit) {
                return false;
              }
            });
      }
      long created = 0;
      for (Future<Boolean> creation : pool.invokeAll(creations)) {
        created += creation.get() ? 1 : 0;
      }
      assertEquals(20, created);
    } finally {
      pool.shutdown();
    }
    assertEquals(20, TestSubjects.as(clerk, () -> security.listApiTokens()).size());
  }

  @Test
  void failuresOlderThanADayAreForgotten() {
    String recent = "nobody-" + UUID.randomUUID();
    String old = "nobody-" + UUID.randomUUID();
    security.authenticate(recent, "Wrong-password-1");
    security.authenticate(old, "Wrong-password-1");
    data.update(
        "update LoginThrottle t set t.lastFailureAt = ?1 where t.loginKey = ?2",
        java.time.Instant.now().minus(java.time.Duration.ofHours(25)),
        old);

    assertTrue(security.forgetOldFailedSignIns() >= 1);

    assertNotNull(data.findThrottle(recent));
    assertEquals(null, data.findThrottle(old));
  }

  private List<AuditAction> auditedActions(String actor) {
    return data.query(
        "select e.action from AuditEntry e where e.actor = ?1", AuditAction.class, actor);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }
}
