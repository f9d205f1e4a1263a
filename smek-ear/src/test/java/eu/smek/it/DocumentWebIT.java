package eu.smek.it;

import static eu.smek.it.Api.auth;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.documents.Document;
import eu.smek.documents.DocumentService;
import eu.smek.documents.Library;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Document libraries from outside: the download servlet and the REST API with Range and conditional
 * requests, names in Polish and Slovak, other towns and visitors, check-out, broken off, hostile
 * and oversized uploads, concurrent versions and thumbnails.
 */
@ExtendWith(ArquillianExtension.class)
class DocumentWebIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/DocumentService")
  private DocumentService documents;

  private final Http http = Http.local();
  private long town;
  private AccountPrincipal coordinator;
  private AccountPrincipal clerk;
  private AccountPrincipal stranger;

  @BeforeEach
  void people() {
    town = data.findOrganisation("PP3").getId();
    coordinator = data.account(Role.TOWN_COORDINATOR, "PP3");
    clerk = data.account(Role.CLERK, "PP3");
    stranger = data.account(Role.CLERK, "PP7");
  }

  // Downloads

  @Test
  void rangesReturnTheRightBytes() throws Exception {
    byte[] pdf = bigPdf(300_000);
    long id = uploaded(library(Visibility.PRIVATE), "range.pdf", pdf);
    Http browser = signedIn(clerk);
    String path = "/documents/files/" + id;

    HttpResponse<byte[]> whole = browser.getBytes(path);
    assertEquals(200, whole.statusCode());
    assertArrayEquals(pdf, whole.body());
    assertEquals(Long.toString(pdf.length), header(whole, "Content-Length"));
    assertEquals("application/pdf", header(whole, "Content-Type"));
    assertEquals("bytes", header(whole, "Accept-Ranges"));
    assertEquals('"' + sha256(pdf) + '"', header(whole, "ETag"));
    assertTrue(header(whole, "Cache-Control").contains("private"));
    assertTrue(header(whole, "Last-Modified").endsWith(" GMT"));
    assertTrue(
        header(whole, "Content-Disposition").startsWith("attachment; filename=\"range.pdf\""));

    assertPart(browser.getBytes(path, "Range", "bytes=0-99"), pdf, 0, 99);
    // Across the server's 64 KiB buffers.
    assertPart(browser.getBytes(path, "Range", "bytes=65000-200000"), pdf, 65000, 200000);
    assertPart(
        browser.getBytes(path, "Range", "bytes=-500"), pdf, pdf.length - 500, pdf.length - 1);
    assertPart(browser.getBytes(path, "Range", "bytes=250000-"), pdf, 250000, pdf.length - 1);
    assertPart(browser.getBytes(path + "/1", "Range", "bytes=7-7"), pdf, 7, 7);

    HttpResponse<byte[]> beyond = browser.getBytes(path, "Range", "bytes=" + pdf.length + "-");
    assertEquals(416, beyond.statusCode());
    assertEquals("bytes */" + pdf.length, header(beyond, "Content-Range"));
    assertEquals(0, beyond.body().length);

    // If-Range: the range only for the very same file, else the whole of it.
    String etag = header(whole, "ETag");
    assertPart(browser.getBytes(path, "Range", "bytes=0-9", "If-Range", etag), pdf, 0, 9);
    HttpResponse<byte[]> changed =
        browser.getBytes(path, "Range", "bytes=0-9", "If-Range", "\"another-file\"");
    assertEquals(200, changed.statusCode());
    assertArrayEquals(pdf, changed.body());

    HttpResponse<byte[]> head =
        browser.sendForBytes(
            browser.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(200, head.statusCode());
    assertEquals(Long.toString(pdf.length), header(head, "Content-Length"));
    assertEquals(0, head.body().length);

    // The API answers the same way.
    String api = "/api/v1/documents/" + id + "/content";
    assertPart(
        http.getBytes(api, "Authorization", auth(clerk), "Range", "bytes=-500"),
        pdf,
        pdf.length - 500,
        pdf.length - 1);
    HttpResponse<byte[]> viaApi = http.getBytes(api + "/1", "Authorization", auth(clerk));
    assertEquals(200, viaApi.statusCode());
    assertArrayEquals(pdf, viaApi.body());
    assertEquals(etag, header(viaApi, "ETag"));

    assertEquals(404, browser.getBytes(path + "/2").statusCode());
    assertEquals(404, browser.getBytes("/documents/files/x" + id).statusCode());
  }

  @Test
  void aClientThatHasTheFileGetsNotModified() throws Exception {
    byte[] pdf = pdf();
    long id = uploaded(library(Visibility.PRIVATE), "etag.pdf", pdf);
    Http browser = signedIn(clerk);
    String etag = '"' + sha256(pdf) + '"';

    HttpResponse<byte[]> cached = browser.getBytes("/documents/files/" + id, "If-None-Match", etag);
    assertEquals(304, cached.statusCode());
    assertEquals(0, cached.body().length);
    assertEquals(etag, header(cached, "ETag"));
    assertEquals(
        304,
        browser
            .getBytes("/documents/files/" + id, "If-None-Match", "\"other\", W/" + etag)
            .statusCode());
    assertEquals(
        200, browser.getBytes("/documents/files/" + id, "If-None-Match", "\"other\"").statusCode());
    assertEquals(
        304,
        http.getBytes(
                "/api/v1/documents/" + id + "/content",
                "Authorization",
                auth(clerk),
                "If-None-Match",
                etag)
            .statusCode());
  }

  @Test
  void polishAndSlovakNamesSurviveTheDownload() throws Exception {
    long library = library(Visibility.PRIVATE);
    HttpResponse<String> uploaded =
        upload(library, clerk, "Uchwała Rady – Žiadosť.pdf", "application/pdf", pdf(), Map.of());
    assertEquals(201, uploaded.statusCode(), uploaded.body());
    JsonObject document = json(uploaded);
    assertEquals(
        "Uchwała Rady – Žiadosť.pdf",
        document.getJsonArray("versions").getJsonObject(0).getString("fileName"));
    Http browser = signedIn(clerk);
    String path = "/documents/files/" + document.getInt("id");

    assertEquals(
        "attachment; filename=\"Uchwala Rady - Ziadost.pdf\";"
            + " filename*=UTF-8''Uchwa%C5%82a%20Rady%20%E2%80%93%20%C5%BDiados%C5%A5.pdf",
        header(browser.getBytes(path), "Content-Disposition"));
    assertTrue(
        header(browser.getBytes(path + "?inline=true"), "Content-Disposition")
            .startsWith("inline; filename=\"Uchwala Rady - Ziadost.pdf\""));

    // Only what browsers show safely is shown; text is always saved.
    long text = uploaded(library, "poznámky.txt", "Hello from Snina".getBytes(UTF_8));
    assertTrue(
        header(browser.getBytes("/documents/files/" + text + "?inline=true"), "Content-Disposition")
            .startsWith("attachment;"));
  }

  // Who may

  @Test
  void otherTownsAndVisitorsFindNothingUntilTheLibraryIsOpened() throws Exception {
    long library = library(Visibility.PRIVATE);
    long id = uploaded(library, "private.pdf", pdf());
    String file = "/documents/files/" + id;
    Http other = signedIn(stranger);
    Http visitor = Http.local();

    assertEquals(404, other.getBytes(file).statusCode());
    assertEquals(404, other.getBytes(file + "/1").statusCode());
    assertEquals(404, other.getBytes("/documents/thumbnails/" + id + "/1").statusCode());
    assertEquals(404, visitor.getBytes(file).statusCode());
    for (String path :
        List.of(
            "/api/v1/documents/" + id,
            "/api/v1/documents/" + id + "/content",
            "/api/v1/documents/" + id + "/content/1",
            "/api/v1/documents/" + id + "/thumbnails/1",
            "/api/v1/documents/libraries/" + library)) {
      HttpResponse<String> refused = http.get(path, "Authorization", auth(stranger));
      assertEquals(404, refused.statusCode(), path);
      assertEquals("error.recordNotFound", json(refused).getString("code"), path);
      assertEquals(401, http.get(path).statusCode(), path);
    }
    HttpResponse<String> version =
        http.postMultipart(
            "/api/v1/documents/" + id + "/versions",
            Map.of(),
            new Http.FilePart("file", "v2.pdf", "application/pdf", pdf()),
            "Authorization",
            auth(stranger));
    assertEquals(404, version.statusCode(), version.body());
    assertFalse(libraryIds(stranger).contains(library));

    open(library, Visibility.NETWORK);
    assertEquals(200, other.getBytes(file).statusCode());
    assertEquals(
        200, http.get("/api/v1/documents/" + id, "Authorization", auth(stranger)).statusCode());
    assertEquals(404, visitor.getBytes(file).statusCode());

    open(library, Visibility.PUBLIC);
    HttpResponse<byte[]> visited = visitor.getBytes(file);
    assertEquals(200, visited.statusCode());
    assertTrue(new String(visited.body(), UTF_8).startsWith("%PDF-"));
    assertTrue(
        visited.headers().allValues("Set-Cookie").stream()
            .noneMatch(cookie -> cookie.startsWith("JSESSIONID")),
        "a visitor's download costs no session");
  }

  // Uploads, versions and check-out

  @Test
  void aPdfUploadedOverRestGetsVersionsOnlyFromTheHolderOfTheCheckOut() throws Exception {
    long library = library(Visibility.PRIVATE);
    byte[] pdf = pdf();
    HttpResponse<String> uploaded =
        upload(
            library,
            clerk,
            "zapisnica.pdf",
            "application/pdf",
            pdf,
            Map.of(
                "description", "Zápisnica zo zasadnutia",
                "tags", "Rada, Rozpočet ,rada",
                "referenceNumber", "RN/12/2026",
                "comment", "first draft"));
    assertEquals(201, uploaded.statusCode(), uploaded.body());
    JsonObject document = json(uploaded);
    long id = document.getInt("id");
    assertTrue(header(uploaded, "Location").endsWith("/api/v1/documents/" + id));
    assertEquals("MINUTES", document.getString("type"));
    assertEquals("pl", document.getString("language"));
    assertEquals("RN/12/2026", document.getString("referenceNumber"));
    assertEquals(
        List.of("rada", "rozpočet"),
        document.getJsonArray("tags").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
    assertEquals("UPLOAD", document.getString("right"));
    JsonObject first = document.getJsonArray("versions").getJsonObject(0);
    assertEquals(1, first.getInt("number"));
    assertEquals("application/pdf", first.getString("contentType"));
    assertEquals(pdf.length, first.getInt("size"));
    assertEquals(sha256(pdf), first.getString("sha256"));
    assertEquals("first draft", first.getString("comment"));

    String lock = "/api/v1/documents/" + id + "/lock";
    HttpResponse<String> checkedOut = post(lock, coordinator);
    assertEquals(200, checkedOut.statusCode(), checkedOut.body());
    assertTrue(json(checkedOut).getJsonObject("lock").getBoolean("mine"));

    HttpResponse<String> refused = addVersion(id, clerk, pdf(), "Accept-Language", "pl");
    assertEquals(422, refused.statusCode(), refused.body());
    JsonObject problem = json(refused);
    assertEquals("documents.rule.locked", problem.getString("code"));
    assertTrue(
        problem
            .getString("detail")
            .startsWith("Dokument jest wypożyczony przez Test TOWN_COORDINATOR od "),
        problem.getString("detail"));
    assertTrue(
        problem.getString("detail").endsWith("dopóki nie zostanie zwrócony."),
        problem.getString("detail"));
    HttpResponse<String> clerksCheckIn = delete(lock, clerk);
    assertEquals(422, clerksCheckIn.statusCode(), clerksCheckIn.body());

    HttpResponse<String> second = addVersion(id, coordinator, pdf());
    assertEquals(201, second.statusCode(), second.body());
    assertEquals(2, json(second).getInt("number"));
    HttpResponse<String> checkedIn = delete(lock, coordinator);
    assertEquals(200, checkedIn.statusCode(), checkedIn.body());
    assertTrue(json(checkedIn).isNull("lock"));

    // A manager breaks someone else's check-out.
    assertEquals(200, post(lock, clerk).statusCode());
    HttpResponse<String> broken = delete(lock, coordinator);
    assertEquals(200, broken.statusCode(), broken.body());
    assertTrue(json(broken).isNull("lock"));
    assertEquals(201, addVersion(id, clerk, pdf()).statusCode());

    // Metadata with the version read; a stale one is a conflict.
    JsonObject current = json(http.get("/api/v1/documents/" + id, "Authorization", auth(clerk)));
    String metadata =
        Json.createObjectBuilder()
            .add("version", current.getJsonNumber("version").longValue())
            .add("title", "Zápisnica č. 12")
            .add("type", "MINUTES")
            .add("language", "sk")
            .build()
            .toString();
    HttpResponse<String> changed = put("/api/v1/documents/" + id, clerk, metadata);
    assertEquals(200, changed.statusCode(), changed.body());
    assertEquals("Zápisnica č. 12", json(changed).getString("title"));
    assertEquals("sk", json(changed).getString("language"));
    HttpResponse<String> stale = put("/api/v1/documents/" + id, clerk, metadata);
    assertEquals(409, stale.statusCode(), stale.body());
    assertEquals("error.concurrentChange", json(stale).getString("code"));
  }

  @Test
  void librariesAndFoldersAreMadeOverRest() throws Exception {
    HttpResponse<String> created =
        postJson(
            "/api/v1/documents/libraries",
            coordinator,
            Json.createObjectBuilder()
                .add("spaceType", "ORGANISATION")
                .add("spaceId", town)
                .add("name", "Uchwały " + UUID.randomUUID())
                .add("visibility", "NETWORK")
                .build()
                .toString());
    assertEquals(201, created.statusCode(), created.body());
    JsonObject library = json(created);
    assertEquals("MANAGE", library.getString("right"));
    assertEquals("Gmina Miejska Przemyśl", library.getString("spaceName"));
    long id = library.getInt("id");

    HttpResponse<String> folder =
        postJson(
            "/api/v1/documents/libraries/" + id + "/folders",
            coordinator,
            "{\"name\": \"2026\", \"visibility\": \"PRIVATE\"}");
    assertEquals(201, folder.statusCode(), folder.body());
    long folderId = json(folder).getInt("id");
    assertEquals("PRIVATE", json(folder).getString("effectiveVisibility"));

    HttpResponse<String> inFolder =
        upload(id, clerk, "a.pdf", "application/pdf", pdf(), Map.of("folder", "" + folderId));
    assertEquals(201, inFolder.statusCode(), inFolder.body());
    JsonObject contents =
        json(
            http.get(
                "/api/v1/documents/libraries/" + id + "?folder=" + folderId,
                "Authorization",
                auth(clerk)));
    assertEquals(1, contents.getJsonArray("documents").size());
    assertEquals("2026", contents.getJsonObject("folder").getString("name"));
    assertTrue(libraryIds(clerk).contains(id));
    // The private folder of a network library is nobody else's business.
    HttpResponse<String> hidden =
        http.get(
            "/api/v1/documents/libraries/" + id + "?folder=" + folderId,
            "Authorization",
            auth(stranger));
    assertEquals(404, hidden.statusCode(), hidden.body());

    HttpResponse<String> clerkMakesLibrary =
        postJson(
            "/api/v1/documents/libraries",
            clerk,
            "{\"spaceType\": \"ORGANISATION\", \"spaceId\": "
                + town
                + ", \"name\": \"X\","
                + " \"visibility\": \"PRIVATE\"}");
    assertEquals(403, clerkMakesLibrary.statusCode(), clerkMakesLibrary.body());
    HttpResponse<String> incomplete =
        postJson("/api/v1/documents/libraries", coordinator, "{\"name\": \"X\"}");
    assertEquals(400, incomplete.statusCode(), incomplete.body());
    assertEquals("documents.api.fieldMissing", json(incomplete).getString("code"));
  }

  @Test
  void anUploadThatBreaksOffLeavesNoDocumentAndNoFile() throws Exception {
    long library = library(Visibility.PRIVATE);
    String title = "Interrupted " + UUID.randomUUID();
    byte[] content = bigPdf(3 * 1024 * 1024);
    String boundary = "smek-" + UUID.randomUUID();
    byte[] fields =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n"
                + title
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nOTHER\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nsk\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(UTF_8);
    byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(UTF_8);
    Instant started = Instant.now().minusSeconds(1);
    URI server = URI.create(http.base());
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/documents/libraries/"
                  + library
                  + "/documents HTTP/1.1\r\nHost: "
                  + server.getHost()
                  + "\r\nAuthorization: "
                  + auth(clerk)
                  + "\r\nContent-Type: multipart/form-data; boundary="
                  + boundary
                  + "\r\nContent-Length: "
                  + (fields.length + content.length + end.length)
                  + "\r\n\r\n")
              .getBytes(UTF_8));
      out.write(fields);
      out.write(content, 0, content.length / 2);
      out.flush();
      // While the upload arrives, what came of the file is on disk, not in memory.
      assertFalse(undertowFilesSince(started, Duration.ofSeconds(10)).isEmpty());
    }
    Thread.sleep(2000);

    assertEquals(
        0,
        data.query("select count(d) from Document d where d.title = ?1", Long.class, title).get(0));
    Path store = Path.of(System.getProperty("smek.documents.dir"));
    assertFalse(Files.exists(blob(store, sha256(content))));
    assertEquals(List.of(), filesSince(store.resolve("incoming"), started));
    // Nor what Undertow wrote of the part while it read it.
    assertEquals(List.of(), undertowFilesSince(started, Duration.ZERO));
  }

  @Test
  void zipBombsAndRenamedFilesAreRefusedWithTranslatedMessages() throws Exception {
    long library = library(Visibility.PRIVATE);
    HttpResponse<String> bomb =
        upload(
            library,
            clerk,
            "archiwum.zip",
            "application/zip",
            zipOfZeros(30 * 1024 * 1024),
            Map.of(),
            "Accept-Language",
            "pl");
    assertEquals(422, bomb.statusCode(), bomb.body());
    assertEquals(
        "Archiwum po rozpakowaniu jest wielokrotnie większe niż jego rozmiar lub zawiera zbyt"
            + " głęboko zagnieżdżone archiwa, dlatego nie zostało przyjęte.",
        json(bomb).getString("detail"));

    HttpResponse<String> renamed =
        upload(
            library,
            clerk,
            "skan.pdf",
            "application/pdf",
            TestFiles.png(40, 30),
            Map.of(),
            "Accept-Language",
            "pl");
    assertEquals(422, renamed.statusCode(), renamed.body());
    assertEquals(
        "Nazwa pliku „skan.pdf” wskazuje inny typ niż jego zawartość (image/png). Nadaj mu"
            + " właściwą nazwę lub prześlij właściwy plik.",
        json(renamed).getString("detail"));
    assertEquals(0, documentsIn(library));
  }

  @Test
  void hostileInputIsStoredAsPlainText() throws Exception {
    long library = library(Visibility.PRIVATE);
    String title = "<script>alert('x')</script> " + UUID.randomUUID();
    String description = "x'); DROP TABLE document; --";
    HttpResponse<String> uploaded =
        upload(
            library,
            clerk,
            "../../etc/passwd.pdf",
            "application/pdf",
            pdf(),
            Map.of("title", title, "description", description, "tags", "<b>tučné</b>"));
    assertEquals(201, uploaded.statusCode(), uploaded.body());
    assertTrue(header(uploaded, "Content-Type").startsWith("application/json"));
    JsonObject document = json(uploaded);
    assertEquals(title, document.getString("title"));
    assertEquals(description, document.getString("description"));
    assertEquals("<b>tučné</b>", document.getJsonArray("tags").getString(0));
    assertEquals(
        "passwd.pdf", document.getJsonArray("versions").getJsonObject(0).getString("fileName"));
    assertEquals(
        "attachment; filename=\"passwd.pdf\"; filename*=UTF-8''passwd.pdf",
        header(
            signedIn(clerk).getBytes("/documents/files/" + document.getInt("id")),
            "Content-Disposition"));
    assertEquals(
        1,
        data.query("select count(d) from Document d where d.title = ?1", Long.class, title).get(0));

    HttpResponse<String> injected =
        upload(
            library,
            clerk,
            "a.pdf",
            "application/pdf",
            pdf(),
            Map.of("referenceNumber", "1'; DROP TABLE document; --"));
    assertEquals(400, injected.statusCode(), injected.body());
    assertEquals("documents.api.invalidFields", json(injected).getString("code"));
    assertEquals(1, documentsIn(library));
  }

  @Test
  void oversizedMetadataIsRefusedWithAMessageBeforeTheFileIsKept() throws Exception {
    long library = library(Visibility.PRIVATE);
    byte[] pdf = pdf();
    Map<String, String> tooMuch = new LinkedHashMap<>();
    tooMuch.put("title", "T".repeat(Document.TITLE_LENGTH + 1));
    tooMuch.put(
        "tags",
        Stream.iterate(1, i -> i + 1)
            .limit(Document.MAXIMUM_TAGS + 1)
            .map(i -> "t" + i)
            .collect(Collectors.joining(",")));
    HttpResponse<String> refused =
        upload(library, clerk, "a.pdf", "application/pdf", pdf, tooMuch, "Accept-Language", "sk");
    assertEquals(400, refused.statusCode(), refused.body());
    JsonObject problem = json(refused);
    assertEquals("documents.api.invalidFields", problem.getString("code"));
    assertEquals(
        "Tieto polia nie sú platné: tags, title. Skontrolujte ich dĺžku a povolené znaky.",
        problem.getString("detail"));

    HttpResponse<String> huge =
        upload(
            library,
            clerk,
            "a.pdf",
            "application/pdf",
            pdf,
            Map.of("description", "D".repeat(1024 * 1024)));
    assertEquals(400, huge.statusCode(), huge.body());
    assertEquals("The field \"description\" is far too long.", json(huge).getString("detail"));

    HttpResponse<String> noFile =
        http.postMultipart(
            "/api/v1/documents/libraries/" + library + "/documents",
            Map.of("title", "No file", "type", "OTHER", "language", "en"),
            null,
            "Authorization",
            auth(clerk));
    assertEquals(400, noFile.statusCode(), noFile.body());
    assertEquals("The field \"file\" is missing.", json(noFile).getString("detail"));

    assertEquals(0, documentsIn(library));
    assertFalse(Files.exists(blob(Path.of(System.getProperty("smek.documents.dir")), sha256(pdf))));
  }

  @Test
  void twoVersionsUploadedAtOnceBothLandWithTheirOwnNumbers() throws Exception {
    long id = uploaded(library(Visibility.PRIVATE), "v1.pdf", pdf());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (AccountPrincipal who : List.of(clerk, coordinator)) {
        byte[] content = bigPdf(2 * 1024 * 1024);
        Callable<HttpResponse<String>> upload =
            () -> {
              start.await();
              return addVersion(id, who, content);
            };
        answers.add(pool.submit(upload));
      }
      start.countDown();
      Set<Integer> numbers = new TreeSet<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        assertEquals(201, response.statusCode(), response.body());
        numbers.add(json(response).getInt("number"));
      }
      assertEquals(Set.of(2, 3), numbers);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        3,
        json(http.get("/api/v1/documents/" + id, "Authorization", auth(clerk)))
            .getJsonArray("versions")
            .size());
  }

  // Thumbnails

  @Test
  void onlyAManagerDeletesADocumentOverRest() throws Exception {
    long library = library(Visibility.PRIVATE);
    long id = uploaded(library, "delete-me.pdf", pdf());

    assertEquals(403, delete("/api/v1/documents/" + id, clerk).statusCode());
    assertEquals(404, delete("/api/v1/documents/" + id, stranger).statusCode());
    assertEquals(1, documentsIn(library));
    assertEquals(204, delete("/api/v1/documents/" + id, coordinator).statusCode());
    assertEquals(0, documentsIn(library));
    assertEquals(
        404, http.get("/api/v1/documents/" + id, "Authorization", auth(coordinator)).statusCode());
  }

  @Test
  void pdfsAndPicturesGetThumbnails() throws Exception {
    long library = library(Visibility.PRIVATE);
    long pdf = uploaded(library, "náhľad.pdf", pdf());
    long picture = uploaded(library, "mapa.png", TestFiles.png(1000, 500));

    BufferedImage page = thumbnail(pdf);
    assertTrue(
        Math.max(page.getWidth(), page.getHeight()) <= 320,
        page.getWidth() + "x" + page.getHeight());
    assertTrue(page.getHeight() > page.getWidth(), "a portrait page");
    BufferedImage map = thumbnail(picture);
    assertEquals(320, map.getWidth());
    assertEquals(160, map.getHeight());

    JsonObject document = json(http.get("/api/v1/documents/" + pdf, "Authorization", auth(clerk)));
    assertEquals(
        "/api/v1/documents/" + pdf + "/thumbnails/1",
        document.getJsonArray("versions").getJsonObject(0).getString("thumbnailUrl"));
    HttpResponse<byte[]> inBrowser =
        signedIn(clerk).getBytes("/documents/thumbnails/" + pdf + "/1");
    assertEquals(200, inBrowser.statusCode());
    assertEquals("image/png", header(inBrowser, "Content-Type"));
  }

  // Damaged store

  @Test
  void aMissingOrDamagedFileIsAnErrorAndNeverADownload() throws Exception {
    long library = library(Visibility.PRIVATE);
    Path store = Path.of(System.getProperty("smek.documents.dir"));
    Http browser = signedIn(clerk);

    byte[] lost = pdf();
    long missing = uploaded(library, "lost.pdf", lost);
    byte[] original = pdf();
    long damaged = uploaded(library, "damaged.pdf", original);
    try {
      Files.delete(blob(store, sha256(lost)));
      assertEquals(500, browser.getBytes("/documents/files/" + missing).statusCode());
      HttpResponse<String> problem =
          http.get("/api/v1/documents/" + missing + "/content", "Authorization", auth(clerk));
      assertEquals(500, problem.statusCode(), problem.body());
      assertEquals("file.missing", json(problem).getString("code"));

      byte[] changed = original.clone();
      changed[changed.length / 2] ^= 1;
      Files.write(blob(store, sha256(original)), changed);
      HttpResponse<byte[]> refused = browser.getBytes("/documents/files/" + damaged);
      assertEquals(500, refused.statusCode());
      assertFalse(Arrays.equals(changed, refused.body()));
    } finally {
      // The store is shared with the other tests (BackupRestoreIT backs all of it up): put the
      // right bytes back, as IT staff would from a backup.
      Files.write(blob(store, sha256(lost)), lost);
      Files.write(blob(store, sha256(original)), original);
    }
  }

  // Helpers

  private long library(Visibility visibility) throws Exception {
    return TestSubjects.as(
        coordinator,
        () ->
            documents
                .createLibrary(
                    new SpaceRef(SpaceType.ORGANISATION, town),
                    "Library " + UUID.randomUUID(),
                    null,
                    visibility)
                .getId());
  }

  private void open(long libraryId, Visibility visibility) throws Exception {
    TestSubjects.run(
        coordinator,
        () -> {
          Library library = documents.contents(libraryId, null).library();
          documents.updateLibrary(
              libraryId,
              library.getVersion(),
              library.getName(),
              library.getDescription(),
              visibility,
              new HashMap<>(library.getRights()));
        });
  }

  private List<Long> libraryIds(AccountPrincipal who) throws Exception {
    HttpResponse<String> response =
        http.get("/api/v1/documents/libraries", "Authorization", auth(who));
    assertEquals(200, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body())).readArray().stream()
        .map(library -> library.asJsonObject().getJsonNumber("id").longValue())
        .toList();
  }

  private long documentsIn(long library) {
    return data.query(
            "select count(d) from Document d where d.library.id = ?1", Long.class, library)
        .get(0);
  }

  private HttpResponse<String> upload(
      long library,
      AccountPrincipal who,
      String fileName,
      String contentType,
      byte[] content,
      Map<String, String> fields,
      String... headers)
      throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("title", "Document " + UUID.randomUUID());
    form.put("type", "MINUTES");
    form.put("language", "pl");
    form.putAll(fields);
    String[] all =
        Stream.concat(Stream.of("Authorization", auth(who)), Arrays.stream(headers))
            .toArray(String[]::new);
    return http.postMultipart(
        "/api/v1/documents/libraries/" + library + "/documents",
        form,
        new Http.FilePart("file", fileName, contentType, content),
        all);
  }

  private long uploaded(long library, String fileName, byte[] content) throws Exception {
    HttpResponse<String> response =
        upload(library, clerk, fileName, "application/octet-stream", content, Map.of());
    assertEquals(201, response.statusCode(), response.body());
    return json(response).getInt("id");
  }

  private HttpResponse<String> addVersion(
      long id, AccountPrincipal who, byte[] content, String... headers) throws Exception {
    String[] all =
        Stream.concat(Stream.of("Authorization", auth(who)), Arrays.stream(headers))
            .toArray(String[]::new);
    return http.postMultipart(
        "/api/v1/documents/" + id + "/versions",
        Map.of("comment", "next"),
        new Http.FilePart("file", "next.pdf", "application/pdf", content),
        all);
  }

  private HttpResponse<String> post(String path, AccountPrincipal who) throws Exception {
    return http.send(
        http.request(path)
            .header("Authorization", auth(who))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private HttpResponse<String> postJson(String path, AccountPrincipal who, String json)
      throws Exception {
    return http.send(
        http.request(path)
            .header("Authorization", auth(who))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private HttpResponse<String> put(String path, AccountPrincipal who, String json)
      throws Exception {
    return http.send(
        http.request(path)
            .header("Authorization", auth(who))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private HttpResponse<String> delete(String path, AccountPrincipal who) throws Exception {
    return http.send(http.request(path).header("Authorization", auth(who)).DELETE().build());
  }

  /** Waits a little for the thumbnail, which is made after the upload, in the background. */
  private BufferedImage thumbnail(long id) throws Exception {
    String path = "/api/v1/documents/" + id + "/thumbnails/1";
    Instant deadline = Instant.now().plusSeconds(30);
    HttpResponse<byte[]> response;
    do {
      response = http.getBytes(path, "Authorization", auth(clerk));
      if (response.statusCode() == 200) {
        assertEquals("image/png", header(response, "Content-Type"));
        return ImageIO.read(new ByteArrayInputStream(response.body()));
      }
      assertEquals(404, response.statusCode());
      Thread.sleep(250);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("no thumbnail for document " + id);
  }

  private static void assertPart(HttpResponse<byte[]> response, byte[] file, int first, int last) {
    assertEquals(206, response.statusCode());
    assertEquals(
        "bytes " + first + "-" + last + "/" + file.length, header(response, "Content-Range"));
    assertEquals(Integer.toString(last - first + 1), header(response, "Content-Length"));
    assertArrayEquals(Arrays.copyOfRange(file, first, last + 1), response.body());
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElseThrow(() -> new AssertionError(name));
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** A one-page PDF of its own (so no other test shares its file in the store). */
  private static byte[] pdf() {
    return TestFiles.pdf("Document " + UUID.randomUUID());
  }

  /** A PDF padded with a comment to about {@code size} bytes of random letters. */
  private static byte[] bigPdf(int size) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
    out.write(pdf());
    Random random = new Random();
    byte[] line = new byte[100];
    while (out.size() < size) {
      line[0] = '%';
      for (int i = 1; i < line.length - 1; i++) {
        line[i] = (byte) ('a' + random.nextInt(26));
      }
      line[line.length - 1] = '\n';
      out.write(line);
    }
    return out.toByteArray();
  }

  private static byte[] zipOfZeros(int inflated) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("zeros.bin"));
      byte[] zeros = new byte[1024 * 1024];
      for (int written = 0; written < inflated; written += zeros.length) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  private static Path blob(Path store, String sha256) {
    return store.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  /**
   * The files Undertow wrote for multipart requests since then (in the server's temporary
   * directory), waiting up to {@code patience} for one to appear.
   */
  private static List<Path> undertowFilesSince(Instant since, Duration patience)
      throws IOException, InterruptedException {
    Path temp = Path.of(System.getProperty("jboss.server.temp.dir"));
    Instant deadline = Instant.now().plus(patience);
    while (true) {
      List<Path> found =
          filesSince(temp, since).stream()
              .filter(file -> file.getFileName().toString().startsWith("undertow"))
              .toList();
      if (!found.isEmpty() || !Instant.now().isBefore(deadline)) {
        return found;
      }
      Thread.sleep(100);
    }
  }

  /** Files changed since then; the walk goes on past files that vanish meanwhile. */
  private static List<Path> filesSince(Path directory, Instant since) throws IOException {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return found;
    }
    FileTime after = FileTime.from(since);
    Files.walkFileTree(
        directory,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile() && attributes.lastModifiedTime().compareTo(after) > 0) {
              found.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException gone) {
            return FileVisitResult.CONTINUE;
          }
        });
    return found;
  }
}
