package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.documents.Document;
import eu.smek.documents.DocumentDraft;
import eu.smek.documents.DocumentService;
import eu.smek.documents.DocumentType;
import eu.smek.documents.DocumentVersion;
import eu.smek.documents.Library;
import eu.smek.documents.NamedContent;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.Language;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.ejb.EJB;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The document pages against hostile input: names and titles with markup are shown as text, an
 * oversized title or a reference number with markup gets a translated message and changes nothing,
 * and an upload whose file name climbs out of its directory never keeps that name.
 */
@ExtendWith(ArquillianExtension.class)
class DocumentPagesWebIT extends InContainerTest {

  private static final String HOSTILE_TITLE = "<img src=x onerror=alert(1)>";

  @EJB(lookup = "java:global/smek/smek-ejb/DocumentService")
  private DocumentService documents;

  private AccountPrincipal coordinator;
  private String libraryName;
  private Library library;
  private Document document;

  @BeforeEach
  void aLibraryWithADocument() throws Exception {
    coordinator = data.account(Role.TOWN_COORDINATOR, "PP3");
    libraryName = "<script>alert('" + UUID.randomUUID().toString().substring(0, 8) + "')</script>";
    SpaceRef town = new SpaceRef(SpaceType.ORGANISATION, data.findOrganisation("PP3").getId());
    library =
        TestSubjects.as(
            coordinator,
            () -> documents.createLibrary(town, libraryName, "<b>opis</b>", Visibility.PRIVATE));
    document =
        TestSubjects.as(
            coordinator,
            () ->
                documents.upload(
                    library.getId(),
                    null,
                    new DocumentDraft(
                        HOSTILE_TITLE, null, DocumentType.OTHER, Language.PL, Set.of(), null),
                    null,
                    new NamedContent(
                        "umowa.pdf", new ByteArrayInputStream(TestFiles.pdf("Umowa")))));
  }

  @Test
  void namesAndTitlesWithMarkupAreShownAsText() throws Exception {
    Http browser = signedIn(coordinator);
    for (String page :
        List.of(
            "/documents/list-libraries",
            "/documents/view-library?id=" + library.getId(),
            "/documents/view-document?id=" + document.getId())) {
      HttpResponse<String> response = browser.get(page);
      assertEquals(200, response.statusCode(), page);
      String body = response.body();
      assertFalse(body.contains(libraryName), page);
      assertFalse(body.contains(HOSTILE_TITLE), page);
      assertFalse(body.contains("<b>opis</b>"), page);
    }
    String list = browser.get("/documents/list-libraries").body();
    assertTrue(list.contains(libraryName.replace("<", "&lt;").replace(">", "&gt;")), list);
    String view = browser.get("/documents/view-library?id=" + library.getId()).body();
    assertTrue(view.contains("&lt;img src=x onerror=alert(1)&gt;"), view);
  }

  private Map<String, String> metadataForm(String html) {
    Map<String, String> fields = new HashMap<>(Http.formState(html));
    fields.put("metadata-form", "metadata-form");
    fields.put("metadata-form:title", "Umowa");
    fields.put("metadata-form:description", "");
    fields.put("metadata-form:type", "AGREEMENT");
    fields.put("metadata-form:language", "PL");
    fields.put("metadata-form:tags", "umowa, partnerstwo");
    fields.put("metadata-form:reference-number", "SMEK/2026/7");
    fields.put("metadata-form:save-metadata", "");
    return fields;
  }

  @Test
  void anOversizedTitleOrAReferenceWithMarkupIsRefusedWithATranslatedMessage() throws Exception {
    Http browser = signedIn(coordinator);
    String page = "/documents/view-document?id=" + document.getId();
    HttpResponse<String> form = browser.get(page);
    assertEquals(200, form.statusCode());

    Map<String, String> oversized = metadataForm(form.body());
    oversized.put("metadata-form:title", "T".repeat(Document.TITLE_LENGTH + 1));
    HttpResponse<String> refused = browser.postForm(page, oversized);
    assertEquals(200, refused.statusCode());
    // Test accounts read English.
    assertTrue(refused.body().contains("Title: at most 300 characters."), refused.body());

    Map<String, String> markup = metadataForm(refused.body());
    markup.put("metadata-form:reference-number", "<script>");
    HttpResponse<String> again = browser.postForm(page, markup);
    assertEquals(200, again.statusCode());
    assertTrue(
        again.body().contains("Reference number: at most 64 letters, digits, spaces"),
        again.body());
    assertFalse(again.body().contains("<script>\""), again.body());

    Document unchanged =
        TestSubjects.as(coordinator, () -> documents.getDocument(document.getId()));
    assertEquals(HOSTILE_TITLE, unchanged.getTitle());
    assertEquals(DocumentType.OTHER, unchanged.getType());

    HttpResponse<String> saved = browser.postForm(page, metadataForm(again.body()));
    assertEquals(302, saved.statusCode(), saved.body());
    Document changed = TestSubjects.as(coordinator, () -> documents.getDocument(document.getId()));
    assertEquals("Umowa", changed.getTitle());
    assertEquals(Set.of("umowa", "partnerstwo"), changed.getTags());
    assertEquals("SMEK/2026/7", changed.getReferenceNumber());
  }

  /** Sends one file as the library page's upload component does (one Ajax request per file). */
  private static HttpResponse<String> upload(Http browser, String page, String html, String name)
      throws Exception {
    Map<String, String> fields = new HashMap<>(Http.formState(html));
    fields.put("upload-form", "upload-form");
    fields.put("jakarta.faces.partial.ajax", "true");
    fields.put("jakarta.faces.source", "upload-form:files");
    fields.put("jakarta.faces.partial.execute", "upload-form:files");
    fields.put("jakarta.faces.partial.render", "upload-form:upload-results contents messages");
    fields.put("upload-form:files_totalFilesCount", "1");
    HttpResponse<String> response =
        browser.postMultipart(
            page,
            fields,
            new Http.FilePart("upload-form:files", name, "application/pdf", TestFiles.pdf("x")),
            "Faces-Request",
            "partial/ajax");
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().startsWith("<?xml"), response.body());
    return response;
  }

  private List<String> storedFileNames() throws Exception {
    return TestSubjects.as(coordinator, () -> documents.contents(library.getId(), null))
        .documents()
        .stream()
        .flatMap(d -> d.getVersions().stream())
        .map(DocumentVersion::getFileName)
        .sorted()
        .toList();
  }

  @Test
  void anUploadedFileNameWithAPathNeverKeepsThePath() throws Exception {
    Http browser = signedIn(coordinator);
    String page = "/documents/view-library?id=" + library.getId();
    String html = browser.get(page).body();

    HttpResponse<String> climbing = upload(browser, page, html, "../../../etc/passwd.pdf");
    assertTrue(
        climbing
            .body()
            .contains(
                "The file name “../../../etc/passwd.pdf” contains a folder path; upload the file"
                    + " itself."),
        climbing.body());
    assertEquals(List.of("umowa.pdf"), storedFileNames());

    // A Windows path (as old browsers sent) keeps only its last part.
    HttpResponse<String> windows = upload(browser, page, html, "..\\..\\boot.ini.pdf");
    assertTrue(windows.body().contains("(boot.ini.pdf)"), windows.body());
    assertEquals(List.of("boot.ini.pdf", "umowa.pdf"), storedFileNames());
  }
}
