package eu.smek.security;

import jakarta.enterprise.inject.spi.CDI;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.BearerToken;
import org.apache.shiro.authc.IncorrectCredentialsException;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.authc.credential.AllowAllCredentialsMatcher;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.SimpleAuthorizationInfo;
import org.apache.shiro.realm.AuthorizingRealm;
import org.apache.shiro.subject.PrincipalCollection;
import org.apache.shiro.util.ThreadContext;

/**
 * Apache Shiro's view of SMEK's accounts. Credentials are checked by {@link SecurityService} (which
 * also throttles and audits), so the realm only translates results. Rights are read from the
 * database once per request and not cached longer, so a deactivated account or a withdrawn role
 * takes effect on every node at the next request.
 */
public class SmekRealm extends AuthorizingRealm {

  private static final String REQUEST_CACHE = SmekRealm.class.getName() + ".authorization";

  private volatile SecurityService security;

  public SmekRealm() {
    setName("smek");
    // SecurityService has verified the credentials before the matcher would run.
    setCredentialsMatcher(new AllowAllCredentialsMatcher());
    setAuthenticationTokenClass(AuthenticationToken.class);
    setCachingEnabled(false);
  }

  @Override
  public boolean supports(AuthenticationToken token) {
    return token instanceof UsernamePasswordToken || token instanceof BearerToken;
  }

  @Override
  protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
    AuthenticationResult result;
    if (token instanceof BearerToken bearer) {
      result = security().authenticateToken(bearer.getToken());
    } else {
      UsernamePasswordToken credentials = (UsernamePasswordToken) token;
      String login = credentials.getUsername();
      String password =
          credentials.getPassword() == null ? "" : new String(credentials.getPassword());
      result =
          credentials instanceof ApiCredentials
              ? security().authenticateCall(login, password)
              : security().authenticate(login, password);
    }
    if (result instanceof AuthenticationResult.Success success) {
      return new SimpleAuthenticationInfo(success.principal(), token.getCredentials(), getName());
    }
    if (result instanceof AuthenticationResult.Locked locked) {
      throw new LoginLockedException(locked.until());
    }
    throw new IncorrectCredentialsException();
  }

  @Override
  protected AuthorizationInfo getAuthorizationInfo(PrincipalCollection principals) {
    if (principals == null) {
      return null;
    }
    if (ThreadContext.getSubject() == null) {
      return doGetAuthorizationInfo(principals);
    }
    if (ThreadContext.get(REQUEST_CACHE) instanceof CachedAuthorization cached
        && cached.principals().equals(principals)) {
      return cached.info();
    }
    AuthorizationInfo info = doGetAuthorizationInfo(principals);
    // Shiro's filter clears the thread context when the request ends.
    ThreadContext.put(REQUEST_CACHE, new CachedAuthorization(principals, info));
    return info;
  }

  @Override
  protected AuthorizationInfo doGetAuthorizationInfo(PrincipalCollection principals) {
    AccountPrincipal principal = principals.oneByType(AccountPrincipal.class);
    if (principal == null) {
      return new SimpleAuthorizationInfo();
    }
    Authorization authorization = security().authorization(principal.accountId());
    SimpleAuthorizationInfo info = new SimpleAuthorizationInfo(authorization.roles());
    info.setStringPermissions(authorization.permissions());
    return info;
  }

  /**
   * Looked up once. Every {@code CDI.current().select(...).get()} of a session bean creates a
   * dependent reference that is kept until the application stops: looked up at each sign-in check
   * and authorization, they took about 1 KB of heap per request for good.
   */
  private SecurityService security() {
    SecurityService service = security;
    if (service == null) {
      // Two threads arriving at once may each look one up: a one-off, and either reference does.
      service = CDI.current().select(SecurityService.class).get();
      security = service;
    }
    return service;
  }

  private record CachedAuthorization(PrincipalCollection principals, AuthorizationInfo info) {}
}
