package eu.smek.membership;

import static eu.smek.security.Permissions.MEMBERSHIP_MANAGE;
import static eu.smek.security.Permissions.MEMBERSHIP_VIEW;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditService;
import eu.smek.infrastructure.FileStore;
import eu.smek.infrastructure.Upload;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.RequiresPermission;
import eu.smek.security.Subjects;
import eu.smek.shared.RecordNotFoundException;
import eu.smek.shared.StoredFile;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hibernate.Hibernate;

/**
 * The membership register: the network's organisations, their status and its history. Every status
 * change follows {@link MembershipLifecycle}, is recorded with its date, reason and document, and
 * is audited.
 */
@Stateless
public class MembershipService {

  /** Logos and coats of arms are kept at most this many pixels wide and high. */
  static final int LOGO_SIZE = 256;

  @PersistenceContext private EntityManager em;
  @Inject private FileStore files;
  @Inject private AuditService audit;

  /** All organisations, associations first, then by country and name. */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public List<Organisation> listOrganisations() {
    return em.createQuery(
            "select o from Organisation o left join fetch o.translatedNames"
                + " order by o.type, o.country, o.name",
            Organisation.class)
        .getResultList();
  }

  /** One organisation with its translated names, ready to be shown or edited detached. */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public Organisation getOrganisation(long id) {
    Organisation organisation = find(id);
    Hibernate.initialize(organisation.getTranslatedNames());
    return organisation;
  }

  /** Registers an organisation that is not yet in the network: a prospect. */
  @RequiresPermission(MEMBERSHIP_MANAGE)
  public Organisation createOrganisation(@NotNull @Valid Organisation organisation) {
    if (codeTaken(organisation.getCode())) {
      throw new OrganisationCodeTakenException(organisation.getCode());
    }
    organisation.setStatus(MembershipStatus.PROSPECT);
    em.persist(organisation);
    em.persist(
        new MembershipChange(
            organisation, null, MembershipStatus.PROSPECT, LocalDate.now(), null, null, actor()));
    audit.record(AuditAction.ORGANISATION_CREATED, target(organisation), organisation.getName());
    return organisation;
  }

  /**
   * Saves an organisation's details as edited from a copy read earlier; someone else's change in
   * the meantime is refused (optimistic locking) rather than overwritten. Status and membership
   * number only change through {@link #changeStatus}.
   */
  @RequiresPermission(MEMBERSHIP_MANAGE)
  public Organisation updateOrganisation(@NotNull @Valid Organisation edited) {
    Organisation current = find(edited.getId());
    edited.setStatus(current.getStatus());
    edited.setMembershipNumber(current.getMembershipNumber());
    edited.setLogo(current.getLogo());
    Organisation saved = em.merge(edited);
    em.flush();
    audit.record(AuditAction.ORGANISATION_CHANGED, target(saved), saved.getName());
    return saved;
  }

  /** Replaces the organisation's logo or coat of arms with an uploaded image. */
  @RequiresPermission(MEMBERSHIP_MANAGE)
  public Organisation changeLogo(long organisationId, @NotNull Upload image) {
    Organisation organisation = find(organisationId);
    organisation.setLogo(files.storeImage(image, LOGO_SIZE));
    audit.record(AuditAction.ORGANISATION_CHANGED, target(organisation), "logo");
    return organisation;
  }

  /** The logo as PNG bytes, if the organisation has one. */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public Optional<byte[]> logo(long organisationId) {
    return Optional.ofNullable(find(organisationId).getLogo()).map(files::read);
  }

  /**
   * Moves an organisation to another status, effective on a date (today if none), with the reason
   * and document the lifecycle asks for. The first admission gives the membership number.
   */
  @RequiresPermission(MEMBERSHIP_MANAGE)
  public MembershipChange changeStatus(
      long organisationId,
      @NotNull MembershipStatus to,
      LocalDate effectiveOn,
      @Size(max = 2000) String reason,
      Upload document) {
    Organisation organisation =
        em.find(Organisation.class, organisationId, LockModeType.PESSIMISTIC_WRITE);
    if (organisation == null) {
      throw new RecordNotFoundException(Organisation.class, organisationId);
    }
    MembershipStatus from = organisation.getStatus();
    if (!MembershipLifecycle.allows(from, to)) {
      throw new TransitionNotAllowedException(from, to);
    }
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why == null && MembershipLifecycle.needsReason(to)) {
      throw new ReasonRequiredException(to);
    }
    if (document == null && MembershipLifecycle.needsDocument(to)) {
      throw new DocumentRequiredException(to);
    }
    LocalDate effective = effectiveOn == null ? LocalDate.now() : effectiveOn;
    if (lastChange(organisation).map(c -> effective.isBefore(c.getEffectiveOn())).orElse(false)) {
      throw new EffectiveDateBeforeLastChangeException();
    }
    StoredFile stored =
        document == null ? null : files.store(document, FileStore.PDF, FileStore.DOCUMENT_LIMIT);
    if (to == MembershipStatus.MEMBER && organisation.getMembershipNumber() == null) {
      organisation.setMembershipNumber(nextMembershipNumber());
    }
    organisation.setStatus(to);
    MembershipChange change =
        new MembershipChange(organisation, from, to, effective, why, stored, actor());
    em.persist(change);
    audit.record(AuditAction.MEMBERSHIP_CHANGED, target(organisation), from + " -> " + to);
    return change;
  }

  /** The organisation's membership history, oldest first. */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public List<MembershipChange> history(long organisationId) {
    return em.createQuery(
            "select c from MembershipChange c left join fetch c.document"
                + " where c.organisation.id = :organisation order by c.effectiveOn, c.recordedAt, c.id",
            MembershipChange.class)
        .setParameter("organisation", organisationId)
        .getResultList();
  }

  /** A document of the membership register, for download by anyone who may see the register. */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public MembershipDocument document(long fileId) {
    StoredFile file =
        em.createQuery(
                "select c.document from MembershipChange c where c.document.id = :file",
                StoredFile.class)
            .setParameter("file", fileId)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new RecordNotFoundException(StoredFile.class, fileId));
    return new MembershipDocument(file.getName(), file.getContentType(), files.read(file));
  }

  private Organisation find(long id) {
    Organisation organisation = em.find(Organisation.class, id);
    if (organisation == null) {
      throw new RecordNotFoundException(Organisation.class, id);
    }
    return organisation;
  }

  private Optional<MembershipChange> lastChange(Organisation organisation) {
    return em.createQuery(
            "select c from MembershipChange c where c.organisation = :organisation"
                + " order by c.effectiveOn desc, c.recordedAt desc, c.id desc",
            MembershipChange.class)
        .setParameter("organisation", organisation)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private boolean codeTaken(String code) {
    return em.createQuery("select count(o) from Organisation o where o.code = :code", Long.class)
            .setParameter("code", code)
            .getSingleResult()
        > 0;
  }

  /** SMEK-014, SMEK-015, ...: numbers are never given twice, also on a cluster. */
  private String nextMembershipNumber() {
    Number next =
        (Number) em.createNativeQuery("select nextval('membership_number_seq')").getSingleResult();
    return String.format("SMEK-%03d", next.longValue());
  }

  private static String actor() {
    return Subjects.principal().map(AccountPrincipal::login).orElse(null);
  }

  private static String target(Organisation organisation) {
    return "organisation:" + organisation.getId();
  }
}
