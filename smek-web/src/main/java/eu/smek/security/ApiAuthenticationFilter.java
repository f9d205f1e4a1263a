package eu.smek.security;

import eu.smek.rest.Problem;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.BearerToken;
import org.apache.shiro.mgt.SecurityManager;
import org.apache.shiro.subject.support.SubjectThreadState;
import org.apache.shiro.util.ThreadState;
import org.apache.shiro.web.servlet.OncePerRequestFilter;
import org.apache.shiro.web.subject.WebSubject;
import org.apache.shiro.web.util.WebUtils;

/**
 * Authenticates every REST request by its own {@code Authorization} header: HTTP Basic with a login
 * name and password, or {@code Bearer} with a personal API token. A browser's session cookie is
 * ignored, so a page cannot make the API act for its visitor (no CSRF), and no session is ever
 * created. Failures answer with problem details; a locked name with 429 and Retry-After.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  static final String CHALLENGE = "Basic realm=\"SMEK-int\", Bearer realm=\"SMEK-int\"";

  @Override
  protected void doFilterInternal(ServletRequest req, ServletResponse resp, FilterChain chain)
      throws ServletException, IOException {
    HttpServletRequest request = WebUtils.toHttp(req);
    HttpServletResponse response = WebUtils.toHttp(resp);
    // JSON needs no scripts, styles or frames.
    response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    response.setHeader("Cache-Control", "no-store");
    Language language = Messages.negotiate(Collections.list(request.getLocales()));

    AuthenticationToken token = credentials(request.getHeader("Authorization"));
    if (token == null) {
      refuse(response, Problem.of(401, language, "api.credentialsMissing"));
      return;
    }
    SecurityManager securityManager = SecurityUtils.getSecurityManager();
    AuthenticationInfo info;
    try {
      info = securityManager.authenticate(token);
    } catch (LoginLockedException locked) {
      long seconds = Math.max(1, Duration.between(Instant.now(), locked.getUntil()).toSeconds());
      response.setHeader("Retry-After", Long.toString(seconds));
      refuse(response, Problem.of(429, language, "security.login.locked", seconds / 60 + 1));
      return;
    } catch (AuthenticationException refused) {
      refuse(response, Problem.of(401, language, "api.credentialsWrong"));
      return;
    }
    WebSubject.Builder builder = new WebSubject.Builder(securityManager, request, response);
    builder.principals(info.getPrincipals()).authenticated(true).sessionCreationEnabled(false);
    WebSubject subject = builder.buildWebSubject();
    ThreadState state = new SubjectThreadState(subject);
    state.bind();
    try {
      chain.doFilter(request, response);
    } finally {
      state.restore();
    }
  }

  /** The credentials in an Authorization header, or null if there are none that we accept. */
  static AuthenticationToken credentials(String authorization) {
    if (authorization == null) {
      return null;
    }
    int space = authorization.indexOf(' ');
    if (space < 0) {
      return null;
    }
    String scheme = authorization.substring(0, space);
    String value = authorization.substring(space + 1).strip();
    if (scheme.equalsIgnoreCase("Bearer") && !value.isEmpty()) {
      return new BearerToken(value);
    }
    if (scheme.equalsIgnoreCase("Basic")) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        return new ApiCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
      }
    }
    return null;
  }

  private static void refuse(HttpServletResponse response, Problem problem) throws IOException {
    response.setStatus(problem.status());
    if (problem.status() == 401) {
      response.setHeader("WWW-Authenticate", CHALLENGE);
    }
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(problem.toJson());
  }
}
