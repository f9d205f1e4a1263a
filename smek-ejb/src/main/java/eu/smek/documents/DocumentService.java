package eu.smek.documents;

import static eu.smek.security.Permissions.DOCUMENTS_MANAGE;
import static eu.smek.security.Permissions.DOCUMENTS_USE;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditService;
import eu.smek.infrastructure.Like;
import eu.smek.membership.Cell;
import eu.smek.membership.MembershipStatus;
import eu.smek.membership.Organisation;
import eu.smek.membership.SpaceMembership;
import eu.smek.membership.WorkingGroup;
import eu.smek.membership.WorkingGroupStatus;
import eu.smek.operations.ApplicationMetrics;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.Account;
import eu.smek.security.RequiresPermission;
import eu.smek.security.Role;
import eu.smek.security.RolePermissions;
import eu.smek.security.Subjects;
import eu.smek.shared.ConcurrentChangeException;
import eu.smek.shared.RecordNotFoundException;
import eu.smek.shared.SearchKeys;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.shiro.authz.permission.WildcardPermission;

/**
 * Document libraries: libraries and folders of spaces, uploads and versions, check-out, metadata,
 * approval rounds and language versions. Every method decides from the library's visibility and the
 * user's place in its space what the user may do; a document the user may not read is reported as
 * not found, so that other towns do not even learn it exists.
 */
@Stateless
public class DocumentService {

  private static final Logger LOG = Logger.getLogger(DocumentService.class.getName());

  /** Blobs younger than this are spared by the clean-up: their upload may not have committed. */
  static final Duration ORPHAN_GRACE = Duration.ofHours(6);

  @PersistenceContext private EntityManager em;
  @Inject private DocumentStorage storage;
  @Inject private SpaceMembership spaces;
  @Inject private AuditService audit;
  @Inject private Event<VersionStored> versionStored;
  @Inject private Event<ApplicationMetrics.Uploaded> uploaded;
  @Resource private TransactionSynchronizationRegistry transaction;

  // Libraries and folders

  /** The libraries the user may read: of their spaces, open to the network, or all for managers. */
  @RequiresPermission(DOCUMENTS_USE)
  public List<LibrarySummary> listLibraries() {
    Set<Library> libraries = new HashSet<>();
    if (Subjects.isPermitted(DOCUMENTS_MANAGE)) {
      libraries.addAll(em.createQuery("select l from Library l", Library.class).getResultList());
    } else {
      libraries.addAll(
          em.createQuery("select l from Library l where l.visibility <> :private", Library.class)
              .setParameter("private", Visibility.PRIVATE)
              .getResultList());
      for (SpaceRef space : spaces.spacesOf(me())) {
        libraries.addAll(inSpace(space));
      }
    }
    return libraries.stream()
        .map(library -> new LibrarySummary(library, spaceName(library), rightIn(library, null)))
        .filter(summary -> summary.right() != LibraryRight.NONE)
        .sorted(
            Comparator.comparing(LibrarySummary::spaceName)
                .thenComparing(summary -> summary.library().getName()))
        .toList();
  }

  /** The space's libraries that the user may read. */
  @RequiresPermission(DOCUMENTS_USE)
  public List<Library> librariesOf(@NotNull SpaceRef space) {
    return inSpace(space).stream()
        .filter(library -> rightIn(library, null) != LibraryRight.NONE)
        .toList();
  }

  private List<Library> inSpace(SpaceRef space) {
    return em.createQuery(
            "select l from Library l where l.space.type = :type and l.space.id = :id"
                + " order by l.name",
            Library.class)
        .setParameter("type", space.getType())
        .setParameter("id", space.getId())
        .getResultList();
  }

  /** Sets up a library for a space; its coordinators and the association's managers may. */
  @RequiresPermission(DOCUMENTS_USE)
  public Library createLibrary(
      @NotNull SpaceRef space,
      @NotBlank @Size(max = Library.NAME_LENGTH) String name,
      @Size(max = Library.DESCRIPTION_LENGTH) String description,
      @NotNull Visibility visibility) {
    if (!space.getType().holdsLibraries()) {
      throw new RecordNotFoundException(SpaceRef.class, space);
    }
    String spaceName = spaces.nameOf(space);
    if (!Subjects.isPermitted(DOCUMENTS_MANAGE) && !spaces.coordinates(space, me())) {
      refuse("DocumentService.createLibrary", space.toString());
    }
    Library library = new Library(space, name.strip(), visibility);
    library.setDescription(blankToNull(description));
    em.persist(library);
    audit.record(
        AuditAction.LIBRARY_CREATED, target(library), spaceName + ": " + library.getName());
    return library;
  }

  /**
   * Changes a library's name, description, visibility and rights, unless someone changed it since
   * {@code expectedVersion} was read.
   */
  @RequiresPermission(DOCUMENTS_USE)
  public Library updateLibrary(
      long libraryId,
      long expectedVersion,
      @NotBlank @Size(max = Library.NAME_LENGTH) String name,
      @Size(max = Library.DESCRIPTION_LENGTH) String description,
      @NotNull Visibility visibility,
      @NotNull Map<Role, LibraryRight> rights) {
    Library library = library(libraryId, LibraryRight.MANAGE);
    if (library.getVersion() != expectedVersion) {
      throw new ConcurrentChangeException();
    }
    library.setName(name.strip());
    library.setDescription(blankToNull(description));
    library.setVisibility(visibility);
    library.getRights().clear();
    library.getRights().putAll(rights);
    audit.record(
        AuditAction.LIBRARY_CHANGED,
        target(library),
        library.getName() + ", " + visibility + ", " + library.getRights());
    return library;
  }

  @RequiresPermission(DOCUMENTS_USE)
  public Folder createFolder(
      long libraryId,
      Long parentId,
      @NotBlank @Size(max = Library.NAME_LENGTH) String name,
      Visibility visibility) {
    Library library = library(libraryId, LibraryRight.MANAGE);
    Folder parent = parentId == null ? null : folderOf(library, parentId);
    Folder folder = new Folder(library, parent, name.strip(), visibility);
    em.persist(folder);
    audit.record(AuditAction.FOLDER_CREATED, target(library), folder.getName());
    return folder;
  }

  /** A library or one of its folders as the user sees it. */
  public LibraryContents contents(long libraryId, Long folderId) {
    Library library = findLibrary(libraryId);
    Folder folder = folderId == null ? null : folderOf(library, folderId);
    LibraryRight right = rightIn(library, folder);
    requireRight(right, LibraryRight.READ, library, "DocumentService.contents");
    List<Folder> path = new ArrayList<>();
    for (Folder f = folder; f != null; f = f.getParent()) {
      path.add(0, f);
    }
    List<Folder> folders =
        (folder == null
                ? em.createQuery(
                        "select f from Folder f where f.library = :library and f.parent is null"
                            + " order by f.name",
                        Folder.class)
                    .setParameter("library", library)
                : em.createQuery(
                        "select f from Folder f where f.parent = :parent order by f.name",
                        Folder.class)
                    .setParameter("parent", folder))
            .getResultStream()
            .filter(f -> rightIn(library, f) != LibraryRight.NONE)
            .toList();
    List<Document> documents =
        (folder == null
                ? em.createQuery(
                        "select distinct d from Document d left join fetch d.versions"
                            + " where d.library = :library and d.folder is null order by d.title",
                        Document.class)
                    .setParameter("library", library)
                : em.createQuery(
                        "select distinct d from Document d left join fetch d.versions"
                            + " where d.folder = :folder order by d.title",
                        Document.class)
                    .setParameter("folder", folder))
            .getResultList();
    return new LibraryContents(
        library, spaceName(library), folder, path, folders, documents, right);
  }

  // Documents and versions

  /**
   * Adds a document with its first version. The content is streamed to the blob store and checked
   * there; if anything fails, neither the document nor the file remains.
   */
  @RequiresPermission(DOCUMENTS_USE)
  public Document upload(
      long libraryId,
      Long folderId,
      @NotNull @Valid DocumentDraft draft,
      @Size(max = DocumentVersion.COMMENT_LENGTH) String comment,
      @NotNull NamedContent file) {
    Library library = findLibrary(libraryId);
    Folder folder = folderId == null ? null : folderOf(library, folderId);
    requireRight(rightIn(library, folder), LibraryRight.UPLOAD, library, "DocumentService.upload");
    Document document =
        new Document(library, folder, draft.title(), draft.type(), draft.language());
    draft.applyTo(document);
    DocumentVersion version = document.addVersion(store(file), blankToNull(comment), author());
    em.persist(document);
    em.flush();
    audit.record(
        AuditAction.DOCUMENT_ADDED,
        target(document),
        document.getTitle() + ": " + version.getFileName());
    versionStored.fire(new VersionStored(version.getId()));
    uploaded.fire(new ApplicationMetrics.Uploaded(document.getId()));
    return document;
  }

  /**
   * Adds a new version of a document. Refused while someone else has it checked out: checked before
   * the upload is read, and again, with the document locked, before the version is added.
   */
  @RequiresPermission(DOCUMENTS_USE)
  public DocumentVersion addVersion(
      long documentId,
      @Size(max = DocumentVersion.COMMENT_LENGTH) String comment,
      @NotNull NamedContent file) {
    Document document = document(documentId, LibraryRight.UPLOAD, false);
    Author author = author();
    document.requireNotLockedByOther(author);
    StoredContent content = store(file);
    lockAndReread(document);
    DocumentVersion version = document.addVersion(content, blankToNull(comment), author());
    em.flush();
    audit.record(
        AuditAction.DOCUMENT_VERSION_ADDED,
        target(document),
        version.getNumber() + ": " + version.getFileName());
    versionStored.fire(new VersionStored(version.getId()));
    uploaded.fire(new ApplicationMetrics.Uploaded(documentId));
    return version;
  }

  /** Brings an older version back as the newest one. */
  @RequiresPermission(DOCUMENTS_USE)
  public DocumentVersion restoreVersion(
      long documentId, int number, @Size(max = DocumentVersion.COMMENT_LENGTH) String comment) {
    Document document = document(documentId, LibraryRight.UPLOAD, true);
    DocumentVersion version = document.restore(number, blankToNull(comment), author());
    em.flush();
    audit.record(
        AuditAction.DOCUMENT_VERSION_ADDED,
        target(document),
        version.getNumber() + ": restored " + number);
    versionStored.fire(new VersionStored(version.getId()));
    return version;
  }

  /** A document the user may read, with its versions and their approvals. */
  public Document getDocument(long documentId) {
    Document document = document(documentId, LibraryRight.READ, false);
    document.getVersions().forEach(version -> version.getApprovals().size());
    return document;
  }

  /** What the user may do with the document. */
  public LibraryRight rightOn(long documentId) {
    Document document = document(documentId, LibraryRight.READ, false);
    return rightIn(document.getLibrary(), document.getFolder());
  }

  /** Changes the metadata, unless someone changed the document since {@code expectedVersion}. */
  @RequiresPermission(DOCUMENTS_USE)
  public Document updateMetadata(
      long documentId, long expectedVersion, @NotNull @Valid DocumentDraft draft) {
    Document document = document(documentId, LibraryRight.UPLOAD, true);
    if (document.getVersion() != expectedVersion) {
      throw new ConcurrentChangeException();
    }
    Author author = author();
    document.requireNotLockedByOther(author);
    draft.applyTo(document);
    document.touch(author.at());
    audit.record(AuditAction.DOCUMENT_CHANGED, target(document), document.getTitle());
    return document;
  }

  @RequiresPermission(DOCUMENTS_USE)
  public void deleteDocument(long documentId) {
    Document document = document(documentId, LibraryRight.MANAGE, true);
    em.remove(document);
    audit.record(AuditAction.DOCUMENT_DELETED, target(document), document.getTitle());
  }

  // Check-out

  @RequiresPermission(DOCUMENTS_USE)
  public Document checkOut(long documentId) {
    Document document = document(documentId, LibraryRight.UPLOAD, true);
    document.checkOut(author(), storage.lockDuration());
    audit.record(AuditAction.DOCUMENT_CHECKED_OUT, target(document), document.getTitle());
    return document;
  }

  @RequiresPermission(DOCUMENTS_USE)
  public Document checkIn(long documentId) {
    Document document = document(documentId, LibraryRight.UPLOAD, true);
    document.checkIn(author());
    audit.record(AuditAction.DOCUMENT_CHECKED_IN, target(document), document.getTitle());
    return document;
  }

  /** A manager ends someone else's check-out; the audit log says whose it was. */
  @RequiresPermission(DOCUMENTS_USE)
  public Document breakLock(long documentId) {
    Document document = document(documentId, LibraryRight.MANAGE, true);
    CheckOut broken = document.breakLock(Instant.now());
    audit.record(
        AuditAction.DOCUMENT_LOCK_BROKEN,
        target(document),
        broken.getHolderName() + " since " + broken.getSince());
    return document;
  }

  // Approval

  /**
   * Asks people (by account) and organisations (through their coordinators) to approve the current
   * version; they may read the document from then on, whatever the library's visibility.
   */
  @RequiresPermission(DOCUMENTS_USE)
  public DocumentVersion submitForApproval(
      long documentId, int number, @NotNull @Size(min = 1, max = 50) List<Approver> approvers) {
    Document document = document(documentId, LibraryRight.UPLOAD, true);
    List<Approver> named = approvers.stream().map(this::named).toList();
    document.submitForApproval(number, named);
    audit.record(
        AuditAction.DOCUMENT_APPROVAL_REQUESTED,
        target(document),
        number + ": " + named.stream().map(Approver::name).toList());
    return document.getVersion(number);
  }

  /** The approver (or, for an organisation, its coordinator) approves or rejects. */
  @RequiresPermission(DOCUMENTS_USE)
  public DocumentVersion decide(
      long approvalId, boolean approve, @Size(max = Approval.COMMENT_LENGTH) String comment) {
    Approval approval = em.find(Approval.class, approvalId);
    if (approval == null) {
      throw new RecordNotFoundException(Approval.class, approvalId);
    }
    Account me = me();
    if (!answers(approval, me)) {
      throw new ApprovalNotAllowedException("documents.approval.rule.notYours");
    }
    Document document = approval.getVersion().getDocument();
    lockAndReread(document);
    int number = approval.getVersion().getNumber();
    document.decide(
        number, approval, approve, blankToNull(comment), me.getDisplayName(), Instant.now());
    audit.record(
        AuditAction.DOCUMENT_APPROVAL_DECIDED,
        target(document),
        number + ": " + approval.getApproverName() + " " + approval.getDecision());
    return approval.getVersion();
  }

  /** The approvals waiting for the user's answer, or their town's. */
  @RequiresPermission(DOCUMENTS_USE)
  public List<Approval> myPendingApprovals() {
    Account me = me();
    return em.createQuery(
            "select a from Approval a join fetch a.version v join fetch v.document"
                + " where a.decision = :pending and v.approvalState = :open and ((a.kind = :account"
                + " and a.approverId = :me) or (a.kind = :organisation and a.approverId = :town"
                + " and :coordinator = true)) order by v.createdAt",
            Approval.class)
        .setParameter("pending", Decision.PENDING)
        .setParameter("open", ApprovalState.PENDING)
        .setParameter("account", ApproverKind.ACCOUNT)
        .setParameter("organisation", ApproverKind.ORGANISATION)
        .setParameter("me", me.getId())
        .setParameter("town", me.getOrganisation().getId())
        .setParameter("coordinator", me.getRoles().contains(Role.TOWN_COORDINATOR))
        .getResultList();
  }

  // Language versions

  /** Links two documents (and the groups they are in) as the same text in other languages. */
  @RequiresPermission(DOCUMENTS_USE)
  public void linkLanguageVersions(long documentId, long otherId) {
    Document document = document(documentId, LibraryRight.UPLOAD, true);
    Document other = document(otherId, LibraryRight.UPLOAD, true);
    List<Document> joining = group(other);
    Set<eu.smek.shared.Language> languages = new HashSet<>();
    for (Document member : group(document)) {
      languages.add(member.getLanguage());
    }
    for (Document member : joining) {
      if (!member.getId().equals(documentId) && !languages.add(member.getLanguage())) {
        throw new LanguageTakenException(member.getLanguage());
      }
    }
    long groupId =
        document.getLanguageGroup() == null ? document.getId() : document.getLanguageGroup();
    document.setLanguageGroup(groupId);
    joining.forEach(member -> member.setLanguageGroup(groupId));
    audit.record(
        AuditAction.DOCUMENT_LANGUAGES_LINKED,
        target(document),
        "document:" + otherId + " " + other.getLanguage());
  }

  @RequiresPermission(DOCUMENTS_USE)
  public void unlinkLanguageVersion(long documentId) {
    Document document = document(documentId, LibraryRight.UPLOAD, true);
    List<Document> others = group(document).stream().filter(d -> !d.equals(document)).toList();
    document.setLanguageGroup(null);
    // The group is named after one of its documents: when that one leaves, the others take the
    // name of another, so that linking the leaver again later starts a group of its own; a single
    // document left over is no group.
    Long rest =
        others.size() < 2 ? null : others.stream().map(Document::getId).min(Long::compare).get();
    others.forEach(other -> other.setLanguageGroup(rest));
    audit.record(AuditAction.DOCUMENT_LANGUAGES_LINKED, target(document), "unlinked");
  }

  /** The document and its other language versions that the user may read, by language. */
  public List<Document> languageVersions(long documentId) {
    Document document = document(documentId, LibraryRight.READ, false);
    return group(document).stream()
        .filter(member -> member.equals(document) || mayRead(member))
        .peek(member -> member.getVersions().size())
        .sorted(Comparator.comparing(Document::getLanguage))
        .toList();
  }

  // Downloads

  /**
   * The file of a version ({@code null}: the current one), if the user may read the document.
   * Visitors may download from public libraries.
   */
  public DownloadableFile download(long documentId, Integer number) {
    Document document = document(documentId, LibraryRight.READ, false);
    DocumentVersion version =
        number == null ? document.getCurrentVersion().orElseThrow() : document.getVersion(number);
    return new DownloadableFile(
        version.getFileName(),
        version.getContentType(),
        version.getSize(),
        version.getSha256(),
        version.getCreatedAt());
  }

  /** The thumbnail of a version, once it has been made. */
  public Optional<DownloadableFile> thumbnail(long documentId, int number) {
    DocumentVersion version = document(documentId, LibraryRight.READ, false).getVersion(number);
    return Optional.ofNullable(version.getThumbnailSha256())
        .map(
            sha ->
                new DownloadableFile(
                    "thumbnail-" + number + ".png",
                    "image/png",
                    storage.blobs().size(sha),
                    sha,
                    version.getCreatedAt()));
  }

  /**
   * Deletes the blobs no version refers to, and what interrupted uploads left behind. A persistent
   * timer, so one node of the cluster walks the shared store each hour (were it run twice, deleting
   * is idempotent, and young blobs are spared). Outside a transaction: walking a large store may
   * take longer than a transaction may last.
   */
  @Schedule(hour = "*", minute = "41", persistent = true)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void deleteOrphans() {
    int deleted = storage.blobs().deleteOrphans(referencedBlobs()::contains, ORPHAN_GRACE);
    if (deleted > 0) {
      LOG.log(Level.INFO, "Deleted {0} orphaned document files", deleted);
    }
  }

  /**
   * Checks the SHA-256 of every file a version refers to once a week at night; downloads check the
   * cheaper chunk checksums only (see {@code ChunkChecksums}). What is damaged or missing is logged
   * for the IT staff, who restore it from the backup. A persistent timer: one node of the cluster
   * reads the files; a check missed while the servers were down runs once when one starts.
   */
  @Schedule(dayOfWeek = "Sun", hour = "3", minute = "23", persistent = true)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void scrub() {
    Set<String> referenced = referencedBlobs();
    Map<String, String> damaged = storage.blobs().scrub(referenced);
    damaged.forEach(
        (sha, problem) ->
            LOG.log(
                Level.SEVERE,
                "Document file {0} is {1}: restore it from the backup",
                new Object[] {sha, problem}));
    LOG.log(
        Level.INFO,
        "Checked {0} document files: {1} damaged or missing",
        new Object[] {referenced.size(), damaged.size()});
  }

  private Set<String> referencedBlobs() {
    Set<String> referenced =
        new HashSet<>(
            em.createQuery("select v.sha256 from DocumentVersion v", String.class).getResultList());
    referenced.addAll(
        em.createQuery(
                "select v.thumbnailSha256 from DocumentVersion v where v.thumbnailSha256 is not null",
                String.class)
            .getResultList());
    return referenced;
  }

  // Choices the pages offer (read only)

  /**
   * The spaces in which the user may set up a library: every organisation, cell and open working
   * group for the association's managers; otherwise the spaces the user coordinates. The same rule
   * as {@link #createLibrary}, which decides again.
   */
  @RequiresPermission(DOCUMENTS_USE)
  public List<SpaceChoice> spacesForNewLibraries() {
    if (Subjects.isPermitted(DOCUMENTS_MANAGE)) {
      List<SpaceChoice> all = new ArrayList<>();
      em.createQuery("select o from Organisation o order by o.name", Organisation.class)
          .getResultList()
          .forEach(
              o ->
                  all.add(
                      new SpaceChoice(
                          new SpaceRef(SpaceType.ORGANISATION, o.getId()), o.getName())));
      em.createQuery("select c from Cell c join fetch c.organisation o order by o.name", Cell.class)
          .getResultList()
          .forEach(
              c -> all.add(new SpaceChoice(new SpaceRef(SpaceType.CELL, c.getId()), c.getName())));
      em.createQuery("select g from WorkingGroup g where g.status <> :closed", WorkingGroup.class)
          .setParameter("closed", WorkingGroupStatus.CLOSED)
          .getResultList()
          .forEach(
              g ->
                  all.add(
                      new SpaceChoice(
                          new SpaceRef(SpaceType.WORKING_GROUP, g.getId()), g.getName())));
      return all;
    }
    Account me = me();
    return spaces.spacesOf(me).stream()
        .filter(space -> spaces.coordinates(space, me))
        .map(space -> new SpaceChoice(space, spaces.nameOf(space)))
        .toList();
  }

  /** The documents of a library that the user may read, by title: to pick a language version. */
  public List<Document> documentsInLibrary(long libraryId) {
    Library library = library(libraryId, LibraryRight.READ);
    // The right depends on the folder only: worked out once per folder, not once per document.
    Map<Optional<Folder>, LibraryRight> byFolder = new HashMap<>();
    return em.createQuery(
            "select d from Document d where d.library = :library order by d.title", Document.class)
        .setParameter("library", library)
        .getResultStream()
        .filter(
            document ->
                byFolder.computeIfAbsent(
                        Optional.ofNullable(document.getFolder()),
                        folder -> rightIn(library, folder.orElse(null)))
                    != LibraryRight.NONE)
        .toList();
  }

  /**
   * Active accounts whose name contains the text, and member organisations whose name in any
   * language does (diacritics aside), to ask them for an approval; at most {@code limit} of each.
   */
  @RequiresPermission(DOCUMENTS_USE)
  public List<Approver> findApprovers(@NotBlank @Size(max = 100) String text, int limit) {
    String pattern = Like.contains(text);
    List<Approver> found = new ArrayList<>();
    em.createQuery(
            "select a from Account a where a.active = true and lower(a.displayName) like :pattern"
                + " escape '\\' order by a.displayName",
            Account.class)
        .setParameter("pattern", pattern)
        .setMaxResults(limit)
        .getResultList()
        .forEach(a -> found.add(new Approver(ApproverKind.ACCOUNT, a.getId(), a.getDisplayName())));
    em.createQuery(
            "select o from Organisation o where o.status = :member and o.searchKey like :folded"
                + " escape '\\' order by o.name",
            Organisation.class)
        .setParameter("member", MembershipStatus.MEMBER)
        .setParameter("folded", Like.contains(SearchKeys.fold(text)))
        .setMaxResults(limit)
        .getResultList()
        .forEach(o -> found.add(new Approver(ApproverKind.ORGANISATION, o.getId(), o.getName())));
    return found;
  }

  // Links to documents from elsewhere (calendar events): who may open them

  /**
   * Of these documents, those the user (or visitor) may read, in the order given; ids of documents
   * that do not exist (any more) are left out, and nothing is audited: a list, not an attempt.
   */
  public List<Document> readable(Collection<Long> documentIds) {
    return existing(documentIds).stream().filter(this::mayRead).toList();
  }

  /**
   * Of these documents, those the account could open by a link, by the same rules as if it were
   * signed in; empty or deactivated: someone without an account, who opens what public libraries
   * hold. For what is sent to others (an invitation's e-mail, a calendar subscription), where the
   * caller is not the reader.
   */
  public List<Document> readableBy(Optional<Account> account, Collection<Long> documentIds) {
    Optional<Account> reader = account.filter(Account::isActive);
    boolean manager =
        reader
            .map(
                a ->
                    RolePermissions.of(a.getRoles(), a.getOrganisation().getId()).stream()
                        .anyMatch(
                            granted ->
                                new WildcardPermission(granted)
                                    .implies(new WildcardPermission(DOCUMENTS_MANAGE))))
            .orElse(false);
    return existing(documentIds).stream()
        .filter(
            document ->
                manager
                    || rightOf(reader, document.getLibrary(), document.getFolder())
                        != LibraryRight.NONE
                    || isApprover(document, reader))
        .toList();
  }

  private List<Document> existing(Collection<Long> documentIds) {
    Map<Long, Document> found = new HashMap<>();
    List<Long> ids = List.copyOf(new LinkedHashSet<>(documentIds));
    for (int i = 0; i < ids.size(); i += 500) {
      em.createQuery("select d from Document d where d.id in :ids", Document.class)
          .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
          .getResultStream()
          .forEach(document -> found.put(document.getId(), document));
    }
    return ids.stream().map(found::get).filter(Objects::nonNull).toList();
  }

  // Rules of access

  /** What the current user (or visitor) may do in a library or folder. */
  LibraryRight rightIn(Library library, Folder folder) {
    if (Subjects.isPermitted(DOCUMENTS_MANAGE)) {
      return LibraryRight.MANAGE;
    }
    return rightOf(caller(), library, folder);
  }

  /** What an account (empty: a visitor) that does not manage all documents may do there. */
  private LibraryRight rightOf(Optional<Account> account, Library library, Folder folder) {
    if (account.isEmpty()) {
      return library.rightOf(Set.of(), false, folder);
    }
    boolean member = spaces.includes(library.getSpace(), account.get());
    if (member && spaces.coordinates(library.getSpace(), account.get())) {
      return LibraryRight.MANAGE;
    }
    return library.rightOf(account.get().getRoles(), member, folder);
  }

  private boolean mayRead(Document document) {
    return rightIn(document.getLibrary(), document.getFolder()) != LibraryRight.NONE
        || isApprover(document);
  }

  /** Approvers may read what they are asked to approve, also in another town's private library. */
  private boolean isApprover(Document document) {
    return isApprover(document, caller());
  }

  private Optional<Account> caller() {
    return Subjects.principal().map(p -> em.find(Account.class, p.accountId()));
  }

  private static boolean isApprover(Document document, Optional<Account> account) {
    return account.isPresent()
        && document.getVersions().stream()
            .flatMap(version -> version.getApprovals().stream())
            .anyMatch(
                approval ->
                    approval.asks(ApproverKind.ACCOUNT, account.get().getId())
                        || approval.asks(
                            ApproverKind.ORGANISATION, account.get().getOrganisation().getId()));
  }

  private static boolean answers(Approval approval, Account account) {
    return approval.asks(ApproverKind.ACCOUNT, account.getId())
        || (account.getRoles().contains(Role.TOWN_COORDINATOR)
            && approval.asks(ApproverKind.ORGANISATION, account.getOrganisation().getId()));
  }

  /**
   * A document the user may act on with the given right: one they may not read is not found (and
   * the attempt audited), one they may only read is refused.
   */
  private Document document(long documentId, LibraryRight needed, boolean lockForUpdate) {
    Document document =
        em.find(
            Document.class,
            documentId,
            lockForUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
    if (document == null) {
      throw new RecordNotFoundException(Document.class, documentId);
    }
    LibraryRight right = rightIn(document.getLibrary(), document.getFolder());
    if (right == LibraryRight.NONE && needed == LibraryRight.READ && isApprover(document)) {
      return document;
    }
    if (right == LibraryRight.NONE) {
      audit.recordIndependently(
          AuditAction.ACCESS_DENIED, "DocumentService", target(document) + " " + needed);
      throw new RecordNotFoundException(Document.class, documentId);
    }
    if (!right.includes(needed)) {
      refuse("DocumentService " + needed, target(document));
    }
    return document;
  }

  private Library library(long libraryId, LibraryRight needed) {
    Library library = findLibrary(libraryId);
    requireRight(rightIn(library, null), needed, library, "DocumentService " + needed);
    return library;
  }

  private Library findLibrary(long libraryId) {
    Library library = em.find(Library.class, libraryId);
    if (library == null) {
      throw new RecordNotFoundException(Library.class, libraryId);
    }
    return library;
  }

  private Folder folderOf(Library library, long folderId) {
    Folder folder = em.find(Folder.class, folderId);
    if (folder == null || !folder.getLibrary().equals(library)) {
      throw new RecordNotFoundException(Folder.class, folderId);
    }
    return folder;
  }

  private void requireRight(
      LibraryRight right, LibraryRight needed, Library library, String operation) {
    if (right == LibraryRight.NONE) {
      audit.recordIndependently(AuditAction.ACCESS_DENIED, operation, target(library));
      throw new RecordNotFoundException(Library.class, library.getId());
    }
    if (!right.includes(needed)) {
      refuse(operation, target(library));
    }
  }

  private void refuse(String operation, String target) {
    audit.recordIndependently(AuditAction.ACCESS_DENIED, operation, target);
    throw new AccessDeniedException(DOCUMENTS_USE + ":" + target);
  }

  // Helpers

  /**
   * Waits for the document's row lock, then reads what other transactions committed meanwhile (a
   * version added while this upload was streaming). Neither em.lock nor a refresh with a lock mode
   * will do: Hibernate checks the version read earlier with them, and on PostgreSQL the refresh
   * failed like the lock when two uploads met (DocumentIT, DocumentWebIT).
   */
  private void lockAndReread(Document document) {
    em.createQuery("select d.id from Document d where d.id = :id", Long.class)
        .setParameter("id", document.getId())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getSingleResult();
    em.refresh(document);
  }

  /** Streams the upload into the blob store and takes it back if the transaction rolls back. */
  private StoredContent store(NamedContent file) {
    DocumentStorage.Stored stored = storage.store(file.name(), file.content());
    transaction.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
              storage.blobs().withdraw(stored.blob());
            }
          }
        });
    return stored.content();
  }

  private List<Document> group(Document document) {
    if (document.getLanguageGroup() == null) {
      return List.of(document);
    }
    return em.createQuery("select d from Document d where d.languageGroup = :group", Document.class)
        .setParameter("group", document.getLanguageGroup())
        .getResultList();
  }

  private Approver named(Approver approver) {
    String name =
        switch (approver.kind()) {
          case ACCOUNT -> {
            Account account = em.find(Account.class, approver.id());
            if (account == null || !account.isActive()) {
              throw new ApproverNotFoundException(approver.id());
            }
            yield account.getDisplayName();
          }
          case ORGANISATION -> {
            Organisation organisation = em.find(Organisation.class, approver.id());
            if (organisation == null) {
              throw new ApproverNotFoundException(approver.id());
            }
            yield organisation.getName();
          }
        };
    return new Approver(approver.kind(), approver.id(), name);
  }

  private Account me() {
    return em.find(Account.class, Subjects.requirePrincipal().accountId());
  }

  private Author author() {
    Account me = me();
    return new Author(me.getId(), me.getDisplayName(), Instant.now());
  }

  private String spaceName(Library library) {
    return spaces.nameOf(library.getSpace());
  }

  private static String target(Library library) {
    return "library:" + library.getId();
  }

  private static String target(Document document) {
    return "document:" + document.getId();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  // Search (full-text search of documents; see DocumentSearch)

  @Inject private DocumentSearch documentSearch;

  /**
   * The documents matching the query that the user may read, best first, with highlighted snippets.
   * What the user may read is a filter of the query, never a sieve over its results.
   */
  @RequiresPermission(DOCUMENTS_USE)
  public DocumentHits search(
      @NotNull @Valid DocumentQuery query, @Min(0) int first, @Min(1) @Max(100) int max) {
    return documentSearch.search(query, readableScope(), first, max);
  }

  /** The rules of {@link #rightIn} and {@link #isApprover}, for every library at once. */
  ReadableScope readableScope() {
    if (Subjects.isPermitted(DOCUMENTS_MANAGE)) {
      return ReadableScope.EVERYTHING;
    }
    Optional<Account> account =
        Subjects.principal().map(p -> em.find(Account.class, p.accountId()));
    Set<Visibility> open =
        account.isPresent()
            ? Set.of(Visibility.NETWORK, Visibility.PUBLIC)
            : Set.of(Visibility.PUBLIC);
    Set<Long> member = new HashSet<>();
    account.ifPresent(
        me ->
            spaces
                .spacesOf(me)
                .forEach(space -> inSpace(space).forEach(l -> member.add(l.getId()))));
    Set<Long> openLibraries = new HashSet<>();
    em
        .createQuery("select l.id from Library l where l.visibility in :open", Long.class)
        .setParameter("open", open)
        .getResultList()
        .stream()
        .filter(id -> !member.contains(id))
        .forEach(openLibraries::add);
    // Folders narrower than their open library: their own visibility, or one on the way up.
    Map<Long, Object[]> folders = new HashMap<>();
    em.createQuery(
            "select f.id, f.parent.id, f.visibility, f.library.visibility from Folder f"
                + " where f.library.id in (select l.id from Library l where l.visibility in :open)",
            Object[].class)
        .setParameter("open", open)
        .getResultList()
        .forEach(row -> folders.put((Long) row[0], row));
    Map<Long, Visibility> effective = new HashMap<>();
    Set<Long> closed = new HashSet<>();
    for (Long folder : folders.keySet()) {
      if (!open.contains(effectiveVisibility(folder, folders, effective))) {
        closed.add(folder);
      }
    }
    Set<Long> asked = new HashSet<>();
    account.ifPresent(
        me ->
            asked.addAll(
                em.createQuery(
                        "select distinct a.version.document.id from Approval a where (a.kind ="
                            + " :account and a.approverId = :me) or (a.kind = :organisation and"
                            + " a.approverId = :town)",
                        Long.class)
                    .setParameter("account", ApproverKind.ACCOUNT)
                    .setParameter("organisation", ApproverKind.ORGANISATION)
                    .setParameter("me", me.getId())
                    .setParameter("town", me.getOrganisation().getId())
                    .getResultList()));
    return new ReadableScope(false, member, openLibraries, closed, asked);
  }

  /** As {@link Folder#effectiveVisibility()}, from rows of id, parent id, visibility, library's. */
  private static Visibility effectiveVisibility(
      Long folder, Map<Long, Object[]> folders, Map<Long, Visibility> known) {
    Visibility cached = known.get(folder);
    if (cached != null) {
      return cached;
    }
    Object[] row = folders.get(folder);
    Visibility above =
        row[1] == null ? (Visibility) row[3] : effectiveVisibility((Long) row[1], folders, known);
    Visibility visibility = above.narrowest((Visibility) row[2]);
    known.put(folder, visibility);
    return visibility;
  }
}
