package eu.smek.security;

import static eu.smek.security.Permissions.SECURITY_USE_API;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditService;
import eu.smek.shared.Language;
import eu.smek.shared.RecordNotFoundException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sign-in, rights and the signed-in user's own account: the boundary of the security feature.
 * Credentials are checked here rather than in the realm so that a failure is throttled and audited
 * in the same transaction, the same way for the login form, HTTP Basic and API tokens.
 */
@Stateless
public class SecurityService {

  /** Active API tokens one user may hold. */
  static final int MAXIMUM_API_TOKENS = 20;

  private static final String TOKEN_PREFIX = "smek_";
  private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(5);
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext private EntityManager em;
  @Inject private Passwords passwords;
  @Inject private AuditService audit;

  private final LockoutPolicy lockout = LockoutPolicy.DEFAULT;

  /**
   * Checks a login name and password for signing in. Unknown names, wrong passwords and inactive
   * accounts take the same time and give the same answer; all of them count towards the name's
   * lock.
   */
  public AuthenticationResult authenticate(String login, String password) {
    return authenticate(login, password, true);
  }

  /**
   * Checks a login name and password sent with one REST call: like signing in, but a success is not
   * audited (see {@link ApiCredentials}).
   */
  public AuthenticationResult authenticateCall(String login, String password) {
    return authenticate(login, password, false);
  }

  private AuthenticationResult authenticate(String login, String password, boolean auditSuccess) {
    String key = loginKey(login);
    Instant now = Instant.now();
    LoginThrottle throttle = em.find(LoginThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
    Optional<Account> account = findAccountByLogin(key).filter(Account::isActive);
    // Hash first, whatever happens next, so that no answer comes back faster than another.
    boolean passwordMatches =
        passwords.matches(password, account.map(Account::getPasswordHash).orElse(null));

    if (throttle != null && LockoutPolicy.isLocked(throttle.getLockedUntil(), now)) {
      audit.record(key, AuditAction.LOGIN_LOCKED, null, "until " + throttle.getLockedUntil());
      return new AuthenticationResult.Locked(throttle.getLockedUntil());
    }
    if (passwordMatches) {
      if (throttle != null) {
        em.remove(throttle);
      }
      Account signedIn = account.orElseThrow();
      if (auditSuccess) {
        audit.record(key, AuditAction.LOGIN, target(signedIn), null);
      }
      return new AuthenticationResult.Success(principalOf(signedIn));
    }
    if (throttle == null) {
      throttle = new LoginThrottle(key);
      em.persist(throttle);
    }
    int failures =
        lockout.failuresBefore(throttle.getFailures(), throttle.getLastFailureAt(), now) + 1;
    Instant lockedUntil = lockout.lockAfter(failures).map(now::plus).orElse(null);
    throttle.recordFailure(now, failures, lockedUntil);
    audit.record(
        key,
        AuditAction.LOGIN_FAILED,
        null,
        lockedUntil == null
            ? "failure " + failures
            : "failure " + failures + ", locked until " + lockedUntil);
    return lockedUntil == null
        ? new AuthenticationResult.Failure()
        : new AuthenticationResult.Locked(lockedUntil);
  }

  /**
   * Forgets failed sign-ins that the lockout policy no longer counts, so that names tried once and
   * never again do not pile up. Every node may run it; deleting twice does no harm.
   */
  @Schedule(hour = "*", minute = "23", persistent = false)
  public int forgetOldFailedSignIns() {
    Instant now = Instant.now();
    return em.createQuery(
            "delete from LoginThrottle t where t.lastFailureAt < :forgotten"
                + " and (t.lockedUntil is null or t.lockedUntil < :now)")
        .setParameter("forgotten", now.minus(lockout.forgetAfter()))
        .setParameter("now", now)
        .executeUpdate();
  }

  /** Checks an API token (the {@code Bearer} secret). */
  public AuthenticationResult authenticateToken(String secret) {
    Optional<ApiToken> token =
        secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 100
            ? Optional.empty()
            : em.createQuery(
                    "select t from ApiToken t join fetch t.account where t.tokenHash = :hash",
                    ApiToken.class)
                .setParameter("hash", sha256(secret))
                .getResultStream()
                .findFirst();
    Optional<ApiToken> valid =
        token.filter(t -> !t.isRevoked()).filter(t -> t.getAccount().isActive());
    if (valid.isEmpty()) {
      String prefix = secret == null ? "" : secret.substring(0, Math.min(12, secret.length()));
      audit.record("api-token:" + prefix, AuditAction.LOGIN_FAILED, null, "API token refused");
      return new AuthenticationResult.Failure();
    }
    ApiToken used = valid.get();
    Instant now = Instant.now();
    // A plain update rather than a versioned one: parallel calls with the same token must all
    // succeed, and "last used" need not be more precise than a few minutes.
    em.createQuery(
            "update ApiToken t set t.lastUsedAt = :now where t.id = :id"
                + " and (t.lastUsedAt is null or t.lastUsedAt < :stale)")
        .setParameter("now", now)
        .setParameter("id", used.getId())
        .setParameter("stale", now.minus(LAST_USED_PRECISION))
        .executeUpdate();
    return new AuthenticationResult.Success(principalOf(used.getAccount()));
  }

  /** The roles and permissions of an account; none for an inactive or deleted one. */
  public Authorization authorization(long accountId) {
    Account account = em.find(Account.class, accountId);
    if (account == null || !account.isActive()) {
      return Authorization.NONE;
    }
    long organisationId = account.getOrganisation().getId();
    return new Authorization(
        account.getRoles().stream().map(Role::name).collect(Collectors.toSet()),
        RolePermissions.of(account.getRoles(), organisationId));
  }

  public Optional<Account> findAccountByLogin(String login) {
    return em.createQuery(
            "select a from Account a join fetch a.organisation where a.login = :login",
            Account.class)
        .setParameter("login", loginKey(login))
        .getResultStream()
        .findFirst();
  }

  /** The signed-in user's account, with its organisation. */
  public Account getCurrentAccount() {
    long id = Subjects.requirePrincipal().accountId();
    return em.createQuery(
            "select a from Account a join fetch a.organisation where a.id = :id", Account.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new RecordNotFoundException(Account.class, id));
  }

  /** Remembers the signed-in user's language, so the next sign-in on any device uses it. */
  public void changeLanguage(@NotNull Language language) {
    Account account = em.find(Account.class, Subjects.requirePrincipal().accountId());
    if (account != null) {
      account.setLanguage(language);
    }
  }

  @RequiresPermission(SECURITY_USE_API)
  public List<ApiToken> listApiTokens() {
    return em.createQuery(
            "select t from ApiToken t where t.account.id = :account order by t.createdAt desc, t.id desc",
            ApiToken.class)
        .setParameter("account", Subjects.requirePrincipal().accountId())
        .getResultList();
  }

  /** Creates a token for the signed-in user; its secret is returned once and never stored. */
  @RequiresPermission(SECURITY_USE_API)
  public NewApiToken createApiToken(@NotBlank @Size(max = 100) String name) {
    // Locked, so that parallel requests cannot together exceed the limit counted below.
    Account account =
        em.find(
            Account.class, Subjects.requirePrincipal().accountId(), LockModeType.PESSIMISTIC_WRITE);
    long active =
        em.createQuery(
                "select count(t) from ApiToken t where t.account = :account and t.revokedAt is null",
                Long.class)
            .setParameter("account", account)
            .getSingleResult();
    if (active >= MAXIMUM_API_TOKENS) {
      throw new TooManyApiTokensException(MAXIMUM_API_TOKENS);
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    ApiToken token = new ApiToken(account, name.strip(), sha256(secret), secret.substring(0, 12));
    em.persist(token);
    audit.record(AuditAction.API_TOKEN_CREATED, target(account), token.getName());
    return new NewApiToken(token, secret);
  }

  /** Revokes one of the signed-in user's tokens; other users' tokens are not found. */
  @RequiresPermission(SECURITY_USE_API)
  public void revokeApiToken(long tokenId) {
    long accountId = Subjects.requirePrincipal().accountId();
    ApiToken token =
        em.createQuery(
                "select t from ApiToken t where t.id = :id and t.account.id = :account",
                ApiToken.class)
            .setParameter("id", tokenId)
            .setParameter("account", accountId)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new RecordNotFoundException(ApiToken.class, tokenId));
    if (!token.isRevoked()) {
      token.revoke();
      audit.record(AuditAction.API_TOKEN_REVOKED, "account:" + accountId, token.getName());
    }
  }

  /** Login names are compared trimmed and in lower case, and never longer than the column. */
  static String loginKey(String login) {
    String key = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    return key.length() > 254 ? key.substring(0, 254) : key;
  }

  private static AccountPrincipal principalOf(Account account) {
    return new AccountPrincipal(account.getId(), account.getLogin());
  }

  private static String target(Account account) {
    return "account:" + account.getId();
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
