package eu.smek.security;

import org.apache.shiro.SecurityUtils;
import org.apache.shiro.mgt.DefaultSecurityManager;
import org.apache.shiro.web.env.IniWebEnvironment;

/**
 * Shiro's web environment from {@code WEB-INF/shiro.ini}, with two adjustments that the ini file
 * cannot express: remember-me is switched off (no long-lived identity cookie to forge or steal,
 * CVE-2016-4437 and its kin), and the security manager is also made the application-wide default,
 * so code outside a request (start-up, timers, in-container tests) can build subjects.
 */
public class SmekWebEnvironment extends IniWebEnvironment {

  @Override
  protected void configure() {
    super.configure();
    ((DefaultSecurityManager) getWebSecurityManager()).setRememberMeManager(null);
    SecurityUtils.setSecurityManager(getWebSecurityManager());
  }
}
