package eu.smek.membership;

import static eu.smek.security.Permissions.MEMBERSHIP_MANAGE;
import static eu.smek.security.Permissions.MEMBERSHIP_MANAGE_CELL;
import static eu.smek.security.Permissions.MEMBERSHIP_MANAGE_WORKING_GROUPS;
import static eu.smek.security.Permissions.MEMBERSHIP_VIEW;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditService;
import eu.smek.infrastructure.FileStore;
import eu.smek.infrastructure.Like;
import eu.smek.infrastructure.Notifier;
import eu.smek.infrastructure.Upload;
import eu.smek.security.Account;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Guard;
import eu.smek.security.OrganisationScope;
import eu.smek.security.Permissions;
import eu.smek.security.RequiresPermission;
import eu.smek.security.Role;
import eu.smek.security.SecurityService;
import eu.smek.security.Subjects;
import eu.smek.shared.ConcurrentChangeException;
import eu.smek.shared.Language;
import eu.smek.shared.RecordNotFoundException;
import eu.smek.shared.SearchKeys;
import eu.smek.shared.StoredFile;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Hibernate;
import org.hibernate.jpa.HibernateHints;

/**
 * The membership register: the network's organisations, their status and its history. Every status
 * change follows {@link MembershipLifecycle}, is recorded with its date, reason and document, and
 * is audited. Also the towns' cooperation cells with their people (the directory), and working
 * groups of people from several member towns, whose changes are audited as well.
 */
@Stateless
public class MembershipService {

  /** Logos and coats of arms are kept at most this many pixels wide and high. */
  static final int LOGO_SIZE = 256;

  /** Photos of people, likewise. */
  static final int PHOTO_SIZE = 256;

  /** No page of the directory is longer, whatever a client asks for. */
  static final int DIRECTORY_PAGE_LIMIT = 200;

  private static final Set<CaseState> OPEN_STATES =
      EnumSet.copyOf(Arrays.stream(CaseState.values()).filter(CaseState::isOpen).toList());

  /** A group's members with the cells and towns they come from, to fetch with the group. */
  private static final String MEMBERS_WITH_TOWNS =
      "g.members m left join fetch m.cell c left join fetch c.organisation";

  /** The statuses of the organisations whose cells the directory lists. */
  private static final List<MembershipStatus> LISTED =
      List.of(MembershipStatus.MEMBER, MembershipStatus.SUSPENDED);

  @PersistenceContext private EntityManager em;
  @Inject private FileStore files;
  @Inject private AuditService audit;
  @Inject private Guard guard;
  @Inject private Notifier notifier;
  @Inject private SecurityService security;

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
   * and document the lifecycle asks for. The first admission gives the membership number and sets
   * up the cooperation cell.
   */
  @RequiresPermission(MEMBERSHIP_MANAGE)
  public MembershipChange changeStatus(
      long organisationId,
      @NotNull MembershipStatus to,
      LocalDate effectiveOn,
      @Size(max = 2000) String reason,
      Upload document) {
    Organisation organisation = lockOrganisation(organisationId);
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
    StoredFile stored =
        document == null ? null : files.store(document, FileStore.PDF, FileStore.DOCUMENT_LIMIT);
    return applyStatus(organisation, to, effectiveOn, why, stored);
  }

  /**
   * Records a status change the caller has checked against the lifecycle, on the organisation it
   * holds locked. The first admission gives the membership number and sets up the cell.
   */
  private MembershipChange applyStatus(
      Organisation organisation,
      MembershipStatus to,
      LocalDate effectiveOn,
      String why,
      StoredFile document) {
    MembershipStatus from = organisation.getStatus();
    LocalDate effective = effectiveOn == null ? LocalDate.now() : effectiveOn;
    if (lastChange(organisation).map(c -> effective.isBefore(c.getEffectiveOn())).orElse(false)) {
      throw new EffectiveDateBeforeLastChangeException();
    }
    if (to == MembershipStatus.MEMBER && organisation.getMembershipNumber() == null) {
      organisation.setMembershipNumber(nextMembershipNumber());
    }
    if (to == MembershipStatus.MEMBER && findCell(organisation.getId()).isEmpty()) {
      em.persist(new Cell(organisation, effective));
    }
    organisation.setStatus(to);
    MembershipChange change =
        new MembershipChange(organisation, from, to, effective, why, document, actor());
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

  /**
   * A document of the membership register, for download by anyone who may see the register; a
   * document of a membership case only for who handles the cases (it may hold a contact's data).
   */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public MembershipDocument document(long fileId) {
    StoredFile file =
        em.createQuery(
                "select c.document from MembershipChange c where c.document.id = :file",
                StoredFile.class)
            .setParameter("file", fileId)
            .getResultStream()
            .findFirst()
            .or(() -> caseDocument(fileId))
            .orElseThrow(() -> new RecordNotFoundException(StoredFile.class, fileId));
    return new MembershipDocument(file.getName(), file.getContentType(), files.read(file));
  }

  private Optional<StoredFile> caseDocument(long fileId) {
    if (!Subjects.isPermitted(MEMBERSHIP_MANAGE)) {
      return Optional.empty();
    }
    return em.createQuery(
            "select e.document from CaseEntry e where e.document.id = :file", StoredFile.class)
        .setParameter("file", fileId)
        .getResultStream()
        .findFirst();
  }

  // Membership cases: accession, suspension and withdrawal

  /**
   * Opens a case: a town's application to join (with the town council's resolution), or a proposal
   * to suspend a member or a member's notice to leave (with the reason). An accession makes the
   * town an applicant at once. One case per organisation is open at a time.
   */
  @RequiresPermission(MEMBERSHIP_MANAGE)
  public MembershipCase openCase(
      long organisationId,
      @NotNull CaseKind kind,
      @NotNull @Valid CaseContact contact,
      @Size(max = 4000) String statement,
      Upload document) {
    Organisation organisation = lockOrganisation(organisationId);
    MembershipStatus target =
        kind == CaseKind.ACCESSION ? MembershipStatus.APPLICANT : kind.outcome();
    if (!MembershipLifecycle.allows(organisation.getStatus(), target)) {
      throw new TransitionNotAllowedException(organisation.getStatus(), target);
    }
    if (!listCases(organisationId, true).isEmpty()) {
      throw new CaseAlreadyOpenException();
    }
    String text = trimmed(statement);
    if (text == null && kind != CaseKind.ACCESSION) {
      throw new ReasonRequiredException(kind.outcome());
    }
    if (document == null && kind == CaseKind.ACCESSION) {
      throw new CaseDocumentRequiredException("membership.case.resolutionRequired");
    }
    StoredFile stored =
        document == null ? null : files.store(document, FileStore.PDF, FileStore.DOCUMENT_LIMIT);
    if (kind == CaseKind.ACCESSION) {
      applyStatus(organisation, MembershipStatus.APPLICANT, null, text, stored);
    }
    MembershipCase opened = new MembershipCase(organisation, kind);
    opened.setContactName(contact.name().strip());
    opened.setContactPosition(trimmed(contact.position()));
    opened.setContactEmail(contact.email().strip());
    opened.setContactPhone(trimmed(contact.phone()));
    em.persist(opened);
    record(opened, CaseStep.OPENED, text, stored);
    tell(opened, CaseStep.OPENED, text);
    return opened;
  }

  /** A note of the reviewing associations; it goes to them, not to the town. */
  @RequiresPermission(MEMBERSHIP_MANAGE)
  public CaseEntry commentOnCase(long caseId, @NotBlank @Size(max = 4000) String comment) {
    MembershipCase subject = lockCase(caseId, CaseStep.COMMENTED);
    CaseEntry entry = record(subject, CaseStep.COMMENTED, comment.strip(), null);
    tell(subject, CaseStep.COMMENTED, comment.strip());
    return entry;
  }

  /** Asks the town's contact to complete the application; the request says what is missing. */
  @RequiresPermission(MEMBERSHIP_MANAGE)
  public MembershipCase requestCompletion(long caseId, @NotBlank @Size(max = 4000) String request) {
    MembershipCase subject = lockCase(caseId, CaseStep.COMPLETION_REQUESTED);
    subject.take(CaseStep.COMPLETION_REQUESTED);
    record(subject, CaseStep.COMPLETION_REQUESTED, request.strip(), null);
    tell(subject, CaseStep.COMPLETION_REQUESTED, request.strip());
    return subject;
  }

  /** Records what the town sent to complete its application: a text, a document or both. */
  @RequiresPermission(MEMBERSHIP_MANAGE)
  public MembershipCase supplementCase(
      long caseId, @Size(max = 4000) String text, Upload document) {
    MembershipCase subject = lockCase(caseId, CaseStep.SUPPLEMENTED);
    String supplement = trimmed(text);
    if (supplement == null && document == null) {
      throw new CaseDocumentRequiredException("membership.case.supplementEmpty");
    }
    StoredFile stored =
        document == null ? null : files.store(document, FileStore.PDF, FileStore.DOCUMENT_LIMIT);
    subject.take(CaseStep.SUPPLEMENTED);
    record(subject, CaseStep.SUPPLEMENTED, supplement, stored);
    tell(subject, CaseStep.SUPPLEMENTED, supplement);
    return subject;
  }

  /**
   * The associations' decision. A rejection says why; a rejected accession leaves the town
   * rejected. An approval waits for the signed document ({@link #completeCase}).
   */
  @RequiresPermission(MEMBERSHIP_MANAGE)
  public MembershipCase decideCase(long caseId, boolean approve, @Size(max = 2000) String reason) {
    CaseStep step = approve ? CaseStep.APPROVED : CaseStep.REJECTED;
    MembershipCase subject = lockCase(caseId, step);
    String why = trimmed(reason);
    if (!approve && why == null) {
      throw new ReasonRequiredException(MembershipStatus.REJECTED);
    }
    if (!approve && subject.getKind() == CaseKind.ACCESSION) {
      applyStatus(
          lockOrganisation(subject.getOrganisation().getId()),
          MembershipStatus.REJECTED,
          null,
          why,
          null);
    }
    subject.take(step);
    record(subject, step, why, null);
    tell(subject, step, why);
    return subject;
  }

  /**
   * Completes an approved case with its signed document (a PDF; the electronic signatures found in
   * it are recorded): the organisation gets the case's outcome. A new member gets its membership
   * number and cell, and the contact becomes the cell's coordinator, invited to get an account.
   */
  @RequiresPermission(MEMBERSHIP_MANAGE)
  public MembershipCase completeCase(long caseId, LocalDate effectiveOn, Upload signedDocument) {
    MembershipCase subject = lockCase(caseId, CaseStep.COMPLETED);
    if (signedDocument == null) {
      throw new CaseDocumentRequiredException("membership.case.signedDocumentRequired");
    }
    StoredFile stored = files.store(signedDocument, FileStore.PDF, FileStore.DOCUMENT_LIMIT);
    subject.getSignatures().addAll(SignedPdf.signatures(signedDocument.content()));
    Organisation organisation = lockOrganisation(subject.getOrganisation().getId());
    if (!MembershipLifecycle.allows(organisation.getStatus(), subject.getKind().outcome())) {
      throw new TransitionNotAllowedException(
          organisation.getStatus(), subject.getKind().outcome());
    }
    String reason =
        subject.getKind() == CaseKind.ACCESSION ? null : caseEntries(caseId).get(0).getText();
    applyStatus(organisation, subject.getKind().outcome(), effectiveOn, reason, stored);
    subject.take(CaseStep.COMPLETED);
    record(subject, CaseStep.COMPLETED, null, stored);
    if (subject.getKind() == CaseKind.ACCESSION) {
      welcomeCoordinator(subject);
    }
    tell(subject, CaseStep.COMPLETED, organisation.getMembershipNumber());
    return subject;
  }

  /** Cases, newest first: only the open ones, or all; of one organisation, or of all. */
  @RequiresPermission(MEMBERSHIP_MANAGE)
  public List<MembershipCase> listCases(Long organisationId, boolean openOnly) {
    TypedQuery<MembershipCase> query =
        em.createQuery(
            "select c from MembershipCase c join fetch c.organisation o where 1 = 1"
                + (organisationId == null ? "" : " and o.id = :organisation")
                + (openOnly ? " and c.state in :open" : "")
                + " order by c.openedAt desc, c.id desc",
            MembershipCase.class);
    if (organisationId != null) {
      query.setParameter("organisation", organisationId);
    }
    if (openOnly) {
      query.setParameter("open", OPEN_STATES);
    }
    return query.getResultList();
  }

  /** One case with its organisation and signatures, ready to be shown detached. */
  @RequiresPermission(MEMBERSHIP_MANAGE)
  public MembershipCase getCase(long caseId) {
    MembershipCase found = em.find(MembershipCase.class, caseId);
    if (found == null) {
      throw new RecordNotFoundException(MembershipCase.class, caseId);
    }
    Hibernate.initialize(found.getOrganisation());
    Hibernate.initialize(found.getSignatures());
    return found;
  }

  /** The case's steps, oldest first, with their documents. */
  @RequiresPermission(MEMBERSHIP_MANAGE)
  public List<CaseEntry> caseEntries(long caseId) {
    return em.createQuery(
            "select e from CaseEntry e left join fetch e.document"
                + " where e.membershipCase.id = :case order by e.recordedAt, e.id",
            CaseEntry.class)
        .setParameter("case", caseId)
        .getResultList();
  }

  /** The case, locked, so that two administrators' steps are taken one after the other. */
  private MembershipCase lockCase(long caseId, CaseStep step) {
    MembershipCase found = em.find(MembershipCase.class, caseId, LockModeType.PESSIMISTIC_WRITE);
    if (found == null) {
      throw new RecordNotFoundException(MembershipCase.class, caseId);
    }
    if (!found.getState().allows(step)) {
      throw new CaseStepNotAllowedException(step, found.getState());
    }
    return found;
  }

  private Organisation lockOrganisation(long organisationId) {
    Organisation organisation =
        em.find(Organisation.class, organisationId, LockModeType.PESSIMISTIC_WRITE);
    if (organisation == null) {
      throw new RecordNotFoundException(Organisation.class, organisationId);
    }
    return organisation;
  }

  private CaseEntry record(
      MembershipCase subject, CaseStep step, String text, StoredFile document) {
    CaseEntry entry = new CaseEntry(subject, step, text, document, actor());
    em.persist(entry);
    audit.record(
        AuditAction.MEMBERSHIP_CASE,
        "membership-case:" + subject.getId(),
        subject.getKind() + " " + step);
    return entry;
  }

  /**
   * Tells the people concerned: the associations' administrators (but not who took the step) and
   * the town's coordinator in the application and by e-mail; the case's contact by e-mail, except
   * for the administrators' internal comments.
   */
  private void tell(MembershipCase subject, CaseStep step, String text) {
    Organisation organisation = subject.getOrganisation();
    String link = "/membership/view-case?id=" + subject.getId();
    String details = text == null ? "" : text;
    Long actorId = Subjects.principal().map(AccountPrincipal::accountId).orElse(null);
    for (Account account : concernedAccounts(organisation, step)) {
      if (!account.getId().equals(actorId)) {
        notifier.notify(
            account,
            "notification.membershipCase",
            link,
            subject.getKind(),
            organisation.getName(),
            step,
            details);
      }
    }
    if (step != CaseStep.COMMENTED && step != CaseStep.SUPPLEMENTED) {
      notifier.mail(
          subject.getContactEmail(),
          Notifier.languageOf(organisation.getCountry()),
          "mail.membershipCase." + step.name(),
          null,
          subject.getContactName(),
          organisation.getName(),
          subject.getKind(),
          details);
    }
  }

  private List<Account> concernedAccounts(Organisation organisation, CaseStep step) {
    String coordinators =
        step == CaseStep.COMMENTED
            ? ""
            : " or (a.organisation = :organisation and r = :coordinator)";
    var query =
        em.createQuery(
                "select distinct a from Account a join a.roles r where a.active = true"
                    + " and (r = :administrator"
                    + coordinators
                    + ") order by a.id",
                Account.class)
            .setParameter("administrator", Role.ASSOCIATION_ADMINISTRATOR);
    if (!coordinators.isEmpty()) {
      query
          .setParameter("organisation", organisation)
          .setParameter("coordinator", Role.TOWN_COORDINATOR);
    }
    return query.getResultList();
  }

  /** The contact of an accepted town becomes its cell's coordinator, invited to get an account. */
  private void welcomeCoordinator(MembershipCase subject) {
    Cell cell = findCell(subject.getOrganisation().getId()).orElseThrow();
    boolean hasCoordinator =
        em.createQuery(
                    "select count(p) from Person p where p.cell = :cell and p.role = :coordinator",
                    Long.class)
                .setParameter("cell", cell)
                .setParameter("coordinator", CellRole.COORDINATOR)
                .getSingleResult()
            > 0;
    if (hasCoordinator) {
      return;
    }
    String[] names = subject.getContactName().strip().split("\\s+", 2);
    Person coordinator =
        new Person(cell, names[0], names.length > 1 ? names[1] : names[0], CellRole.COORDINATOR);
    coordinator.setPosition(subject.getContactPosition());
    coordinator.setEmail(subject.getContactEmail());
    coordinator.setPhone(subject.getContactPhone());
    em.persist(coordinator);
    em.flush();
    audit.record(AuditAction.PERSON_ADDED, target(coordinator), coordinator.getFullName());
    security.invite(coordinator.getId(), Role.TOWN_COORDINATOR);
  }

  private static String trimmed(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  // Cooperation cells and their people

  /** The cell of a member organisation (also of one suspended or withdrawn since). */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public Optional<Cell> findCell(long organisationId) {
    return em.createQuery(
            "select c from Cell c join fetch c.organisation where c.organisation.id = :organisation",
            Cell.class)
        .setParameter("organisation", organisationId)
        .getResultStream()
        .findFirst();
  }

  /** The cell's people: coordinator first, then deputies, then members, by name. */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public List<Person> people(long cellId) {
    return withDetails(
        em.createQuery(
                "select p from Person p join fetch p.cell c join fetch c.organisation"
                    + " where c.id = :cell order by p.role, p.familyName, p.givenName, p.id",
                Person.class)
            .setParameter("cell", cellId)
            .setHint(HibernateHints.HINT_READ_ONLY, true)
            .getResultList());
  }

  /** One person with their languages and topics, ready to be shown or edited detached. */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public Person getPerson(long id) {
    Person person = findPerson(id);
    withDetails(List.of(person));
    Hibernate.initialize(person.getCell().getOrganisation());
    return person;
  }

  /** Changes the cell's own details (its shared mailbox). */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public Cell updateCell(long organisationId, @Email @Size(max = 254) String email) {
    Cell cell =
        findCell(organisationId)
            .orElseThrow(() -> new RecordNotFoundException(Cell.class, organisationId));
    requireManageCell(cell, "updateCell");
    cell.setEmail(email == null || email.isBlank() ? null : email.strip());
    audit.record(AuditAction.CELL_CHANGED, cell.toSpaceRef().toString(), cell.getEmail());
    return cell;
  }

  /** Adds a person to the cell of an organisation. */
  @RequiresPermission(MEMBERSHIP_MANAGE_CELL)
  public Person addPerson(@OrganisationScope long organisationId, @NotNull @Valid Person person) {
    Cell cell =
        em.createQuery("select c from Cell c where c.organisation.id = :organisation", Cell.class)
            .setParameter("organisation", organisationId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new RecordNotFoundException(Cell.class, organisationId));
    person.setCell(cell);
    checkOneCoordinator(person);
    em.persist(person);
    audit.record(AuditAction.PERSON_ADDED, target(person), person.getFullName());
    return person;
  }

  /**
   * Saves a person as edited from a copy read earlier; someone else's change in the meantime is
   * refused. A person stays in their cell; who manages the cell edits them, and so do they
   * themselves, except for their role.
   */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public Person updatePerson(@NotNull @Valid Person edited) {
    Person current = findPerson(edited.getId());
    if (isOwnEntry(current)) {
      // Everyone corrects their own entry (GDPR Art. 16), but their role is the cell's to decide.
      edited.setRole(current.getRole());
    } else {
      requireManageCell(current.getCell(), "updatePerson");
    }
    em.lock(current.getCell(), LockModeType.PESSIMISTIC_WRITE);
    edited.setCell(current.getCell());
    edited.setPhoto(current.getPhoto());
    checkOneCoordinator(edited);
    Person saved = em.merge(edited);
    em.flush();
    audit.record(AuditAction.PERSON_CHANGED, target(saved), saved.getFullName());
    return saved;
  }

  /**
   * Removes a person from the directory with their photo. An account of theirs stays (it may be
   * deactivated separately) but no longer points at them.
   */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public void removePerson(long personId) {
    Person person = findPerson(personId);
    requireManageCell(person.getCell(), "removePerson");
    em.createQuery("update Account a set a.person = null where a.person = :person")
        .setParameter("person", person)
        .executeUpdate();
    leaveWorkingGroups(person);
    StoredFile photo = person.getPhoto();
    em.remove(person);
    if (photo != null) {
      files.delete(photo);
    }
    audit.record(AuditAction.PERSON_REMOVED, target(person), person.getFullName());
  }

  /** Replaces a person's photo with an uploaded image (kept as a small PNG). */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public Person changePhoto(long personId, @NotNull Upload image) {
    Person person = findPerson(personId);
    if (!isOwnEntry(person)) {
      requireManageCell(person.getCell(), "changePhoto");
    }
    StoredFile old = person.getPhoto();
    person.setPhoto(files.storeImage(image, PHOTO_SIZE));
    if (old != null) {
      files.delete(old);
    }
    audit.record(AuditAction.PERSON_CHANGED, target(person), "photo");
    return person;
  }

  /** The photo as PNG bytes, if the person has one. */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public Optional<byte[]> photo(long personId) {
    return Optional.ofNullable(findPerson(personId).getPhoto()).map(files::read);
  }

  // The directory

  /**
   * One page of the network's directory: people of the cells of member (and suspended) towns. Runs
   * four statements whatever the page size: count aside, the page with cell and organisation, and
   * the page's languages and topics.
   */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public List<Person> searchDirectory(@NotNull @Valid DirectoryQuery query, int first, int max) {
    TypedQuery<Person> select =
        em.createQuery(
            "select p from Person p join fetch p.cell c join fetch c.organisation o"
                + where(query)
                + orderBy(query),
            Person.class);
    bind(select, query);
    return withDetails(
        select
            .setHint(HibernateHints.HINT_READ_ONLY, true)
            .setFirstResult(Math.max(0, first))
            .setMaxResults(Math.min(Math.max(1, max), DIRECTORY_PAGE_LIMIT))
            .getResultList());
  }

  @RequiresPermission(MEMBERSHIP_VIEW)
  public long countDirectory(@NotNull @Valid DirectoryQuery query) {
    TypedQuery<Long> count =
        em.createQuery(
            "select count(p) from Person p join p.cell c join c.organisation o" + where(query),
            Long.class);
    bind(count, query);
    return count.getSingleResult();
  }

  /**
   * The towns whose cells the directory lists, to choose one from: id, name and country only, as
   * there are hundreds.
   */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public List<DirectoryTown> directoryTowns() {
    return em.createQuery(
            "select new eu.smek.membership.DirectoryTown(o.id, o.name, o.country)"
                + " from Organisation o where o.status in :active order by o.type, o.country, o.name",
            DirectoryTown.class)
        .setParameter("active", LISTED)
        .getResultList();
  }

  private static String where(DirectoryQuery query) {
    StringBuilder where = new StringBuilder(" where o.status in :active");
    if (query.text() != null) {
      where.append(
          " and (p.searchKey like :folded escape '\\' or o.searchKey like :folded escape '\\')");
    }
    if (query.organisationId() != null) {
      where.append(" and o.id = :organisation");
    }
    if (query.country() != null) {
      where.append(" and o.country = :country");
    }
    // Looks in the person's own languages: joining the person a second time made searches slower.
    if (query.language() != null) {
      where.append(" and exists (select 1 from p.languages l where l.language = :language)");
    }
    if (query.topic() != null) {
      where.append(" and :topic member of p.topics");
    }
    if (query.teleworkOnly()) {
      where.append(" and p.teleworkAvailable = true");
    }
    return where.toString();
  }

  private static String orderBy(DirectoryQuery query) {
    String direction = query.descending() ? " desc" : " asc";
    String name = "p.familyName" + direction + ", p.givenName" + direction;
    String order =
        switch (query.sort()) {
          case NAME -> name;
          case ORGANISATION -> "o.name" + direction + ", " + name;
          case COUNTRY -> "o.country" + direction + ", o.name, " + name;
          case ROLE -> "p.role" + direction + ", " + name;
        };
    return " order by " + order + ", p.id";
  }

  private static void bind(TypedQuery<?> select, DirectoryQuery query) {
    select.setParameter("active", LISTED);
    if (query.text() != null) {
      select.setParameter("folded", Like.contains(SearchKeys.fold(query.text())));
    }
    if (query.organisationId() != null) {
      select.setParameter("organisation", query.organisationId());
    }
    if (query.country() != null) {
      select.setParameter("country", query.country());
    }
    if (query.language() != null) {
      select.setParameter("language", query.language());
    }
    if (query.topic() != null) {
      select.setParameter("topic", query.topic());
    }
  }

  /**
   * Loads the languages and topics of the given people with one statement each. People read to be
   * shown are loaded read-only, so that Hibernate keeps no copy of each person, cell and
   * organisation to compare at every flush, which it does before every statement of a search.
   */
  private List<Person> withDetails(List<Person> people) {
    if (!people.isEmpty()) {
      List<Long> ids = people.stream().map(Person::getId).toList();
      em.createQuery(
              "select distinct p from Person p left join fetch p.languages where p.id in :ids",
              Person.class)
          .setParameter("ids", ids)
          .setHint(HibernateHints.HINT_READ_ONLY, true)
          .getResultList();
      em.createQuery(
              "select distinct p from Person p left join fetch p.topics where p.id in :ids",
              Person.class)
          .setParameter("ids", ids)
          .setHint(HibernateHints.HINT_READ_ONLY, true)
          .getResultList();
    }
    return people;
  }

  // Working groups

  /**
   * The working groups that match the query, with names, coordinator and members; three statements
   * however many groups and members there are.
   */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public List<WorkingGroup> listWorkingGroups(@NotNull @Valid WorkingGroupQuery query) {
    List<String> conditions = new ArrayList<>();
    if (query.status() != null) {
      conditions.add("g.status = :status");
    }
    if (query.topic() != null) {
      conditions.add("g.topic = :topic");
    }
    if (query.text() != null) {
      conditions.add("g.searchKey like :text escape '\\'");
    }
    TypedQuery<WorkingGroup> select =
        em.createQuery(
            "select g from WorkingGroup g left join fetch g.coordinator p"
                + " left join fetch p.cell c left join fetch c.organisation"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by g.id",
            WorkingGroup.class);
    if (query.status() != null) {
      select.setParameter("status", query.status());
    }
    if (query.topic() != null) {
      select.setParameter("topic", query.topic());
    }
    if (query.text() != null) {
      select.setParameter("text", Like.contains(SearchKeys.fold(query.text())));
    }
    List<WorkingGroup> groups = select.getResultList();
    if (!groups.isEmpty()) {
      fetch(groups, "g.names");
      fetch(groups, MEMBERS_WITH_TOWNS);
    }
    return groups;
  }

  /** One working group with its names, descriptions, coordinator and members (with their towns). */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public WorkingGroup getWorkingGroup(long id) {
    WorkingGroup group = findWorkingGroup(id);
    fetch(List.of(group), "g.names");
    fetch(List.of(group), "g.descriptions");
    fetch(List.of(group), MEMBERS_WITH_TOWNS);
    return group;
  }

  /** Sets up a working group, active and without members yet. */
  @RequiresPermission(MEMBERSHIP_MANAGE_WORKING_GROUPS)
  public WorkingGroup createWorkingGroup(@NotNull @Valid WorkingGroup group) {
    requireName(group);
    group.setStatus(WorkingGroupStatus.ACTIVE);
    group.setCoordinator(null);
    group.getMembers().clear();
    em.persist(group);
    em.flush();
    audit.record(AuditAction.WORKING_GROUP_CREATED, target(group), group.getName());
    return group;
  }

  /**
   * Saves a working group's names, descriptions and topic as edited from a copy read earlier;
   * someone else's change in the meantime (also to its members) is refused, not overwritten.
   */
  @RequiresPermission(MEMBERSHIP_MANAGE_WORKING_GROUPS)
  public WorkingGroup updateWorkingGroup(@NotNull @Valid WorkingGroup edited) {
    if (edited.getId() == null) {
      throw new RecordNotFoundException(WorkingGroup.class, null);
    }
    WorkingGroup group = lockWorkingGroup(edited.getId());
    requireOpen(group);
    if (group.getVersion() != edited.getVersion()) {
      throw new ConcurrentChangeException();
    }
    requireName(edited);
    for (Language language : Language.values()) {
      group.setName(language, edited.getNames().get(language));
      group.setDescription(language, edited.getDescriptions().get(language));
    }
    group.setTopic(edited.getTopic());
    em.flush();
    audit.record(AuditAction.WORKING_GROUP_CHANGED, target(group), group.getName());
    return group;
  }

  /** Pauses, closes or reopens a working group, as {@link WorkingGroupStatus} allows. */
  @RequiresPermission(MEMBERSHIP_MANAGE_WORKING_GROUPS)
  public WorkingGroup changeWorkingGroupStatus(long groupId, @NotNull WorkingGroupStatus to) {
    WorkingGroup group = lockWorkingGroup(groupId);
    WorkingGroupStatus from = group.getStatus();
    if (!from.allows(to)) {
      throw new WorkingGroupTransitionNotAllowedException(from, to);
    }
    group.setStatus(to);
    em.flush();
    audit.record(AuditAction.WORKING_GROUP_STATUS_CHANGED, target(group), from + " -> " + to);
    return group;
  }

  /**
   * Adds someone from the directory to a working group; they must work for a member organisation.
   * Association administrators and the group's coordinator do this.
   */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public WorkingGroup addWorkingGroupMember(long groupId, long personId) {
    WorkingGroup group = lockWorkingGroup(groupId);
    requireManageMembers(group, "addWorkingGroupMember");
    requireOpen(group);
    Person person = findPerson(personId);
    Organisation organisation = person.getCell().getOrganisation();
    if (organisation.getStatus() != MembershipStatus.MEMBER) {
      throw new NotFromAMemberOrganisationException(person.getFullName(), organisation.getName());
    }
    if (group.hasMember(personId)) {
      throw new AlreadyAGroupMemberException(person.getFullName());
    }
    group.getMembers().add(person);
    em.flush();
    audit.record(
        AuditAction.WORKING_GROUP_MEMBER_ADDED,
        target(group),
        target(person) + " " + person.getFullName());
    return group;
  }

  /** Removes a member; the coordinator stays until another member is named coordinator. */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public WorkingGroup removeWorkingGroupMember(long groupId, long personId) {
    WorkingGroup group = lockWorkingGroup(groupId);
    requireManageMembers(group, "removeWorkingGroupMember");
    requireOpen(group);
    Person person = findPerson(personId);
    if (group.isCoordinator(personId)) {
      throw new CoordinatorCannotLeaveException(person.getFullName());
    }
    if (!group.getMembers().remove(person)) {
      throw new NotAGroupMemberException(person.getFullName());
    }
    em.flush();
    audit.record(
        AuditAction.WORKING_GROUP_MEMBER_REMOVED,
        target(group),
        target(person) + " " + person.getFullName());
    return group;
  }

  /** Names one of the members the group's coordinator. */
  @RequiresPermission(MEMBERSHIP_MANAGE_WORKING_GROUPS)
  public WorkingGroup nameWorkingGroupCoordinator(long groupId, long personId) {
    WorkingGroup group = lockWorkingGroup(groupId);
    requireOpen(group);
    Person person = findPerson(personId);
    if (!group.hasMember(personId)) {
      throw new CoordinatorNotAMemberException(person.getFullName());
    }
    group.setCoordinator(person);
    em.flush();
    audit.record(
        AuditAction.WORKING_GROUP_COORDINATOR_NAMED,
        target(group),
        target(person) + " " + person.getFullName());
    return group;
  }

  /** Whether the current user may add and remove the group's members: to offer them the forms. */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public boolean mayManageWorkingGroupMembers(long groupId) {
    return Subjects.isPermitted(MEMBERSHIP_MANAGE_WORKING_GROUPS)
        || coordinatedByCurrentUser(findWorkingGroup(groupId));
  }

  /** Loads a collection of each of the groups, in one statement for all of them. */
  private void fetch(List<WorkingGroup> groups, String association) {
    em.createQuery(
            "select distinct g from WorkingGroup g left join fetch "
                + association
                + " where g in :groups",
            WorkingGroup.class)
        .setParameter("groups", groups)
        .getResultList();
  }

  /**
   * Takes a person who leaves the directory out of their working groups. A group they coordinated
   * has no coordinator until an administrator names another member; the audit log says so.
   */
  private void leaveWorkingGroups(Person person) {
    List<WorkingGroup> groups =
        em.createQuery(
                "select g from WorkingGroup g where :person member of g.members"
                    + " or g.coordinator = :person",
                WorkingGroup.class)
            .setParameter("person", person)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    for (WorkingGroup group : groups) {
      if (group.isCoordinator(person.getId())) {
        group.setCoordinator(null);
      }
      group.getMembers().remove(person);
      audit.record(
          AuditAction.WORKING_GROUP_MEMBER_REMOVED,
          target(group),
          target(person) + " " + person.getFullName());
    }
    em.flush();
  }

  private WorkingGroup findWorkingGroup(long id) {
    return em.createQuery(
            "select g from WorkingGroup g left join fetch g.coordinator p"
                + " left join fetch p.cell c left join fetch c.organisation where g.id = :id",
            WorkingGroup.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new RecordNotFoundException(WorkingGroup.class, id));
  }

  /** The group, locked, so that concurrent changes of its members happen one after another. */
  private WorkingGroup lockWorkingGroup(long id) {
    WorkingGroup group = em.find(WorkingGroup.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (group == null) {
      throw new RecordNotFoundException(WorkingGroup.class, id);
    }
    return group;
  }

  private static void requireName(WorkingGroup group) {
    if (group.getNames().isEmpty()) {
      throw new WorkingGroupNameRequiredException();
    }
  }

  private static void requireOpen(WorkingGroup group) {
    if (group.getStatus() == WorkingGroupStatus.CLOSED) {
      throw new WorkingGroupClosedException();
    }
  }

  /**
   * Association administrators manage every group's members, its coordinator those of the group.
   */
  private void requireManageMembers(WorkingGroup group, String operation) {
    if (!coordinatedByCurrentUser(group)) {
      guard.require(MEMBERSHIP_MANAGE_WORKING_GROUPS, "MembershipService." + operation);
    }
  }

  /** Whether the signed-in user is the group's coordinator (their account points at them). */
  private boolean coordinatedByCurrentUser(WorkingGroup group) {
    Person coordinator = group.getCoordinator();
    return coordinator != null && isOwnEntry(coordinator);
  }

  private static String target(WorkingGroup group) {
    return group.toSpaceRef().toString();
  }

  private Person findPerson(long id) {
    Person person = em.find(Person.class, id);
    if (person == null) {
      throw new RecordNotFoundException(Person.class, id);
    }
    return person;
  }

  /** Whether the person is the signed-in user's own entry in the directory. */
  private boolean isOwnEntry(Person person) {
    return Subjects.principal()
        .map(
            principal ->
                em.createQuery(
                            "select count(a) from Account a where a.id = :account and a.person = :person",
                            Long.class)
                        .setParameter("account", principal.accountId())
                        .setParameter("person", person)
                        .getSingleResult()
                    > 0)
        .orElse(false);
  }

  private void requireManageCell(Cell cell, String operation) {
    guard.require(
        Permissions.scoped(MEMBERSHIP_MANAGE_CELL, cell.getOrganisation().getId()),
        "MembershipService." + operation);
  }

  /** A cell has one coordinator; the caller holds the cell's lock, so two cannot race past this. */
  private void checkOneCoordinator(Person person) {
    if (person.getRole() != CellRole.COORDINATOR) {
      return;
    }
    em.createQuery(
            "select p from Person p where p.cell = :cell and p.role = :coordinator", Person.class)
        .setParameter("cell", person.getCell())
        .setParameter("coordinator", CellRole.COORDINATOR)
        .getResultStream()
        .filter(coordinator -> !coordinator.getId().equals(person.getId()))
        .findFirst()
        .ifPresent(
            coordinator -> {
              throw new CoordinatorAlreadyNamedException(coordinator.getFullName());
            });
  }

  private static String target(Person person) {
    return "person:" + person.getId();
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
