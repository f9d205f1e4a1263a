package eu.smek.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smek.security.AccessDeniedException;
import eu.smek.shared.ConcurrentChangeException;
import jakarta.ejb.EJBException;
import jakarta.el.ELException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void findsTheBusinessRuleBehindContainerWrappers() {
    AccessDeniedException denied = new AccessDeniedException("audit:view");
    Throwable wrapped = new ELException(new EJBException(denied));
    assertThat(Failures.businessCause(wrapped)).containsSame(denied);
  }

  @Test
  void aLostOptimisticLockIsAConcurrentChange() {
    Throwable atCommit = new EJBException(new OptimisticLockException("stale"));
    assertThat(Failures.businessCause(atCommit))
        .get()
        .isInstanceOf(ConcurrentChangeException.class);
    assertThat(Failures.businessCause(new org.hibernate.StaleObjectStateException("Account", 1L)))
        .get()
        .isInstanceOf(ConcurrentChangeException.class);
  }

  @Test
  void aRowLockNotObtainedInTimeIsAConcurrentChange() {
    assertThat(
            Failures.businessCause(
                new EJBException(new jakarta.persistence.PessimisticLockException("held"))))
        .get()
        .isInstanceOf(ConcurrentChangeException.class);
    assertThat(Failures.businessCause(new jakarta.persistence.LockTimeoutException("held")))
        .get()
        .isInstanceOf(ConcurrentChangeException.class);
  }

  @Test
  void otherFailuresAreNotBusinessRules() {
    assertThat(Failures.businessCause(new IllegalStateException("bug"))).isEmpty();
    assertThat(Failures.invalidArguments(new IllegalStateException("bug"))).isEmpty();
  }

  @Test
  void findsInvalidArguments() {
    ConstraintViolationException invalid = new ConstraintViolationException("invalid", Set.of());
    assertThat(Failures.invalidArguments(new EJBException(invalid))).containsSame(invalid);
  }
}
