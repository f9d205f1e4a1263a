package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.it.TestFiles;
import eu.smek.shared.Language;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Document libraries in the browser: a coordinator sets up a library and a folder, uploads several
 * files at once with progress bars (the refused ones say why, the others land) and by dragging and
 * dropping; links language versions; adds a version to a checked-out document, whose lock another
 * town's clerk sees and an administrator breaks; and runs an approval round that the clerk answers
 * and a new version resets. The demo libraries show what each demo user may see.
 */
class DocumentsBrowserIT extends BrowserTest {

  private static final Language PL = DemoUser.COORDINATOR.language();
  private static final Language SK = DemoUser.CLERK.language();
  private static final By UPLOADS = By.cssSelector("#uploads li");
  private static final By DOCUMENT_ROWS = By.cssSelector("#documents tbody tr");

  /** Records every state of the upload progress bars, which vanish once their file is stored. */
  private static final String WATCH_PROGRESS =
      """
      window.smekProgress = [];
      new MutationObserver(function () {
        document.querySelectorAll('[role=progressbar]').forEach(function (bar) {
          window.smekProgress.push({
            label: bar.getAttribute('aria-label') || '',
            value: bar.getAttribute('aria-valuenow') || '',
            visible: bar.getBoundingClientRect().width > 0
          });
        });
      }).observe(document.body, {subtree: true, childList: true, attributes: true,
          attributeFilter: ['aria-valuenow', 'aria-label']});
      """;

  /**
   * Drops files on the upload area as a browser does: native drag events whose data transfer holds
   * them (built from base64 content, since a headless browser cannot drag from the desktop).
   */
  private static final String DROP_FILES =
      """
      var target = document.getElementById(arguments[0]);
      var files = arguments[1].map(function (f) {
        var bytes = Uint8Array.from(atob(f.content), function (c) { return c.charCodeAt(0); });
        return new File([bytes], f.name, {type: f.type});
      });
      var transfer = {files: files, types: ['Files'], dropEffect: 'none'};
      ['dragenter', 'dragover', 'drop'].forEach(function (type) {
        var event = new DragEvent(type, {bubbles: true, cancelable: true});
        Object.defineProperty(event, 'dataTransfer', {value: transfer});
        target.dispatchEvent(event);
      });
      """;

  private static Path file(String name, byte[] content) throws IOException {
    Path directory = Files.createTempDirectory("smek-documents");
    return Files.write(directory.resolve(name), content);
  }

  /** An archive of a few KiB that unpacks to 40 MiB of zeros. */
  private static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("zeros.txt"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 40; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static List<String> texts(By by) {
    return browser.findAll(by).stream().map(WebElement::getText).toList();
  }

  private static WebDriverWait patiently() {
    return new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
  }

  /** Sets up a library of the coordinator's town from the list of libraries; opens it. */
  private void createLibrary(String name, String visibility) {
    browser.open("/documents/list-libraries");
    Select space = new Select(browser.byId("library-form:space"));
    WebElement town =
        browser.find(
            By.xpath(
                "//select[@id='library-form:space']/optgroup[@label='"
                    + text(PL, "documents.space.ORGANISATION")
                    + "']/option[1]"));
    assertEquals("Gmina Miejska Przemyśl", town.getText());
    space.selectByValue(town.getDomAttribute("value"));
    browser.type(By.id("library-form:name"), name);
    browser.type(By.id("library-form:description"), "Dokumenty testu <b>przeglądarki</b>");
    new Select(browser.byId("library-form:visibility")).selectByValue(visibility);
    browser.clickAndWaitForPage(By.id("library-form:create-library"));
    assertEquals("/documents/view-library", browser.path());
    assertEquals(name, browser.heading());
    assertEquals(List.of(text(PL, "documents.library.created", name)), browser.messages());
  }

  /** Chooses files with the upload's file chooser and waits until each has an outcome. */
  private void chooseFiles(Path... files) {
    int before = browser.findAll(UPLOADS).size();
    browser
        .byId("upload-form:files_input")
        .sendKeys(Stream.of(files).map(Path::toString).collect(Collectors.joining("\n")));
    patiently().until(d -> browser.findAll(UPLOADS).size() == before + files.length);
  }

  /** Uploads one file from the library page; returns the new document's page path. */
  private String uploadOne(String name, byte[] content) throws IOException {
    chooseFiles(file(name, content));
    List<WebElement> links = browser.findAll(By.cssSelector("#uploads li.upload--stored a"));
    return links.get(links.size() - 1).getDomAttribute("href");
  }

  @Test
  void aCoordinatorUploadsSeveralFilesWithProgressAndTheRefusedOnesSayWhy() throws IOException {
    String unique = UUID.randomUUID().toString().substring(0, 6);
    String library = "Biblioteka " + unique;
    browser.signIn(DemoUser.COORDINATOR);
    browser.clickAndWaitForPage(By.id("menu-documents-list-libraries"));
    assertEquals(text(PL, "page.listLibraries"), browser.heading());
    assertFalse(browser.findAll(By.linkText("Dokumenty Urzędu Miejskiego w Przemyślu")).isEmpty());
    browser.assertAccessible();

    createLibrary(library, "NETWORK");
    assertEquals(
        "Dokumenty testu <b>przeglądarki</b>", browser.byId("library-description").getText());
    assertEquals(
        text(PL, "documents.visibility.NETWORK"), browser.byId("library-visibility").getText());
    assertEquals(text(PL, "documents.right.MANAGE"), browser.byId("library-right").getText());
    assertTrue(browser.byId("upload-limit").getText().contains("200 MiB"));
    browser.assertAccessible();

    browser.type(By.id("folder-form:folder-name"), "Umowy");
    browser.clickAndWaitForPage(By.id("folder-form:create-folder"));
    assertEquals(List.of(text(PL, "documents.folder.created", "Umowy")), browser.messages());
    browser.clickAndWaitForPage(By.linkText("Umowy"));
    assertEquals(List.of(library, "Umowy"), texts(By.cssSelector("#folder-path li")));
    assertEquals("Umowy", browser.byId("contents-heading").getText());
    browser.assertAccessible();

    browser.script(WATCH_PROGRESS);
    chooseFiles(
        file("Umowa partnerska 2026.pdf", TestFiles.pdf("Umowa partnerska")),
        file("fałszywy.pdf", "To nie jest PDF.".getBytes(StandardCharsets.UTF_8)),
        file("notatka.txt", "Notatka ze spotkania".getBytes(StandardCharsets.UTF_8)),
        file("archiwum.zip", zipBomb()));

    List<String> outcomes = texts(UPLOADS);
    assertEquals(4, outcomes.size(), outcomes.toString());
    assertTrue(
        outcomes.contains(
            text(PL, "documents.upload.stored")
                + ": Umowa partnerska 2026 (Umowa partnerska 2026.pdf)"),
        outcomes.toString());
    assertTrue(
        outcomes.contains(text(PL, "documents.upload.stored") + ": notatka (notatka.txt)"),
        outcomes.toString());
    assertTrue(
        outcomes.contains(
            text(PL, "documents.upload.refused")
                + ": fałszywy.pdf – "
                + text(PL, "file.nameMismatch", "fałszywy.pdf", "text/plain")),
        outcomes.toString());
    assertTrue(
        outcomes.contains(
            text(PL, "documents.upload.refused")
                + ": archiwum.zip – "
                + text(PL, "file.archiveBomb")),
        outcomes.toString());
    // Every file had its progress bar, named after it, shown and filled up to 100 %.
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> progress =
        (List<Map<String, Object>>) browser.script("return window.smekProgress;");
    String named = text(PL, "documents.upload.progress") + ": ";
    for (String name : List.of("Umowa partnerska 2026.pdf", "notatka.txt", "archiwum.zip")) {
      assertTrue(
          progress.stream()
              .anyMatch(
                  bar ->
                      bar.get("label").equals(named + name)
                          && "100".equals(bar.get("value"))
                          && Boolean.TRUE.equals(bar.get("visible"))),
          name + ": " + progress);
    }

    assertEquals(2, browser.findAll(DOCUMENT_ROWS).size());
    WebElement agreement =
        browser.find(By.xpath("//table[@id='documents']//tr[th/a='Umowa partnerska 2026']"));
    assertEquals(
        text(PL, "documents.type.OTHER"), agreement.findElement(By.className("type")).getText());
    assertEquals(
        text(PL, "language.PL"), agreement.findElement(By.className("language")).getText());
    assertEquals(
        text(PL, "documents.approval.state.NOT_SUBMITTED"),
        agreement.findElement(By.className("approval")).getText());
    assertTrue(
        agreement
            .findElement(By.cssSelector(".file a"))
            .getDomAttribute("href")
            .matches(".*/documents/files/\\d+"));
    browser.assertAccessible();

    // Dropping a file on the upload area uploads it as well.
    browser.script(
        DROP_FILES,
        "upload-form:files",
        List.of(
            Map.of(
                "name",
                "Dohoda o partnerstve.txt",
                "type",
                "text/plain",
                "content",
                Base64.getEncoder()
                    .encodeToString("Dohoda o partnerstve".getBytes(StandardCharsets.UTF_8)))));
    patiently().until(d -> browser.findAll(UPLOADS).size() == 5);
    assertEquals(3, browser.findAll(DOCUMENT_ROWS).size());

    // The Slovak text becomes the agreement's Slovak language version.
    browser.clickAndWaitForPage(By.linkText("Dohoda o partnerstve"));
    assertEquals("Dohoda o partnerstve", browser.heading());
    new Select(browser.byId("metadata-form:language")).selectByValue("SK");
    new Select(browser.byId("metadata-form:type")).selectByValue("AGREEMENT");
    browser.clickAndWaitForPage(By.id("metadata-form:save-metadata"));
    assertEquals(text(PL, "language.SK"), browser.byId("language").getText());
    assertEquals(text(PL, "documents.type.AGREEMENT"), browser.byId("type").getText());
    WebElement other =
        browser.find(
            By.xpath(
                "//select[@id='link-form:link-with']/option[starts-with(text(),"
                    + " 'Umowa partnerska 2026')]"));
    new Select(browser.byId("link-form:link-with")).selectByValue(other.getDomAttribute("value"));
    browser.clickAndWaitForPage(By.id("link-form:link"));
    assertEquals(
        List.of(text(PL, "documents.languages.linked", "Dohoda o partnerstve")),
        browser.messages());
    assertEquals(
        List.of("language-pl", "language-sk"),
        browser.findAll(By.cssSelector("#language-versions > li")).stream()
            .map(card -> card.getDomAttribute("id"))
            .toList());
    assertEquals(
        "Umowa partnerska 2026",
        browser.find(By.cssSelector("#language-pl p[lang='pl'] a")).getText());
    assertEquals(
        "1: " + text(PL, "documents.approval.state.NOT_SUBMITTED"),
        browser.find(By.cssSelector("#language-pl .current")).getText());
    browser.assertAccessible();
  }

  @Test
  void aVersionAddedWhileCheckedOutAndTheLockSeenByAnotherTown() throws IOException {
    String unique = UUID.randomUUID().toString().substring(0, 6);
    browser.signIn(DemoUser.COORDINATOR);
    createLibrary("Wypożyczenia " + unique, "NETWORK");
    String document = uploadOne("Regulamin.pdf", TestFiles.pdf("Regulamin"));
    browser.open(document);
    assertEquals("Regulamin", browser.heading());
    assertEquals(text(PL, "documents.checkOut.free"), browser.byId("lock-state").getText());
    browser.assertAccessible();

    browser.clickAndWaitForPage(By.id("lock-form:check-out"));
    assertEquals(List.of(text(PL, "documents.checkOut.done", "Regulamin")), browser.messages());
    assertEquals("Piotr Kowalski", browser.byId("lock-holder").getText());
    assertFalse(browser.findAll(By.id("lock-form:check-in")).isEmpty());

    // The holder adds a version: a comment, the file, the upload button.
    browser.type(By.id("version-form:version-comment"), "Poprawiony § 3");
    browser
        .byId("version-form:version-file_input")
        .sendKeys(file("Regulamin v2.pdf", TestFiles.pdf("Regulamin, wersja 2")).toString());
    browser.waitUntilVisible(By.cssSelector("[id='version-form:version-file'] .ui-fileupload-row"));
    browser.clickAndWaitForPage(
        By.cssSelector("[id='version-form:version-file'] button.ui-fileupload-upload"));
    assertEquals(List.of(text(PL, "documents.version.added", 2)), browser.messages());
    assertEquals(List.of("version-2", "version-1"), versionRows());
    assertTrue(browser.byId("version-2").getText().contains("Poprawiony § 3"));
    assertTrue(browser.byId("version-2").getText().contains("Regulamin v2.pdf"));
    assertTrue(browser.byId("current-version").getText().startsWith("2 · "));
    browser.assertAccessible();
    browser.signOut();

    // Another town's clerk reads the document and sees who holds it, without ways to change it.
    browser.signIn(DemoUser.CLERK);
    browser.open(document);
    assertEquals("Regulamin", browser.heading());
    assertEquals("Piotr Kowalski", browser.byId("lock-holder").getText());
    assertEquals(
        text(SK, "documents.checkOut.lockedNotice"), browser.byId("locked-notice").getText());
    assertTrue(browser.findAll(By.id("lock-form")).isEmpty());
    assertTrue(browser.findAll(By.id("version-form")).isEmpty());
    assertTrue(browser.findAll(By.id("metadata-form")).isEmpty());
    browser.assertAccessible();
    browser.signOut();

    browser.signIn(DemoUser.COORDINATOR);
    browser.open(document);
    browser.clickAndWaitForPage(By.id("lock-form:check-in"));
    assertEquals(List.of(text(PL, "documents.checkIn.done", "Regulamin")), browser.messages());
    assertEquals(text(PL, "documents.checkOut.free"), browser.byId("lock-state").getText());

    // Checked out again and forgotten: an administrator breaks the lock, after confirming.
    browser.clickAndWaitForPage(By.id("lock-form:check-out"));
    browser.signOut();
    browser.signIn(DemoUser.ADMIN);
    browser.open(document);
    assertEquals("Piotr Kowalski", browser.byId("lock-holder").getText());
    assertTrue(browser.findAll(By.id("lock-form:check-in")).isEmpty());
    browser.byId("lock-form:break-lock").click();
    browser.waitUntilVisible(By.id("confirm-form:confirm-yes"));
    browser.assertAccessible();
    browser.clickAndWaitForPage(By.id("confirm-form:confirm-yes"));
    assertEquals(
        List.of(text(PL, "documents.checkOut.broken", "Piotr Kowalski")), browser.messages());
    assertEquals(text(PL, "documents.checkOut.free"), browser.byId("lock-state").getText());
  }

  private List<String> versionRows() {
    return browser.findAll(By.cssSelector("#versions tbody tr")).stream()
        .map(row -> row.getDomAttribute("id"))
        .toList();
  }

  @Test
  void anApprovalRoundIsAnsweredByTheClerkAndResetByANewVersion() throws IOException {
    String unique = UUID.randomUUID().toString().substring(0, 6);
    browser.signIn(DemoUser.COORDINATOR);
    createLibrary("Zatwierdzenia " + unique, "NETWORK");
    String title = "Porozumienie " + unique;
    String document = uploadOne(title + ".pdf", TestFiles.pdf("Porozumienie"));
    browser.open(document);
    assertEquals(text(PL, "documents.approval.noRounds"), browser.byId("no-approvals").getText());

    browser.type(By.id("approval-form:approver-search"), "Horváth");
    browser.clickAndWaitForAjax(By.id("approval-form:find-approvers"));
    browser.clickAndWaitForAjax(
        By.xpath(
            "//button[@aria-label='" + text(PL, "documents.approval.add") + ": Jana Horváthová']"));
    assertEquals(
        List.of("Jana Horváthová"), texts(By.cssSelector("#chosen li > span:first-child")));
    browser.assertAccessible();
    browser.clickAndWaitForPage(By.id("approval-form:submit-approval"));
    assertEquals(List.of(text(PL, "documents.approval.submitted", 1)), browser.messages());
    assertEquals(
        text(PL, "documents.approval.state.PENDING"), browser.byId("approval-state").getText());
    browser.signOut();

    // The clerk finds it among the approvals waiting for her and approves it.
    browser.signIn(DemoUser.CLERK);
    browser.clickAndWaitForPage(By.id("menu-documents-list-approvals"));
    assertEquals(text(SK, "page.listApprovals"), browser.heading());
    browser.assertAccessible();
    browser.clickAndWaitForPage(By.linkText(title));
    assertEquals(title, browser.heading());
    browser.assertAccessible();
    browser.type(By.cssSelector("textarea[id$=':decision-comment']"), "Súhlasím.");
    browser.clickAndWaitForPage(By.cssSelector("button[id$=':approve']"));
    assertEquals(List.of(text(SK, "documents.approval.approved", 1)), browser.messages());
    assertEquals(
        text(SK, "documents.approval.state.APPROVED"), browser.byId("approval-state").getText());
    WebElement answer = browser.find(By.cssSelector("#approvals-1 tbody tr"));
    assertTrue(answer.getText().contains(text(SK, "documents.approval.decision.APPROVED")));
    assertTrue(answer.getText().contains("Súhlasím."));
    assertEquals(text(SK, "documents.version") + " 1", browser.byId("last-approved").getText());
    browser.open("/documents/list-approvals");
    assertTrue(browser.findAll(By.linkText(title)).isEmpty());
    browser.signOut();

    // A new version starts unapproved; the approved one stays identifiable.
    browser.signIn(DemoUser.COORDINATOR);
    browser.open(document);
    browser
        .byId("version-form:version-file_input")
        .sendKeys(file(title + " v2.pdf", TestFiles.pdf("Porozumienie 2")).toString());
    browser.waitUntilVisible(By.cssSelector("[id='version-form:version-file'] .ui-fileupload-row"));
    browser.clickAndWaitForPage(
        By.cssSelector("[id='version-form:version-file'] button.ui-fileupload-upload"));
    assertEquals(
        text(PL, "documents.approval.state.NOT_SUBMITTED"),
        browser.byId("approval-state").getText());
    assertEquals(text(PL, "documents.version") + " 1", browser.byId("last-approved").getText());
    assertTrue(
        browser
            .find(By.cssSelector("#last-approved a"))
            .getDomAttribute("href")
            .matches(".*/documents/files/\\d+/1"));
    assertTrue(
        browser
            .byId("version-1")
            .getText()
            .contains(text(PL, "documents.approval.state.APPROVED")));
    browser.assertAccessible();
  }

  @Test
  void theDemoLibrariesShowEachUserWhatTheyMayRead() {
    browser.signIn(DemoUser.CLERK);
    browser.open("/documents/list-libraries");
    assertFalse(browser.findAll(By.linkText("Dokumenty sieci SMEK")).isEmpty());
    assertFalse(browser.findAll(By.linkText("Verejné dokumenty siete SMEK")).isEmpty());
    assertTrue(
        browser.findAll(By.linkText("Dokumenty Urzędu Miejskiego w Przemyślu")).isEmpty(),
        "another town’s private library");
    assertTrue(browser.findAll(By.id("library-form")).isEmpty(), "a clerk sets up no library");
    browser.assertAccessible();

    browser.clickAndWaitForPage(By.linkText("Dokumenty sieci SMEK"));
    assertTrue(browser.findAll(By.id("upload-form")).isEmpty(), "a clerk of another town reads");
    browser.clickAndWaitForPage(By.linkText("Porozumienie o współpracy miast sieci SMEK"));
    assertEquals(
        text(SK, "documents.approval.state.APPROVED"), browser.byId("approval-state").getText());
    assertEquals(
        List.of("language-pl", "language-sk"),
        browser.findAll(By.cssSelector("#language-versions > li")).stream()
            .map(card -> card.getDomAttribute("id"))
            .toList());
    assertEquals(
        "1: " + text(SK, "documents.approval.state.PENDING"),
        browser.find(By.cssSelector("#language-sk .current")).getText());
    assertEquals(
        text(SK, "documents.version") + " 1",
        browser.find(By.cssSelector("#language-pl .last-approved")).getText());
    assertFalse(browser.findAll(By.id("open-inline")).isEmpty());
    browser.assertAccessible();
  }
}
