package eu.smek.security;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.shiro.web.filter.authz.PermissionsAuthorizationFilter;
import org.apache.shiro.web.util.WebUtils;

/**
 * Shiro's {@code perms[...]} URL rule, answering a signed-in user who lacks the permission with 403
 * (and so the translated error page) instead of Shiro's 401.
 */
public class PermissionFilter extends PermissionsAuthorizationFilter {

  @Override
  protected boolean onAccessDenied(ServletRequest request, ServletResponse response)
      throws IOException {
    WebUtils.toHttp(response).sendError(HttpServletResponse.SC_FORBIDDEN);
    return false;
  }
}
