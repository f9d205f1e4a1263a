package eu.smek.security;

import java.io.Serial;
import org.apache.shiro.authc.UsernamePasswordToken;

/**
 * A login name and password sent with a single REST call (HTTP Basic). Checked like a sign-in, but
 * a success is not an event worth an audit entry: a script may make thousands of calls. Failures
 * are audited and throttled as always.
 */
public class ApiCredentials extends UsernamePasswordToken {

  @Serial private static final long serialVersionUID = 1L;

  public ApiCredentials(String login, String password) {
    super(login, password);
  }
}
