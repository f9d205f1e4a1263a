package eu.smek.telesession;

import eu.smek.security.AccountPrincipal;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.shiro.subject.PrincipalCollection;
import org.apache.shiro.subject.support.DefaultSubjectContext;
import org.apache.shiro.web.util.WebUtils;

/**
 * Reads, during a room connection's handshake, what the connection will be judged by: whether the
 * page that opened it is from this site (browsers send their page's Origin; a foreign one means
 * another site is trying to use the visitor's session), who is signed in (Shiro keeps the principal
 * in the HTTP session, which is replicated in a cluster), and the page's language for messages. The
 * endpoint refuses the connection when it opens; these are only the facts.
 */
public class RoomHandshake extends ServerEndpointConfig.Configurator {

  static final String SAME_ORIGIN = "smek.room.sameOrigin";
  static final String PRINCIPAL = "smek.room.principal";
  static final String SECURITY_MANAGER = "smek.room.securityManager";
  static final String LOCALE = "smek.room.locale";

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    Map<String, Object> facts = config.getUserProperties();
    facts.put(SAME_ORIGIN, sameOrigin(first(request, "Origin"), first(request, "Host")));
    HttpSession session = (HttpSession) request.getHttpSession();
    if (session != null
        && session.getAttribute(DefaultSubjectContext.PRINCIPALS_SESSION_KEY)
            instanceof PrincipalCollection principals
        && principals.oneByType(AccountPrincipal.class) != null) {
      facts.put(PRINCIPAL, principals.oneByType(AccountPrincipal.class));
      facts.put(
          SECURITY_MANAGER,
          WebUtils.getRequiredWebEnvironment(session.getServletContext()).getWebSecurityManager());
    }
    facts.put(LOCALE, locale(request.getParameterMap().get("lang")));
  }

  /** Whether the Origin names the very host (and port) the request was sent to. */
  static boolean sameOrigin(String origin, String host) {
    if (origin == null || host == null) {
      return false;
    }
    try {
      URI uri = new URI(origin);
      if (uri.getHost() == null || uri.getScheme() == null) {
        return false;
      }
      String authority = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && authority.equalsIgnoreCase(host);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String first(HandshakeRequest request, String header) {
    return request.getHeaders().entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(header))
        .flatMap(entry -> entry.getValue().stream())
        .findFirst()
        .orElse(null);
  }

  private static Locale locale(List<String> lang) {
    return Optional.ofNullable(lang)
        .flatMap(values -> values.stream().findFirst())
        .flatMap(Language::fromCode)
        .filter(Messages::hasBundle)
        .orElse(Language.DEFAULT)
        .locale();
  }
}
