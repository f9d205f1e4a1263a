package eu.smek.it;

import eu.smek.security.AccountPrincipal;
import java.util.concurrent.Callable;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.subject.SimplePrincipalCollection;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.subject.support.SubjectThreadState;
import org.apache.shiro.util.ThreadState;

/** Runs code in the container as a given user, the way Shiro's filter does for a request. */
public final class TestSubjects {

  private TestSubjects() {}

  public static <T> T as(AccountPrincipal principal, Callable<T> work) throws Exception {
    Subject subject =
        new Subject.Builder(SecurityUtils.getSecurityManager())
            .principals(new SimplePrincipalCollection(principal, "smek"))
            .authenticated(true)
            .buildSubject();
    ThreadState state = new SubjectThreadState(subject);
    state.bind();
    try {
      return work.call();
    } finally {
      state.restore();
    }
  }

  public static void run(AccountPrincipal principal, ThrowingRunnable work) throws Exception {
    as(
        principal,
        () -> {
          work.run();
          return null;
        });
  }

  /** A block of test code that may throw anything. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }
}
