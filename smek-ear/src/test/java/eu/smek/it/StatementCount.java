package eu.smek.it;

import eu.smek.security.AccountPrincipal;
import java.util.concurrent.Callable;
import org.hibernate.stat.Statistics;

/**
 * How many SQL statements a call prepares, for the tests that keep pages free of N+1 queries.
 * Hibernate counts the statements of every thread, and the server's own jobs run meanwhile (the
 * search index follower asks the database every second), so the call is measured three times and
 * the fewest count: the jobs' statements can only add to a measurement, never take from it.
 */
final class StatementCount {

  private StatementCount() {}

  /** The statements of {@code work} as {@code user}, after a first call that warms up. */
  static long of(TestData data, AccountPrincipal user, Callable<?> work) throws Exception {
    return TestSubjects.as(
        user,
        () -> {
          work.call(); // the realm reads the user's roles on the first call
          long fewest = Long.MAX_VALUE;
          Statistics statistics = null;
          for (int attempt = 0; attempt < 3; attempt++) {
            statistics = data.statistics();
            work.call();
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
          }
          statistics.setStatisticsEnabled(false);
          return fewest;
        });
  }
}
