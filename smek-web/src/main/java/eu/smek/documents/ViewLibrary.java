package eu.smek.documents;

import eu.smek.faces.ActiveLocale;
import eu.smek.infrastructure.FileNames;
import eu.smek.infrastructure.FileRejectedException;
import eu.smek.security.Role;
import eu.smek.shared.Messages;
import eu.smek.shared.Visibility;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Faces;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * A library or one of its folders: the way down to it, its folders and documents, and for those who
 * may, uploading many files at once (each one streamed to the service, which refuses the ones it
 * does not accept while the others land), new folders and the library's settings.
 */
@Named
@ViewScoped
public class ViewLibrary implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Inject private DocumentService documents;
  @Inject private DocumentStorage storage;
  @Inject private ActiveLocale activeLocale;

  private Long id;
  private Long folder;
  private LibraryContents contents;
  private List<DocumentRow> rows = List.of();
  private long maximumBytes;
  private final List<UploadOutcome> uploads = new ArrayList<>();

  private String folderName;
  private Visibility folderVisibility;

  private String name;
  private String description;
  private Visibility visibility;
  private List<RoleRight> rights = List.of();

  public void load() {
    if (id == null) {
      org.omnifaces.util.Messages.addGlobalError(
          Messages.format(activeLocale.getLocale(), "documents.library.missing"));
      return;
    }
    show(documents.contents(id, folder));
    maximumBytes = storage.maximumBytes();
    Library library = contents.library();
    name = library.getName();
    description = library.getDescription();
    visibility = library.getVisibility();
    rights =
        Arrays.stream(Role.values())
            .map(
                role ->
                    new RoleRight(role, library.getRights().getOrDefault(role, LibraryRight.READ)))
            .toList();
  }

  private void show(LibraryContents shown) {
    contents = shown;
    Instant now = Instant.now();
    rows =
        shown.documents().stream()
            .map(
                document ->
                    new DocumentRow(
                        document,
                        document.getCurrentVersion().orElse(null),
                        document.lockAt(now).orElse(null)))
            .toList();
  }

  /**
   * One file of a (multi-file) upload: PrimeFaces sends each file in a request of its own, one
   * after another. The file's title is its name without the extension; type and language can be
   * changed on the document's page. A refused file is listed with the reason, and does not stop the
   * others.
   */
  public void upload(FileUploadEvent event) throws IOException {
    UploadedFile file = event.getFile();
    String fileName = FileNames.clean(file.getFileName());
    DocumentDraft draft =
        new DocumentDraft(
            titleOf(fileName), null, DocumentType.OTHER, activeLocale.getLanguage(), null, null);
    // The stream of the part the servlet container wrote to disk: the file is never in memory.
    try (InputStream content = file.getInputStream()) {
      Document document =
          documents.upload(id, folder, draft, null, new NamedContent(file.getFileName(), content));
      uploads.add(new UploadOutcome(fileName, document.getId(), document.getTitle(), null));
    } catch (FileRejectedException refused) {
      uploads.add(
          new UploadOutcome(
              fileName,
              null,
              null,
              Messages.format(
                  activeLocale.getLocale(), refused.getMessageKey(), refused.getArguments())));
    } finally {
      file.delete();
    }
    show(documents.contents(id, folder));
  }

  /** The file name without its extension, as long as a title may be. */
  static String titleOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String title = dot > 0 ? fileName.substring(0, dot) : fileName;
    return title.length() > Document.TITLE_LENGTH
        ? title.substring(0, Document.TITLE_LENGTH)
        : title;
  }

  public void createFolder() throws IOException {
    Folder created = documents.createFolder(id, folder, folderName, folderVisibility);
    done("documents.folder.created", created.getName());
  }

  public void saveSettings() throws IOException {
    Map<Role, LibraryRight> granted = new EnumMap<>(Role.class);
    rights.forEach(right -> granted.put(right.getRole(), right.getRight()));
    Library saved =
        documents.updateLibrary(
            id, contents.library().getVersion(), name, description, visibility, granted);
    done("documents.library.saved", saved.getName());
  }

  /** Says what was done and shows the folder again (a reload does not repeat it). */
  private void done(String key, Object argument) throws IOException {
    org.omnifaces.util.Messages.addFlashGlobalInfo(
        Messages.format(activeLocale.getLocale(), key, argument));
    Faces.redirect(
        Faces.getRequestContextPath()
            + "/documents/view-library?id="
            + id
            + (folder == null ? "" : "&folder=" + folder));
  }

  /** A document in the table, with its current version and who has it checked out, if anyone. */
  public record DocumentRow(Document document, DocumentVersion current, CheckOut lock)
      implements Serializable {
    @Serial private static final long serialVersionUID = 1L;
  }

  /** What became of one uploaded file: the document it made, or why it was refused. */
  public record UploadOutcome(String fileName, Long documentId, String title, String refusal)
      implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    public boolean stored() {
      return documentId != null;
    }
  }

  /** The right of the space's members with one role, as the settings form edits it. */
  public static final class RoleRight implements Serializable {

    @Serial private static final long serialVersionUID = 1L;

    private final Role role;
    private LibraryRight right;

    RoleRight(Role role, LibraryRight right) {
      this.role = role;
      this.right = right;
    }

    public Role getRole() {
      return role;
    }

    public LibraryRight getRight() {
      return right;
    }

    public void setRight(LibraryRight right) {
      this.right = right;
    }
  }

  public boolean isMayUpload() {
    return contents.right().includes(LibraryRight.UPLOAD);
  }

  public boolean isMayManage() {
    return contents.right().includes(LibraryRight.MANAGE);
  }

  /** For a folder, the visibilities narrower than where it is; empty means as above. */
  public List<Visibility> getFolderVisibilities() {
    Visibility above =
        contents.folder() == null
            ? contents.library().getVisibility()
            : contents.folder().effectiveVisibility();
    return Arrays.stream(Visibility.values()).filter(v -> v.compareTo(above) < 0).toList();
  }

  public List<Visibility> getVisibilities() {
    return Arrays.asList(Visibility.values());
  }

  /** The rights a space's members can be given (members may always read). */
  public List<LibraryRight> getGrantableRights() {
    return List.of(LibraryRight.READ, LibraryRight.UPLOAD, LibraryRight.MANAGE);
  }

  /** The largest file accepted, in bytes, for the upload component. */
  public long getMaximumBytes() {
    return maximumBytes;
  }

  /** The largest file accepted, in MiB, as the page tells it. */
  public long getMaximumMebibytes() {
    return maximumBytes / (1024 * 1024);
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Long getFolder() {
    return folder;
  }

  public void setFolder(Long folder) {
    this.folder = folder;
  }

  public LibraryContents getContents() {
    return contents;
  }

  public List<DocumentRow> getRows() {
    return rows;
  }

  /** The files uploaded on this page so far, newest last. */
  public List<UploadOutcome> getUploads() {
    return uploads;
  }

  public String getFolderName() {
    return folderName;
  }

  public void setFolderName(String folderName) {
    this.folderName = folderName;
  }

  public Visibility getFolderVisibility() {
    return folderVisibility;
  }

  public void setFolderVisibility(Visibility folderVisibility) {
    this.folderVisibility = folderVisibility;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Visibility getVisibility() {
    return visibility;
  }

  public void setVisibility(Visibility visibility) {
    this.visibility = visibility;
  }

  public List<RoleRight> getRights() {
    return rights;
  }
}
