package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.security.AccountPrincipal;
import eu.smek.shared.RecordNotFoundException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * What every in-container integration test shares: the real EAR deployed unchanged, the test
 * classes in a WAR next to it (see {@link Deployments}), and test data each test makes for itself.
 * Each test class also carries {@code @ExtendWith(ArquillianExtension.class)} itself: WildFly's
 * Arquillian service recognises a test class by that annotation, not by an inherited one.
 */
@ExtendWith(ArquillianExtension.class)
abstract class InContainerTest {

  @Inject protected TestData data;

  @Deployment(name = Deployments.APPLICATION, order = 1, testable = false)
  static EnterpriseArchive application() {
    return Deployments.application();
  }

  @Deployment(order = 2)
  static WebArchive tests() {
    return Deployments.tests();
  }

  /** A client signed in through the sign-in form as the given test user. */
  protected static Http signedIn(AccountPrincipal user) throws IOException, InterruptedException {
    Http client = Http.local();
    client.signIn(user.login(), TestData.PASSWORD);
    return client;
  }

  /** The call is refused with a RecordNotFoundException, as it comes out of the EJB container. */
  protected static void assertNotFound(Executable call) {
    Throwable refused = assertThrows(Throwable.class, call);
    Throwable cause =
        refused instanceof EJBException && refused.getCause() != null
            ? refused.getCause()
            : refused;
    assertTrue(cause instanceof RecordNotFoundException, refused.toString());
  }

  /** Runs the calls at once; the failure of each, or null. */
  protected static List<Throwable> concurrently(List<Callable<?>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Callable<?> call : calls) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<Throwable> outcomes = new ArrayList<>();
      for (Future<?> future : futures) {
        try {
          future.get(60, TimeUnit.SECONDS);
          outcomes.add(null);
        } catch (ExecutionException failed) {
          outcomes.add(failed.getCause());
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
