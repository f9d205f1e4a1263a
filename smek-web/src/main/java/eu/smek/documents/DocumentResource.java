package eu.smek.documents;

import eu.smek.infrastructure.FileRejectedException;
import eu.smek.rest.RestInput;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Subjects;
import eu.smek.shared.Language;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Document libraries over REST: libraries and their folders, documents with their versions,
 * uploads, downloads (with Range and conditional requests, as the download servlet answers them)
 * and check-out. What each user may do is decided by {@link DocumentService}; a document or library
 * the user may not read is not found (404), as if it did not exist.
 */
@RequestScoped
@Path("documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentResource {

  private static final String FILE_RULES =
      " The file is checked by its content: PDF, ODF, Office, pictures, text, CSV and ZIP are"
          + " accepted, a file named as another type than it is is refused, and so are archives"
          + " that unpack to far more than their size; at most 200 MiB unless the server says"
          + " otherwise (422 with the reason).";

  @Inject private DocumentService documents;
  @Inject private DocumentStorage storage;
  @Inject private Validator validator;
  @Context private HttpHeaders headers;

  /** A library as the API shows it, with what the caller may do in it. */
  public record LibraryView(
      long id,
      long version,
      String name,
      String description,
      Visibility visibility,
      SpaceType spaceType,
      long spaceId,
      String spaceName,
      LibraryRight right) {

    static LibraryView of(Library library, String spaceName, LibraryRight right) {
      return new LibraryView(
          library.getId(),
          library.getVersion(),
          library.getName(),
          library.getDescription(),
          library.getVisibility(),
          library.getSpace().getType(),
          library.getSpace().getId(),
          spaceName,
          right);
    }
  }

  /** A folder; its own visibility may be empty (as its parent's), the effective one never is. */
  public record FolderView(
      long id, String name, Long parentId, Visibility visibility, Visibility effectiveVisibility) {

    static FolderView of(Folder folder) {
      return folder == null
          ? null
          : new FolderView(
              folder.getId(),
              folder.getName(),
              folder.getParent() == null ? null : folder.getParent().getId(),
              folder.getVisibility(),
              folder.effectiveVisibility());
    }
  }

  /** Who has a document checked out, and whether that is the caller. */
  public record LockView(String holderName, Instant since, Instant expiresAt, boolean mine) {

    static LockView of(Document document) {
      Optional<Long> me = Subjects.principal().map(AccountPrincipal::accountId);
      return document
          .lockAt(Instant.now())
          .map(
              lock ->
                  new LockView(
                      lock.getHolderName(),
                      lock.getSince(),
                      lock.getExpiresAt(),
                      me.isPresent() && lock.heldBy(me.get())))
          .orElse(null);
    }
  }

  /**
   * A version; {@code contentUrl} downloads it over the API, {@code downloadUrl} in a browser
   * session; {@code thumbnailUrl} is empty until the preview has been made (PDFs and pictures).
   */
  public record VersionView(
      int number,
      String fileName,
      String contentType,
      long size,
      String sha256,
      String comment,
      String authorName,
      Instant createdAt,
      Integer restoredFrom,
      ApprovalState approvalState,
      String contentUrl,
      String downloadUrl,
      String thumbnailUrl) {

    static VersionView of(long documentId, DocumentVersion version) {
      String path = documentId + "/" + version.getNumber();
      return new VersionView(
          version.getNumber(),
          version.getFileName(),
          version.getContentType(),
          version.getSize(),
          version.getSha256(),
          version.getComment(),
          version.getAuthorName(),
          version.getCreatedAt(),
          version.getRestoredFrom(),
          version.getApprovalState(),
          "/api/v1/documents/" + documentId + "/content/" + version.getNumber(),
          "/documents/files/" + path,
          version.getThumbnailSha256() == null
              ? null
              : "/api/v1/documents/" + documentId + "/thumbnails/" + version.getNumber());
    }
  }

  /** A document in a library's list, with its current version. */
  public record DocumentSummary(
      long id,
      long version,
      String title,
      DocumentType type,
      String language,
      Set<String> tags,
      String referenceNumber,
      VersionView currentVersion,
      LockView lock,
      Instant updatedAt) {

    static DocumentSummary of(Document document) {
      return new DocumentSummary(
          document.getId(),
          document.getVersion(),
          document.getTitle(),
          document.getType(),
          document.getLanguage().code(),
          new TreeSet<>(document.getTags()),
          document.getReferenceNumber(),
          document
              .getCurrentVersion()
              .map(version -> VersionView.of(document.getId(), version))
              .orElse(null),
          LockView.of(document),
          document.getUpdatedAt());
    }
  }

  /** A document with all its versions, oldest first, and what the caller may do with it. */
  public record DocumentView(
      long id,
      long version,
      long libraryId,
      Long folderId,
      String title,
      String description,
      DocumentType type,
      String language,
      Set<String> tags,
      String referenceNumber,
      Long languageGroup,
      LockView lock,
      LibraryRight right,
      List<VersionView> versions,
      Instant createdAt,
      Instant updatedAt) {

    static DocumentView of(Document document, LibraryRight right) {
      return new DocumentView(
          document.getId(),
          document.getVersion(),
          document.getLibrary().getId(),
          document.getFolder() == null ? null : document.getFolder().getId(),
          document.getTitle(),
          document.getDescription(),
          document.getType(),
          document.getLanguage().code(),
          new TreeSet<>(document.getTags()),
          document.getReferenceNumber(),
          document.getLanguageGroup(),
          LockView.of(document),
          right,
          document.getVersions().stream()
              .map(version -> VersionView.of(document.getId(), version))
              .toList(),
          document.getCreatedAt(),
          document.getUpdatedAt());
    }
  }

  /** A library or one of its folders: the way down to it, and what is in it. */
  public record ContentsView(
      LibraryView library,
      FolderView folder,
      List<FolderView> path,
      List<FolderView> folders,
      List<DocumentSummary> documents) {

    static ContentsView of(LibraryContents contents) {
      return new ContentsView(
          LibraryView.of(contents.library(), contents.spaceName(), contents.right()),
          FolderView.of(contents.folder()),
          contents.path().stream().map(FolderView::of).toList(),
          contents.folders().stream().map(FolderView::of).toList(),
          contents.documents().stream().map(DocumentSummary::of).toList());
    }
  }

  /** A new library of a space. */
  public record LibraryInput(
      SpaceType spaceType, Long spaceId, String name, String description, Visibility visibility) {}

  /** A new folder; without a parent at the top of the library, without visibility as above. */
  public record FolderInput(String name, Long parentId, Visibility visibility) {}

  /** A document's metadata, with the version read (optimistic locking). */
  public record MetadataInput(
      Long version,
      String title,
      String description,
      DocumentType type,
      String language,
      Set<String> tags,
      String referenceNumber) {}

  // Libraries and folders

  @GET
  @Path("libraries")
  @Operation(
      summary = "The libraries the caller may read",
      description = "Of the caller's spaces, those open to the network, or all for managers.")
  public List<LibraryView> libraries() {
    return documents.listLibraries().stream()
        .map(summary -> LibraryView.of(summary.library(), summary.spaceName(), summary.right()))
        .toList();
  }

  @POST
  @Path("libraries")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set up a library for a space (its coordinators and association administrators)",
      description =
          "{\"spaceType\": \"ORGANISATION\", \"spaceId\": 4, \"name\": \"Uchwały\","
              + " \"visibility\": \"PRIVATE\"}; spaceType is ORGANISATION, CELL or WORKING_GROUP,"
              + " visibility PRIVATE, NETWORK or PUBLIC.")
  public Response createLibrary(@NotNull LibraryInput input) {
    SpaceRef space =
        new SpaceRef(
            input().required(input.spaceType(), "spaceType"),
            input().required(input.spaceId(), "spaceId"));
    Library created =
        documents.createLibrary(
            space,
            input.name(),
            input.description(),
            input().required(input.visibility(), "visibility"));
    return Response.created(URI.create("documents/libraries/" + created.getId()))
        .entity(ContentsView.of(documents.contents(created.getId(), null)).library())
        .build();
  }

  @GET
  @Path("libraries/{id: \\d+}")
  @Operation(
      summary = "What a library, or one of its folders, holds",
      description = "Without folder, the top of the library.")
  public ContentsView contents(@PathParam("id") long id, @QueryParam("folder") Long folderId) {
    return ContentsView.of(documents.contents(id, folderId));
  }

  @POST
  @Path("libraries/{id: \\d+}/folders")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a folder (managers of the library)",
      description =
          "{\"name\": \"2026\", \"parentId\": null, \"visibility\": null}; a folder may be"
              + " narrower than its library, never wider.")
  public Response createFolder(@PathParam("id") long libraryId, @NotNull FolderInput input) {
    Folder folder =
        documents.createFolder(libraryId, input.parentId(), input.name(), input.visibility());
    return Response.created(
            URI.create("documents/libraries/" + libraryId + "?folder=" + folder.getId()))
        .entity(FolderView.of(folder))
        .build();
  }

  // Documents

  @POST
  @Path("libraries/{id: \\d+}/documents")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Upload a document into a library",
      description =
          "Form fields: file; title; type (AGREEMENT, DECLARATION, MINUTES, RESOLUTION, REPORT,"
              + " PRESENTATION, OTHER); language (pl, sk, en, uk, hu, ro); optional description,"
              + " tags (the field repeated, or separated by commas), referenceNumber, comment and"
              + " folder (its id)."
              + FILE_RULES)
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      requiredProperties = {"file", "title", "type", "language"},
                      properties = {
                        @SchemaProperty(name = "file", type = SchemaType.STRING, format = "binary"),
                        @SchemaProperty(name = "title", type = SchemaType.STRING),
                        @SchemaProperty(name = "type", type = SchemaType.STRING),
                        @SchemaProperty(name = "language", type = SchemaType.STRING),
                        @SchemaProperty(name = "description", type = SchemaType.STRING),
                        @SchemaProperty(name = "tags", type = SchemaType.STRING),
                        @SchemaProperty(name = "referenceNumber", type = SchemaType.STRING),
                        @SchemaProperty(name = "comment", type = SchemaType.STRING),
                        @SchemaProperty(name = "folder", type = SchemaType.INTEGER)
                      })))
  public Response upload(@PathParam("id") long libraryId, @Context HttpServletRequest request)
      throws IOException {
    UploadForm form = form(request);
    Part file = form.file("file");
    Long folderId =
        form.text("folder").filter(text -> !text.isBlank()).map(this::folderId).orElse(null);
    DocumentDraft draft =
        new DocumentDraft(
            form.text("title").orElse(null),
            form.text("description").orElse(null),
            form.text("type").map(this::type).orElse(null),
            form.text("language").map(this::language).orElse(null),
            tags(form.texts("tags")),
            form.text("referenceNumber").orElse(null));
    String comment = form.text("comment").orElse(null);
    check(draft, comment);
    Document created;
    try (InputStream content = content(file)) {
      created =
          documents.upload(
              libraryId,
              folderId,
              draft,
              comment,
              new NamedContent(file.getSubmittedFileName(), content));
    }
    return Response.created(URI.create("documents/" + created.getId()))
        .entity(view(created.getId()))
        .build();
  }

  @GET
  @Path("{id: \\d+}")
  @Operation(summary = "A document with its versions")
  public DocumentView get(@PathParam("id") long id) {
    return view(id);
  }

  @PUT
  @Path("{id: \\d+}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a document's metadata",
      description =
          "Send the version you read; if someone changed the document since, the answer is 409."
              + " Refused while someone else has the document checked out.")
  public DocumentView update(@PathParam("id") long id, @NotNull MetadataInput input) {
    long version = input().required(input.version(), "version");
    DocumentDraft draft =
        new DocumentDraft(
            input.title(),
            input.description(),
            input.type(),
            input.language() == null ? null : language(input.language()),
            input.tags(),
            input.referenceNumber());
    check(draft, null);
    documents.updateMetadata(id, version, draft);
    return view(id);
  }

  @POST
  @Path("{id: \\d+}/versions")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Upload a new version of a document",
      description =
          "Form fields: file, and optionally comment. Refused while someone else has the"
              + " document checked out."
              + FILE_RULES)
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      requiredProperties = {"file"},
                      properties = {
                        @SchemaProperty(name = "file", type = SchemaType.STRING, format = "binary"),
                        @SchemaProperty(name = "comment", type = SchemaType.STRING)
                      })))
  public Response addVersion(@PathParam("id") long id, @Context HttpServletRequest request)
      throws IOException {
    UploadForm form = form(request);
    Part file = form.file("file");
    String comment = form.text("comment").orElse(null);
    check(null, comment);
    DocumentVersion version;
    try (InputStream content = content(file)) {
      version =
          documents.addVersion(id, comment, new NamedContent(file.getSubmittedFileName(), content));
    }
    return Response.created(URI.create("documents/" + id + "/content/" + version.getNumber()))
        .entity(VersionView.of(id, version))
        .build();
  }

  @GET
  @Path("{id: \\d+}/content")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary = "Download the current version's file",
      description =
          "Answers Range (one range: 206, or 416), If-Range, If-None-Match (304 for the ETag"
              + " you have) and If-Modified-Since. inline=true shows PDFs and pictures in a"
              + " browser.")
  public Response content(
      @PathParam("id") long id,
      @QueryParam("inline") boolean inline,
      @Context HttpServletRequest request)
      throws IOException {
    return answer(request, documents.download(id, null), inline);
  }

  @GET
  @Path("{id: \\d+}/content/{number: \\d+}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "Download a version's file", description = "As for the current version.")
  public Response content(
      @PathParam("id") long id,
      @PathParam("number") int number,
      @QueryParam("inline") boolean inline,
      @Context HttpServletRequest request)
      throws IOException {
    return answer(request, documents.download(id, number), inline);
  }

  @GET
  @Path("{id: \\d+}/thumbnails/{number: \\d+}")
  @Produces("image/png")
  @Operation(
      summary = "A version's preview picture (PNG, at most 320 pixels)",
      description = "404 until it has been made, and for files that have none.")
  public Response thumbnail(
      @PathParam("id") long id,
      @PathParam("number") int number,
      @Context HttpServletRequest request)
      throws IOException {
    DownloadableFile thumbnail =
        documents.thumbnail(id, number).orElseThrow(NotFoundException::new);
    return answer(request, thumbnail, true);
  }

  @DELETE
  @Path("{id: \\d+}")
  @Operation(
      summary = "Delete a document with all its versions (managers of the library)",
      description =
          "Audited. Its files are deleted by the hourly clean-up once no other version refers to"
              + " them.")
  public Response delete(@PathParam("id") long id) {
    documents.deleteDocument(id);
    return Response.noContent().build();
  }

  // Check-out

  @POST
  @Path("{id: \\d+}/lock")
  @Operation(
      summary = "Check a document out",
      description =
          "Nobody else can add a version or change the metadata until it is checked in or the"
              + " check-out expires; checking out again extends one's own.")
  public DocumentView checkOut(@PathParam("id") long id) {
    documents.checkOut(id);
    return view(id);
  }

  @DELETE
  @Path("{id: \\d+}/lock")
  @Operation(
      summary = "Check a document in, or break someone else's check-out",
      description =
          "Ends the caller's own check-out. A manager of the library ends someone else's (audited"
              + " as broken); others are refused with the holder's name (422).")
  public DocumentView checkIn(@PathParam("id") long id) {
    Document document = documents.getDocument(id);
    long me = Subjects.requirePrincipal().accountId();
    boolean someoneElses =
        document.lockAt(Instant.now()).filter(lock -> !lock.heldBy(me)).isPresent();
    if (someoneElses && documents.rightOn(id) == LibraryRight.MANAGE) {
      documents.breakLock(id);
    } else {
      documents.checkIn(id);
    }
    return view(id);
  }

  // Helpers

  /** A file as the download servlet answers it (Range, ETag, HEAD), see {@link FileAnswer}. */
  private Response answer(HttpServletRequest request, DownloadableFile file, boolean inline)
      throws IOException {
    return FileAnswer.to(request, file, inline)
        .toResponse(storage, !request.getMethod().equals("HEAD"));
  }

  private DocumentView view(long id) {
    return DocumentView.of(documents.getDocument(id), documents.rightOn(id));
  }

  private UploadForm form(HttpServletRequest request) {
    return UploadForm.of(request, input().language(), storage.maximumBytes());
  }

  /**
   * The uploaded file's content, streamed from where Undertow put it; one over the limit is refused
   * before it is copied at all (the blob store would refuse it, too, after reading the limit).
   */
  private InputStream content(Part file) throws IOException {
    if (file.getSize() > storage.maximumBytes()) {
      throw FileRejectedException.tooLarge(storage.maximumBytes());
    }
    return file.getInputStream();
  }

  /**
   * Checks the metadata by the service's own rules before the upload is read, and names the fields
   * that break them.
   */
  private void check(DocumentDraft draft, String comment) {
    Set<String> invalid = draft == null ? new TreeSet<>() : RestInput.violations(validator, draft);
    if (comment != null && comment.length() > DocumentVersion.COMMENT_LENGTH) {
      invalid.add("comment");
    }
    input().invalid(invalid);
  }

  private DocumentType type(String text) {
    try {
      return DocumentType.valueOf(text.strip());
    } catch (IllegalArgumentException unknown) {
      throw input().invalid("type");
    }
  }

  private Language language(String code) {
    return Language.fromCode(code.strip()).orElseThrow(() -> input().invalid("language"));
  }

  private Long folderId(String text) {
    try {
      return Long.valueOf(text.strip());
    } catch (NumberFormatException notANumber) {
      throw input().invalid("folder");
    }
  }

  /** Tags from repeated fields, each of which may also list several, separated by commas. */
  private static Set<String> tags(List<String> fields) {
    Set<String> tags = new LinkedHashSet<>();
    fields.stream()
        .flatMap(field -> Arrays.stream(field.split(",")))
        .map(String::strip)
        .filter(tag -> !tag.isEmpty())
        .forEach(tags::add);
    return tags;
  }

  private RestInput input() {
    return RestInput.of(headers, "documents");
  }
}
