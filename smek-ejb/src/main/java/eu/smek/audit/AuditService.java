package eu.smek.audit;

import static eu.smek.security.Permissions.AUDIT_VIEW;

import eu.smek.infrastructure.Like;
import eu.smek.infrastructure.RequestOrigin;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.RequiresPermission;
import eu.smek.security.Subjects;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes and searches the append-only audit log. */
@Stateless
public class AuditService {

  private static final int DETAILS_LENGTH = 2000;

  @PersistenceContext private EntityManager em;
  @Inject private RequestOrigin origin;
  @Inject private BeanManager beans;

  /** Records an action of the signed-in user (or of the system) in the caller's transaction. */
  public void record(AuditAction action, String target, String details) {
    record(Subjects.principal().map(AccountPrincipal::login).orElse(null), action, target, details);
  }

  /** Records an action of a named actor, e.g. a login name that failed to sign in. */
  public void record(String actor, AuditAction action, String target, String details) {
    em.persist(
        new AuditEntry(
            Instant.now(),
            truncate(actor, 254),
            action,
            truncate(target, 200),
            truncate(details, DETAILS_LENGTH),
            originAddress()));
  }

  /** Records an action that must stay on record even though the caller's transaction rolls back. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordIndependently(AuditAction action, String target, String details) {
    record(action, target, details);
  }

  @RequiresPermission(AUDIT_VIEW)
  public List<AuditEntry> search(AuditQuery query, int first, int max) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<AuditEntry> select = cb.createQuery(AuditEntry.class);
    Root<AuditEntry> entry = select.from(AuditEntry.class);
    select
        .where(conditions(cb, entry, query))
        .orderBy(cb.desc(entry.get("occurredAt")), cb.desc(entry.get("id")));
    TypedQuery<AuditEntry> page = em.createQuery(select);
    return page.setFirstResult(Math.max(0, first))
        .setMaxResults(Math.min(Math.max(1, max), 500))
        .getResultList();
  }

  @RequiresPermission(AUDIT_VIEW)
  public long count(AuditQuery query) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> select = cb.createQuery(Long.class);
    Root<AuditEntry> entry = select.from(AuditEntry.class);
    select.select(cb.count(entry)).where(conditions(cb, entry, query));
    return em.createQuery(select).getSingleResult();
  }

  private static Predicate[] conditions(CriteriaBuilder cb, Root<AuditEntry> entry, AuditQuery q) {
    List<Predicate> conditions = new ArrayList<>();
    if (q.actor() != null && !q.actor().isBlank()) {
      conditions.add(cb.like(cb.lower(entry.get("actor")), Like.contains(q.actor()), '\\'));
    }
    if (q.action() != null) {
      conditions.add(cb.equal(entry.get("action"), q.action()));
    }
    if (q.from() != null) {
      conditions.add(cb.greaterThanOrEqualTo(entry.get("occurredAt"), q.from()));
    }
    if (q.to() != null) {
      conditions.add(cb.lessThan(entry.get("occurredAt"), q.to()));
    }
    if (q.text() != null && !q.text().isBlank()) {
      String pattern = Like.contains(q.text());
      conditions.add(
          cb.or(
              cb.like(cb.lower(entry.get("target")), pattern, '\\'),
              cb.like(cb.lower(entry.get("details")), pattern, '\\')));
    }
    return conditions.toArray(Predicate[]::new);
  }

  /** The client's address; there is none at start-up or in a timer, where no request is active. */
  private String originAddress() {
    try {
      beans.getContext(RequestScoped.class);
      return origin.address();
    } catch (ContextNotActiveException noRequest) {
      return null;
    }
  }

  private static String truncate(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }
}
