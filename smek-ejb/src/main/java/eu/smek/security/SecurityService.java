package eu.smek.security;

import static eu.smek.security.Permissions.SECURITY_USE_API;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditEntry;
import eu.smek.audit.AuditService;
import eu.smek.infrastructure.Notifier;
import eu.smek.membership.Organisation;
import eu.smek.membership.Person;
import eu.smek.membership.WorkingGroup;
import eu.smek.operations.ApplicationMetrics;
import eu.smek.shared.Language;
import eu.smek.shared.RecordNotFoundException;
import eu.smek.shared.SearchKeys;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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

  /** How long an invitation link may be used. */
  static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

  @PersistenceContext private EntityManager em;
  @Inject private Passwords passwords;
  @Inject private AuditService audit;
  @Inject private Guard guard;
  @Inject private Notifier notifier;
  @Inject private ApplicationMetrics metrics;

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
    Optional<Account> account = findAccountByLogin(key).filter(Account::isActive);
    // Hash first, whatever happens next, so that no answer comes back faster than another; and
    // before the throttle row is locked, so that parallel attempts on one name wait for each
    // other's short update only, not for each other's Argon2 (seconds on a busy machine, which
    // ran into the database's lock timeout).
    boolean passwordMatches =
        passwords.matches(password, account.map(Account::getPasswordHash).orElse(null));
    LoginThrottle throttle = em.find(LoginThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);

    if (throttle != null && LockoutPolicy.isLocked(throttle.getLockedUntil(), now)) {
      audit.record(key, AuditAction.LOGIN_LOCKED, null, "until " + throttle.getLockedUntil());
      metrics.loginFailed("locked");
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
    metrics.loginFailed("password");
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
   * never again do not pile up. A persistent timer: one node of the cluster runs it each hour.
   */
  @Schedule(hour = "*", minute = "23", persistent = true)
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
      metrics.loginFailed("token");
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
    String secret = TOKEN_PREFIX + Secrets.newSecret();
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

  // Invitations and accounts

  /**
   * Invites a person of the directory to get an account with the given role in their organisation:
   * an e-mail with a single-use link that expires. A newer invitation replaces an open one.
   */
  public Invitation invite(long personId, @NotNull Role role) {
    Person person = findPerson(personId);
    Organisation organisation = person.getCell().getOrganisation();
    guard.require(
        Permissions.scoped(Permissions.SECURITY_MANAGE_ACCOUNTS, organisation.getId()),
        "SecurityService.invite");
    boolean townRole = role == Role.CLERK || role == Role.TOWN_COORDINATOR;
    if (!townRole && !Subjects.isPermitted(Permissions.SECURITY_MANAGE_ACCOUNTS)) {
      throw new RoleNotGrantableException(role);
    }
    if (person.getEmail() == null) {
      throw new PersonHasNoEmailException();
    }
    if (accountOf(person).isPresent()) {
      throw new PersonHasAccountException();
    }
    em.lock(person, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    openInvitations(person).forEach(open -> open.revoke(now));
    String secret = newSecret();
    Invitation invitation =
        new Invitation(
            person,
            role,
            sha256(secret),
            now.plus(INVITATION_VALIDITY),
            Subjects.principal().map(AccountPrincipal::login).orElse(null));
    em.persist(invitation);
    notifier.mail(
        person.getEmail(),
        languageOf(organisation),
        "mail.invitation",
        "/accept-invitation?token=" + secret,
        person.getFullName(),
        organisation.getName(),
        role,
        INVITATION_VALIDITY.toDays());
    audit.record(AuditAction.INVITATION_SENT, "person:" + person.getId(), role.name());
    return invitation;
  }

  /** The invitation behind a link, for the page where it is accepted. */
  public InvitationView openInvitation(String token) {
    Invitation invitation = findOpenInvitation(token, LockModeType.NONE);
    Person person = invitation.getPerson();
    return new InvitationView(
        person.getFullName(),
        person.getCell().getOrganisation().getName(),
        invitation.getRole(),
        suggestLogin(person.getEmail()),
        invitation.getExpiresAt());
  }

  /**
   * Accepts an invitation: creates the account with the chosen login name and password, once. A
   * used, replaced, expired or unknown link gets the same refusal.
   */
  public Account acceptInvitation(
      @NotBlank String token,
      @NotBlank @Pattern(regexp = Account.LOGIN_PATTERN) String login,
      @NotNull @Size(max = PasswordPolicy.MAXIMUM_LENGTH) String password) {
    Invitation invitation = findOpenInvitation(token, LockModeType.PESSIMISTIC_WRITE);
    Person person = invitation.getPerson();
    if (findAccountByLogin(login).isPresent()) {
      throw new LoginTakenException(login);
    }
    PasswordPolicy.check(login, password);
    if (accountOf(person).isPresent()) {
      throw new PersonHasAccountException();
    }
    Organisation organisation = person.getCell().getOrganisation();
    Account account =
        new Account(
            login, person.getFullName(), person.getEmail(), organisation, languageOf(organisation));
    account.setPasswordHash(passwords.hash(password));
    account.getRoles().add(invitation.getRole());
    account.setPerson(person);
    em.persist(account);
    invitation.accepted(Instant.now());
    em.flush();
    audit.record(
        login, AuditAction.INVITATION_ACCEPTED, target(account), invitation.getRole().name());
    if (invitation.getCreatedBy() != null) {
      findAccountByLogin(invitation.getCreatedBy())
          .filter(Account::isActive)
          .ifPresent(
              inviter ->
                  notifier.notify(
                      inviter,
                      "notification.invitationAccepted",
                      "/membership/edit-person?id=" + person.getId(),
                      person.getFullName(),
                      login));
    }
    return account;
  }

  /** A person's account and open invitation, for who manages their cell. */
  public AccountState accountState(long personId) {
    Person person = findPerson(personId);
    guard.require(
        Permissions.scoped(
            Permissions.SECURITY_MANAGE_ACCOUNTS, person.getCell().getOrganisation().getId()),
        "SecurityService.accountState");
    Optional<Invitation> open = openInvitations(person).stream().findFirst();
    return accountOf(person)
        .map(
            account ->
                new AccountState(
                    account.getId(),
                    account.getLogin(),
                    account.isActive(),
                    Set.copyOf(account.getRoles()),
                    null,
                    null))
        .orElseGet(
            () ->
                new AccountState(
                    null,
                    null,
                    false,
                    Set.of(),
                    open.map(Invitation::getExpiresAt).orElse(null),
                    open.map(Invitation::getRole).orElse(null)));
  }

  /**
   * Deactivates an account: from the next request on, on every node, its sessions end and its API
   * tokens are refused. Nobody deactivates themselves, and the last administrator stays.
   */
  public void deactivateAccount(long accountId) {
    Account account = manageableAccount(accountId, "deactivateAccount");
    if (account.getId() == Subjects.requirePrincipal().accountId()) {
      throw new CannotChangeOwnAccountException();
    }
    if (account.isActive()
        && account.getRoles().contains(Role.ASSOCIATION_ADMINISTRATOR)
        && activeAdministrators() <= 1) {
      throw new LastAdministratorException();
    }
    if (account.isActive()) {
      account.setActive(false);
      audit.record(AuditAction.ACCOUNT_DEACTIVATED, target(account), account.getLogin());
    }
  }

  public void reactivateAccount(long accountId) {
    Account account = manageableAccount(accountId, "reactivateAccount");
    if (!account.isActive()) {
      account.setActive(true);
      audit.record(AuditAction.ACCOUNT_REACTIVATED, target(account), account.getLogin());
    }
  }

  // The signed-in user's own data

  /** Everything held about the signed-in user, for them to read and download. */
  public PersonalData myData() {
    Account account = getCurrentAccount();
    Person person = account.getPerson();
    List<String> targets = new ArrayList<>(List.of(target(account)));
    if (person != null) {
      targets.add("person:" + person.getId());
    }
    return new PersonalData(
        Instant.now(),
        new PersonalData.AccountData(
            account.getLogin(),
            account.getDisplayName(),
            account.getEmail(),
            account.getLanguage().code(),
            account.getOrganisation().getName(),
            account.getRoles().stream()
                .map(Role::name)
                .collect(Collectors.toCollection(TreeSet::new)),
            account.isActive(),
            account.getCreatedAt()),
        person == null ? null : personData(person),
        person == null
            ? List.of()
            : em.createQuery(
                    "select g from WorkingGroup g join g.members m where m = :person order by g.id",
                    WorkingGroup.class)
                .setParameter("person", person)
                .getResultStream()
                .map(group -> group.nameIn(account.getLanguage()))
                .toList(),
        em.createQuery(
                "select t from ApiToken t where t.account = :account order by t.createdAt",
                ApiToken.class)
            .setParameter("account", account)
            .getResultStream()
            .map(
                t ->
                    new PersonalData.TokenData(
                        t.getName(),
                        t.getPrefix(),
                        t.getCreatedAt(),
                        t.getLastUsedAt(),
                        t.getRevokedAt()))
            .toList(),
        em.createQuery(
                "select n from Notification n where n.recipient = :account order by n.createdAt",
                Notification.class)
            .setParameter("account", account)
            .getResultStream()
            .map(
                n ->
                    new PersonalData.NotificationData(
                        n.getCreatedAt(), n.getTitle(), n.getBody(), n.getLink(), n.getReadAt()))
            .toList(),
        em.createQuery(
                "select e from AuditEntry e where e.actor = :login or e.target in :targets"
                    + " order by e.occurredAt, e.id",
                AuditEntry.class)
            .setParameter("login", account.getLogin())
            .setParameter("targets", targets)
            .getResultStream()
            .map(
                e ->
                    new PersonalData.AuditData(
                        e.getOccurredAt(),
                        e.getActor(),
                        e.getAction().name(),
                        e.getTarget(),
                        e.getDetails(),
                        e.getSourceAddress()))
            .toList());
  }

  /** Corrects the signed-in user's name, e-mail address and language (GDPR Art. 16). */
  public Account correctMyAccount(
      @NotBlank @Size(max = 200) String displayName,
      @NotBlank @Email @Size(max = 254) String email,
      @NotNull Language language) {
    Account account = em.find(Account.class, Subjects.requirePrincipal().accountId());
    account.setDisplayName(displayName.strip());
    account.setEmail(email.strip());
    account.setLanguage(language);
    audit.record(AuditAction.ACCOUNT_CHANGED, target(account), "corrected by its holder");
    return account;
  }

  // Notifications

  /** The signed-in user's notifications, newest first. */
  public List<Notification> notifications(int first, int max) {
    return em.createQuery(
            "select n from Notification n where n.recipient.id = :account"
                + " order by n.createdAt desc, n.id desc",
            Notification.class)
        .setParameter("account", Subjects.requirePrincipal().accountId())
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.min(Math.max(1, max), 200))
        .getResultList();
  }

  public long unreadNotifications() {
    return em.createQuery(
            "select count(n) from Notification n where n.recipient.id = :account and n.readAt is null",
            Long.class)
        .setParameter("account", Subjects.requirePrincipal().accountId())
        .getSingleResult();
  }

  /** Marks the signed-in user's notifications read; others' are not touched. */
  public int markNotificationsRead() {
    return em.createQuery(
            "update Notification n set n.readAt = :now"
                + " where n.recipient.id = :account and n.readAt is null")
        .setParameter("now", Instant.now())
        .setParameter("account", Subjects.requirePrincipal().accountId())
        .executeUpdate();
  }

  private static PersonalData.PersonData personData(Person person) {
    Map<String, String> languages = new LinkedHashMap<>();
    person
        .getLanguages()
        .forEach(skill -> languages.put(skill.getLanguage(), skill.getLevel().name()));
    return new PersonalData.PersonData(
        person.getGivenName(),
        person.getFamilyName(),
        person.getPosition(),
        person.getEmail(),
        person.getPhone(),
        person.getRole().name(),
        languages,
        person.getTopics().stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)),
        person.isTeleworkAvailable(),
        person.getPhoto() != null);
  }

  private Account manageableAccount(long accountId, String operation) {
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    if (account == null) {
      throw new RecordNotFoundException(Account.class, accountId);
    }
    guard.require(
        Permissions.scoped(Permissions.SECURITY_MANAGE_ACCOUNTS, account.getOrganisation().getId()),
        "SecurityService." + operation);
    return account;
  }

  private long activeAdministrators() {
    return em.createQuery(
            "select count(a) from Account a join a.roles r where a.active = true and r = :role",
            Long.class)
        .setParameter("role", Role.ASSOCIATION_ADMINISTRATOR)
        .getSingleResult();
  }

  private Person findPerson(long personId) {
    Person person = em.find(Person.class, personId);
    if (person == null) {
      throw new RecordNotFoundException(Person.class, personId);
    }
    return person;
  }

  private Optional<Account> accountOf(Person person) {
    return em.createQuery("select a from Account a where a.person = :person", Account.class)
        .setParameter("person", person)
        .getResultStream()
        .findFirst();
  }

  private List<Invitation> openInvitations(Person person) {
    return em.createQuery(
            "select i from Invitation i where i.person = :person and i.acceptedAt is null"
                + " and i.revokedAt is null and i.expiresAt > :now order by i.createdAt desc",
            Invitation.class)
        .setParameter("person", person)
        .setParameter("now", Instant.now())
        .getResultList();
  }

  private Invitation findOpenInvitation(String token, LockModeType lock) {
    return em.createQuery("select i from Invitation i where i.tokenHash = :hash", Invitation.class)
        .setParameter("hash", sha256(token == null ? "" : token))
        .setLockMode(lock)
        .getResultStream()
        .findFirst()
        .filter(invitation -> invitation.isOpen(Instant.now()))
        .orElseThrow(InvitationInvalidException::new);
  }

  private static Language languageOf(Organisation organisation) {
    return Notifier.languageOf(organisation.getCountry());
  }

  /** A login name from an e-mail address: its local part, as the login pattern allows. */
  static String suggestLogin(String email) {
    String local = email == null ? "" : email.substring(0, Math.max(0, email.indexOf('@')));
    String login =
        SearchKeys.fold(local).replaceAll("[^a-z0-9._-]", ".").replaceAll("^[^a-z0-9]+", "");
    return login.length() > 64 ? login.substring(0, 64) : login;
  }

  private static String newSecret() {
    return Secrets.newSecret();
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
    return Secrets.sha256(value);
  }
}
