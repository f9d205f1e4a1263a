package eu.smek.documents;

import eu.smek.faces.ActiveLocale;
import eu.smek.security.Subjects;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import jakarta.faces.component.UIInput;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.omnifaces.util.Faces;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * One document: its metadata and their editing, the versions with a new one uploaded or an old one
 * restored, check-out, the approval round of the current version (asking people and organisations,
 * and answering for those asked), the same document in other languages side by side, and deleting
 * it. Every change is decided by the service; the page offers only what the user's right allows.
 */
@Named
@ViewScoped
public class ViewDocument implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  /** Approvers offered for one search; a narrower search finds the others. */
  static final int APPROVER_CANDIDATES = 10;

  @Inject private DocumentService documents;
  @Inject private ActiveLocale activeLocale;
  @Inject private DocumentStorage storage;

  private Long id;
  private Document document;
  private DocumentVersion current;
  private LibraryRight right;
  private CheckOut lock;
  private boolean lockedByMe;
  private List<DocumentVersion> versionsNewestFirst = List.of();
  private List<Document> languageVersions = List.of();
  private List<Document> linkCandidates = List.of();
  private List<Approval> myApprovals = List.of();
  private long maximumBytes;

  private String title;
  private String description;
  private DocumentType type;
  private Language language;
  private String tags;
  private String referenceNumber;
  private long expectedVersion;

  private String versionComment;
  private Long linkWith;
  private String approverSearch;
  private List<Approver> foundApprovers = List.of();
  private final List<Approver> chosenApprovers = new ArrayList<>();
  private final Map<Long, String> decisionComments = new HashMap<>();

  public void load() {
    if (id == null) {
      org.omnifaces.util.Messages.addGlobalError(
          Messages.format(activeLocale.getLocale(), "documents.document.missing"));
      return;
    }
    document = documents.getDocument(id);
    right = documents.rightOn(id);
    current = document.getCurrentVersion().orElseThrow();
    versionsNewestFirst = new ArrayList<>(document.getVersions());
    Collections.reverse(versionsNewestFirst);
    lock = document.lockAt(Instant.now()).orElse(null);
    lockedByMe = lock != null && lock.heldBy(Subjects.requirePrincipal().accountId());
    languageVersions = documents.languageVersions(id);
    if (isMayUpload()) {
      Set<Long> linked = new LinkedHashSet<>();
      languageVersions.forEach(version -> linked.add(version.getId()));
      linkCandidates =
          documents.documentsInLibrary(document.getLibrary().getId()).stream()
              .filter(candidate -> !linked.contains(candidate.getId()))
              .toList();
    }
    myApprovals =
        documents.myPendingApprovals().stream()
            .filter(approval -> approval.getVersion().getDocument().getId().equals(id))
            .toList();
    title = document.getTitle();
    description = document.getDescription();
    type = document.getType();
    language = document.getLanguage();
    tags = String.join(", ", document.getTags());
    referenceNumber = document.getReferenceNumber();
    expectedVersion = document.getVersion();
    maximumBytes = storage.maximumBytes();
  }

  // Metadata

  public void saveMetadata() throws IOException {
    Set<String> tagSet = new LinkedHashSet<>();
    if (tags != null) {
      Arrays.stream(tags.split(","))
          .map(String::strip)
          .filter(t -> !t.isEmpty())
          .forEach(tagSet::add);
    }
    documents.updateMetadata(
        id,
        expectedVersion,
        new DocumentDraft(title, description, type, language, tagSet, referenceNumber));
    done("documents.document.saved", title);
  }

  // Versions

  /** A new version from one uploaded file, with the comment typed beside it. */
  public void uploadVersion(FileUploadEvent event) throws IOException {
    UploadedFile file = event.getFile();
    // PrimeFaces calls the listener right after validation, before the model is updated, so the
    // comment sent with the file is read from its field, where it waits validated.
    String comment =
        (String) ((UIInput) event.getComponent().findComponent("version-comment")).getValue();
    // The stream of the part the servlet container wrote to disk: the file is never in memory.
    try (InputStream content = file.getInputStream()) {
      DocumentVersion added =
          documents.addVersion(id, comment, new NamedContent(file.getFileName(), content));
      done("documents.version.added", added.getNumber());
    } finally {
      file.delete();
    }
  }

  public void restore(DocumentVersion version) throws IOException {
    DocumentVersion restored = documents.restoreVersion(id, version.getNumber(), null);
    done("documents.version.restored", version.getNumber(), restored.getNumber());
  }

  // Check-out

  public void checkOut() throws IOException {
    documents.checkOut(id);
    done("documents.checkOut.done", title);
  }

  public void checkIn() throws IOException {
    documents.checkIn(id);
    done("documents.checkIn.done", title);
  }

  public void breakLock() throws IOException {
    documents.breakLock(id);
    done("documents.checkOut.broken", lock.getHolderName());
  }

  // Approval

  public void findApprovers() {
    foundApprovers =
        documents.findApprovers(approverSearch, APPROVER_CANDIDATES).stream()
            .filter(approver -> !chosenApprovers.contains(approver))
            .toList();
  }

  public void chooseApprover(Approver approver) {
    if (!chosenApprovers.contains(approver)) {
      chosenApprovers.add(approver);
    }
    foundApprovers = foundApprovers.stream().filter(a -> !a.equals(approver)).toList();
  }

  public void dropApprover(Approver approver) {
    chosenApprovers.remove(approver);
  }

  public void submitForApproval() throws IOException {
    documents.submitForApproval(id, current.getNumber(), List.copyOf(chosenApprovers));
    done("documents.approval.submitted", current.getNumber());
  }

  public void approve(Approval approval) throws IOException {
    decide(approval, true, "documents.approval.approved");
  }

  public void reject(Approval approval) throws IOException {
    decide(approval, false, "documents.approval.rejected");
  }

  private void decide(Approval approval, boolean approve, String key) throws IOException {
    DocumentVersion version =
        documents.decide(approval.getId(), approve, decisionComments.get(approval.getId()));
    done(key, version.getNumber());
  }

  // Language versions

  public void linkLanguageVersion() throws IOException {
    documents.linkLanguageVersions(id, linkWith);
    done("documents.languages.linked", title);
  }

  public void unlinkLanguageVersion(Document version) throws IOException {
    documents.unlinkLanguageVersion(version.getId());
    done("documents.languages.unlinked", version.getTitle());
  }

  // Deleting

  public void delete() throws IOException {
    String library = getLibraryPath();
    documents.deleteDocument(id);
    org.omnifaces.util.Messages.addFlashGlobalInfo(
        Messages.format(activeLocale.getLocale(), "documents.document.deleted", title));
    Faces.redirect(Faces.getRequestContextPath() + library);
  }

  /** Says what was done and shows the document again (a reload does not repeat it). */
  private void done(String key, Object... arguments) throws IOException {
    org.omnifaces.util.Messages.addFlashGlobalInfo(
        Messages.format(activeLocale.getLocale(), key, arguments));
    Faces.redirect(Faces.getRequestContextPath() + "/documents/view-document?id=" + id);
  }

  // What the page offers

  /** The library's page, open at the document's folder. */
  public String getLibraryPath() {
    return "/documents/view-library?id="
        + document.getLibrary().getId()
        + (document.getFolder() == null ? "" : "&folder=" + document.getFolder().getId());
  }

  /** The largest file accepted, in bytes, for the upload component. */
  public long getMaximumBytes() {
    return maximumBytes;
  }

  public boolean isMayUpload() {
    return right.includes(LibraryRight.UPLOAD);
  }

  public boolean isMayManage() {
    return right.includes(LibraryRight.MANAGE);
  }

  /** Whether someone else has it checked out, so that the user cannot change it now. */
  public boolean isLockedByOther() {
    return lock != null && !lockedByMe;
  }

  /** Whether the current version can be sent for approval: never sent, or rejected. */
  public boolean isSubmittable() {
    return isMayUpload()
        && (current.getApprovalState() == ApprovalState.NOT_SUBMITTED
            || current.getApprovalState() == ApprovalState.REJECTED);
  }

  /** Whether the browser can show the current version itself (PDF, pictures). */
  public boolean isViewableInline() {
    String contentType = current.getContentType();
    return contentType.startsWith("application/pdf") || contentType.startsWith("image/");
  }

  /** The versions that have (or had) an approval round, newest first. */
  public List<DocumentVersion> getApprovalRounds() {
    return versionsNewestFirst.stream().filter(v -> !v.getApprovals().isEmpty()).toList();
  }

  public List<DocumentType> getTypes() {
    return Arrays.asList(DocumentType.values());
  }

  public List<Language> getLanguages() {
    return Arrays.asList(Language.values());
  }

  public int getTitleLength() {
    return Document.TITLE_LENGTH;
  }

  public int getDescriptionLength() {
    return Document.DESCRIPTION_LENGTH;
  }

  public int getReferenceLength() {
    return Document.REFERENCE_LENGTH;
  }

  public int getCommentLength() {
    return DocumentVersion.COMMENT_LENGTH;
  }

  public int getDecisionCommentLength() {
    return Approval.COMMENT_LENGTH;
  }

  // Properties

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Document getDocument() {
    return document;
  }

  public DocumentVersion getCurrent() {
    return current;
  }

  public LibraryRight getRight() {
    return right;
  }

  public CheckOut getLock() {
    return lock;
  }

  public boolean isLockedByMe() {
    return lockedByMe;
  }

  public List<DocumentVersion> getVersionsNewestFirst() {
    return versionsNewestFirst;
  }

  public List<Document> getLanguageVersions() {
    return languageVersions;
  }

  public List<Document> getLinkCandidates() {
    return linkCandidates;
  }

  /** The approvals of this document waiting for the user's answer (or their town's). */
  public List<Approval> getMyApprovals() {
    return myApprovals;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public DocumentType getType() {
    return type;
  }

  public void setType(DocumentType type) {
    this.type = type;
  }

  public Language getLanguage() {
    return language;
  }

  public void setLanguage(Language language) {
    this.language = language;
  }

  /** The tags as typed: separated by commas. */
  public String getTags() {
    return tags;
  }

  public void setTags(String tags) {
    this.tags = tags;
  }

  public String getReferenceNumber() {
    return referenceNumber;
  }

  public void setReferenceNumber(String referenceNumber) {
    this.referenceNumber = referenceNumber;
  }

  public String getVersionComment() {
    return versionComment;
  }

  public void setVersionComment(String versionComment) {
    this.versionComment = versionComment;
  }

  public Long getLinkWith() {
    return linkWith;
  }

  public void setLinkWith(Long linkWith) {
    this.linkWith = linkWith;
  }

  public String getApproverSearch() {
    return approverSearch;
  }

  public void setApproverSearch(String approverSearch) {
    this.approverSearch = approverSearch;
  }

  public List<Approver> getFoundApprovers() {
    return foundApprovers;
  }

  public List<Approver> getChosenApprovers() {
    return chosenApprovers;
  }

  /** The comment typed for each of the user's pending approvals, by approval. */
  public Map<Long, String> getDecisionComments() {
    return decisionComments;
  }
}
