package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.documents.Document;
import eu.smek.documents.DocumentDraft;
import eu.smek.documents.DocumentHit;
import eu.smek.documents.DocumentHits;
import eu.smek.documents.DocumentQuery;
import eu.smek.documents.DocumentService;
import eu.smek.documents.DocumentText;
import eu.smek.documents.DocumentType;
import eu.smek.documents.NamedContent;
import eu.smek.membership.Country;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.Language;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The full-text search of documents against the real server: the text inside uploaded files is
 * found after the upload, in inflected forms of Polish, Slovak and English, only by those who may
 * read it, with filters and highlighted, escaped snippets.
 */
@ExtendWith(ArquillianExtension.class)
class DocumentSearchIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/DocumentService")
  private DocumentService documents;

  /** A word found in no other document, so that each test sees only its own. */
  private String marker;

  private Town polish;
  private Town slovak;

  private record Town(long id, AccountPrincipal coordinator, AccountPrincipal clerk) {}

  @BeforeEach
  void twoTowns() {
    marker = "xq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    polish = town("Gmina Lesko " + marker, Country.PL);
    slovak = town("Mesto Snina " + marker, Country.SK);
  }

  private Town town(String name, Country country) {
    long id = data.memberTown(name, country);
    String code =
        data.query("select o.code from Organisation o where o.id = ?1", String.class, id).get(0);
    return new Town(id, data.account(Role.TOWN_COORDINATOR, code), data.account(Role.CLERK, code));
  }

  private long library(Town town, Visibility visibility) throws Exception {
    return TestSubjects.as(
        town.coordinator(),
        () ->
            documents
                .createLibrary(
                    new SpaceRef(SpaceType.ORGANISATION, town.id()),
                    "Dokumenty " + marker,
                    null,
                    visibility)
                .getId());
  }

  private long upload(
      Town town,
      long library,
      Long folder,
      String title,
      Language language,
      String file,
      byte[] content)
      throws Exception {
    return upload(town, library, folder, title, DocumentType.AGREEMENT, language, file, content);
  }

  private long upload(
      Town town,
      long library,
      Long folder,
      String title,
      DocumentType type,
      Language language,
      String file,
      byte[] content)
      throws Exception {
    Document document =
        TestSubjects.as(
            town.clerk(),
            () ->
                documents.upload(
                    library,
                    folder,
                    new DocumentDraft(title, null, type, language, Set.of(), null),
                    null,
                    new NamedContent(file, new ByteArrayInputStream(content))));
    return document.getId();
  }

  private DocumentHits search(AccountPrincipal user, DocumentQuery query) throws Exception {
    return TestSubjects.as(user, () -> documents.search(query, 0, 20));
  }

  /** Searches until the background indexing has caught up with what the test expects. */
  private DocumentHits await(AccountPrincipal user, DocumentQuery query, int expected)
      throws Exception {
    DocumentHits hits = search(user, query);
    for (int i = 0; i < 150 && hits.total() != expected; i++) {
      Thread.sleep(200);
      hits = search(user, query);
    }
    assertEquals(expected, hits.total(), query.toString());
    return hits;
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<Long> ids(DocumentHits hits) {
    return hits.hits().stream().map(DocumentHit::documentId).toList();
  }

  @Test
  void aWordInsideAPdfFindsIt() throws Exception {
    long library = library(polish, Visibility.PRIVATE);
    String inside = marker + "pdf";
    long id =
        upload(
            polish,
            library,
            null,
            "Protokol " + marker,
            Language.PL,
            "protokol.pdf",
            TestFiles.pdf("Harmonogram spotkan komorek wspolpracy " + inside));

    DocumentHits hits = await(polish.clerk(), DocumentQuery.of(inside), 1);

    DocumentHit hit = hits.hits().get(0);
    assertEquals(id, hit.documentId());
    assertEquals("protokol.pdf", hit.fileName());
    assertTrue(hit.snippetHtml().contains("<mark>" + inside + "</mark>"), hit.snippetHtml());
    assertTrue(hit.snippetHtml().contains("Harmonogram"), hit.snippetHtml());
  }

  @Test
  void inflectedPolishWordsFindEachOther() throws Exception {
    long library = library(polish, Visibility.PRIVATE);
    long id =
        upload(
            polish,
            library,
            null,
            "Porozumienie " + marker,
            Language.PL,
            "umowa.txt",
            text("Umowa o współpracy transgranicznej między miastami. " + marker));

    for (String query : List.of("umowy", "umową", "współpracą", "wspolpraca", "UMOWIE")) {
      DocumentHits hits = await(polish.clerk(), DocumentQuery.of(query + " " + marker), 1);
      assertEquals(List.of(id), ids(hits), query);
    }
    DocumentHit hit = search(polish.clerk(), DocumentQuery.of("umowy " + marker)).hits().get(0);
    assertTrue(hit.snippetHtml().startsWith("<mark>Umowa</mark> o współpracy"), hit.snippetHtml());
  }

  @Test
  void slovakAndEnglishInflectionsFindTheirDocuments() throws Exception {
    long library = library(slovak, Visibility.PRIVATE);
    long slovakId =
        upload(
            slovak,
            library,
            null,
            "Zmluva " + marker,
            Language.SK,
            "zmluva.txt",
            text("Zmluva o spolupráci miest Snina a Humenné."));
    long englishId =
        upload(
            slovak,
            library,
            null,
            "Agreements " + marker,
            Language.EN,
            "agreement.txt",
            text("The towns agreed on cooperating in tourism."));

    assertEquals(
        List.of(slovakId),
        ids(await(slovak.clerk(), DocumentQuery.of("zmluvou spoluprácou " + marker), 1)));
    assertEquals(
        List.of(slovakId), ids(await(slovak.clerk(), DocumentQuery.of("spolupraca " + marker), 1)));
    assertEquals(
        List.of(englishId),
        ids(await(slovak.clerk(), DocumentQuery.of("agreement cooperation " + marker), 1)));
  }

  @Test
  void theTextOfWordAndExcelFilesIsFound() throws Exception {
    long library = library(polish, Visibility.PRIVATE);
    long word =
        upload(
            polish,
            library,
            null,
            "Sprawozdanie " + marker,
            DocumentType.REPORT,
            Language.PL,
            "sprawozdanie.docx",
            docx("Sprawozdanie z realizacji projektu " + marker + "docx"));
    long excel =
        upload(
            polish,
            library,
            null,
            "Budżet " + marker,
            DocumentType.REPORT,
            Language.PL,
            "budzet.xlsx",
            xlsx("Koszty podróży " + marker + "xlsx"));

    assertEquals(List.of(word), ids(await(polish.clerk(), DocumentQuery.of(marker + "docx"), 1)));
    assertEquals(
        List.of(excel),
        ids(await(polish.clerk(), DocumentQuery.of("podróże " + marker + "xlsx"), 1)));
  }

  @Test
  void anotherTownsPrivateDocumentIsNeverFound() throws Exception {
    long closed = library(polish, Visibility.PRIVATE);
    long open = library(polish, Visibility.NETWORK);
    long privateFolder =
        TestSubjects.as(
            polish.coordinator(),
            () -> documents.createFolder(open, null, "Wewnętrzne", Visibility.PRIVATE).getId());
    long hidden = upload(polish, closed, null, "Tajne " + marker, Language.PL, "a.txt", text("a"));
    long shared = upload(polish, open, null, "Wspólne " + marker, Language.PL, "b.txt", text("b"));
    long inFolder =
        upload(polish, open, privateFolder, "Notatka " + marker, Language.PL, "c.txt", text("c"));

    // The town's own clerk sees all three; the other town's only the one shared with the network.
    assertEquals(
        Set.of(hidden, shared, inFolder),
        Set.copyOf(ids(await(polish.clerk(), DocumentQuery.of(marker), 3))));
    assertEquals(List.of(shared), ids(await(slovak.clerk(), DocumentQuery.of(marker), 1)));
    // An association administrator reads every library.
    AccountPrincipal admin = data.account(Role.ASSOCIATION_ADMINISTRATOR, "PP1");
    assertEquals(3, await(admin, DocumentQuery.of(marker), 3).total());
    // Filtering on the private library does not open it.
    assertEquals(
        0,
        search(slovak.clerk(), new DocumentQuery(marker, closed, null, null, null, null, null))
            .total());

    // Made private, the network library disappears from the other town's results at once.
    TestSubjects.run(
        polish.coordinator(),
        () -> {
          var library =
              documents.listLibraries().stream()
                  .filter(summary -> summary.library().getId() == open)
                  .findFirst()
                  .orElseThrow()
                  .library();
          documents.updateLibrary(
              open,
              library.getVersion(),
              library.getName(),
              null,
              Visibility.PRIVATE,
              Map.copyOf(library.getRights()));
        });
    assertEquals(0, search(slovak.clerk(), DocumentQuery.of(marker)).total());
  }

  @Test
  void filtersNarrowTheResults() throws Exception {
    long library = library(polish, Visibility.PRIVATE);
    long other = library(polish, Visibility.PRIVATE);
    long minutes =
        upload(
            polish,
            library,
            null,
            "Protokół " + marker,
            DocumentType.MINUTES,
            Language.PL,
            "p.txt",
            text("Posiedzenie komórki"));
    long report =
        upload(
            polish,
            other,
            null,
            "Report " + marker,
            DocumentType.REPORT,
            Language.EN,
            "r.txt",
            text("Annual report"));
    await(polish.clerk(), DocumentQuery.of(marker), 2);

    assertEquals(
        List.of(minutes),
        ids(search(polish.clerk(), query(library, null, null, null, null, null))));
    assertEquals(
        List.of(report),
        ids(search(polish.clerk(), query(null, DocumentType.REPORT, null, null, null, null))));
    assertEquals(
        List.of(minutes),
        ids(search(polish.clerk(), query(null, null, Language.PL, null, null, null))));
    assertEquals(
        0,
        search(
                polish.clerk(),
                query(null, null, null, null, null, polish.coordinator().accountId()))
            .total());
    assertEquals(
        2,
        search(polish.clerk(), query(null, null, null, null, null, polish.clerk().accountId()))
            .total());
    Instant now = Instant.now();
    assertEquals(
        2,
        search(
                polish.clerk(),
                query(null, null, null, now.minus(1, ChronoUnit.HOURS), now.plusSeconds(60), null))
            .total());
    assertEquals(
        0,
        search(polish.clerk(), query(null, null, null, now.plus(1, ChronoUnit.HOURS), null, null))
            .total());
  }

  private DocumentQuery query(
      Long library, DocumentType type, Language language, Instant from, Instant to, Long author) {
    return new DocumentQuery(marker, library, type, language, from, to, author);
  }

  @Test
  void snippetsMarkTheMatchesAndEscapeEverythingElse() throws Exception {
    long library = library(polish, Visibility.PRIVATE);
    upload(
        polish,
        library,
        null,
        "<b>Skrypt</b> " + marker,
        Language.PL,
        "xss.txt",
        text("Uwaga: <script>alert('x')</script> & harmonogram " + marker));

    DocumentHit hit =
        await(polish.clerk(), DocumentQuery.of("harmonogram " + marker), 1).hits().get(0);

    assertTrue(
        hit.snippetHtml()
            .contains(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>harmonogram</mark>"),
        hit.snippetHtml());
    assertFalse(hit.snippetHtml().contains("<script>"), hit.snippetHtml());
    assertEquals("&lt;b&gt;Skrypt&lt;/b&gt; <mark>" + marker + "</mark>", hit.titleHtml());
  }

  @Test
  void changesAndDeletionsReachTheIndex() throws Exception {
    long library = library(polish, Visibility.PRIVATE);
    long id =
        upload(polish, library, null, "Stary tytuł " + marker, Language.PL, "t.txt", text("x"));
    await(polish.clerk(), DocumentQuery.of("stary " + marker), 1);

    TestSubjects.run(
        polish.clerk(),
        () -> {
          Document document = documents.getDocument(id);
          documents.updateMetadata(
              id,
              document.getVersion(),
              new DocumentDraft(
                  "Nowy tytuł " + marker,
                  null,
                  DocumentType.RESOLUTION,
                  Language.PL,
                  Set.of("budżet"),
                  null));
        });
    await(polish.clerk(), DocumentQuery.of("nowy " + marker), 1);
    await(polish.clerk(), DocumentQuery.of("stary " + marker), 0);
    assertEquals(List.of(id), ids(search(polish.clerk(), DocumentQuery.of("budżetu " + marker))));

    TestSubjects.run(polish.coordinator(), () -> documents.deleteDocument(id));
    await(polish.clerk(), DocumentQuery.of(marker), 0);
  }

  @Test
  void aHugeTextIsCutAtTheLimit() throws Exception {
    long library = library(polish, Visibility.PRIVATE);
    StringBuilder huge = new StringBuilder(marker + "begin ");
    for (int i = 0; huge.length() < DocumentText.MAXIMUM_CHARACTERS + 200_000; i++) {
      huge.append("słowo").append(i).append(' ');
    }
    huge.append(marker).append("end");
    long id =
        upload(
            polish,
            library,
            null,
            "Długi " + marker,
            Language.PL,
            "long.txt",
            text(huge.toString()));

    await(polish.clerk(), DocumentQuery.of(marker + "begin"), 1);
    assertEquals(0, search(polish.clerk(), DocumentQuery.of(marker + "end")).total());
    List<Object[]> stored =
        data.query(
            "select t.outcome, length(t.text) from DocumentText t, DocumentVersion v"
                + " where t.versionId = v.id and v.document.id = ?1",
            Object[].class,
            id);
    assertEquals(DocumentText.Outcome.TRUNCATED, stored.get(0)[0]);
    assertTrue(
        ((Number) stored.get(0)[1]).intValue() <= DocumentText.MAXIMUM_CHARACTERS,
        "kept " + ((Number) stored.get(0)[1]).intValue());
  }

  @Test
  void theRestApiSearchesWithTheSameRules() throws Exception {
    long library = library(polish, Visibility.PRIVATE);
    long id =
        upload(
            polish,
            library,
            null,
            "Uchwała " + marker,
            DocumentType.RESOLUTION,
            Language.PL,
            "uchwala.txt",
            text("Uchwała w sprawie budżetu"));
    await(polish.clerk(), DocumentQuery.of(marker), 1);
    String path =
        "/api/v1/documents/search?type=RESOLUTION&q="
            + URLEncoder.encode("uchwały " + marker, StandardCharsets.UTF_8);
    Http http = Http.local();

    HttpResponse<String> own =
        http.get(path, "Authorization", Http.basic(polish.clerk().login(), TestData.PASSWORD));
    HttpResponse<String> other =
        http.get(path, "Authorization", Http.basic(slovak.clerk().login(), TestData.PASSWORD));
    HttpResponse<String> badDate =
        http.get(
            path + "&from=yesterday",
            "Authorization",
            Http.basic(polish.clerk().login(), TestData.PASSWORD));

    assertEquals(200, own.statusCode(), own.body());
    JsonObject found = Json.createReader(new StringReader(own.body())).readObject();
    assertEquals(1, found.getInt("total"));
    JsonObject hit = found.getJsonArray("hits").getJsonObject(0);
    assertEquals(id, hit.getJsonNumber("documentId").longValue());
    assertEquals(
        "<mark>Uchwała</mark> " + "<mark>" + marker + "</mark>", hit.getString("titleHtml"));
    assertEquals(200, other.statusCode(), other.body());
    assertEquals(0, Json.createReader(new StringReader(other.body())).readObject().getInt("total"));
    assertEquals(400, badDate.statusCode(), badDate.body());
  }

  @Test
  void theIndexLivesInTheServersDataDirectory() {
    Path index = Path.of(System.getProperty("jboss.server.data.dir"), "search-index");
    assertTrue(Files.isDirectory(index), index.toString());
    assertTrue(Files.isDirectory(index.resolve("document")), index.resolve("document").toString());
  }

  private static byte[] docx(String text) throws IOException {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText(text);
      document.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] xlsx(String text) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook
          .createSheet("Koszty")
          .createRow(0)
          .createCell(0)
          .setCellValue(text.toLowerCase(Locale.ROOT));
      workbook.write(out);
      return out.toByteArray();
    }
  }
}
