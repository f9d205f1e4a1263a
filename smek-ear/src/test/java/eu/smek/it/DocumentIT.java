package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditEntry;
import eu.smek.documents.ApprovalNotAllowedException;
import eu.smek.documents.ApprovalState;
import eu.smek.documents.Approver;
import eu.smek.documents.ApproverKind;
import eu.smek.documents.Document;
import eu.smek.documents.DocumentDraft;
import eu.smek.documents.DocumentLockedException;
import eu.smek.documents.DocumentService;
import eu.smek.documents.DocumentType;
import eu.smek.documents.DocumentVersion;
import eu.smek.documents.LanguageTakenException;
import eu.smek.documents.Library;
import eu.smek.documents.LibraryRight;
import eu.smek.documents.NamedContent;
import eu.smek.infrastructure.Failures;
import eu.smek.infrastructure.FileRejectedException;
import eu.smek.membership.Country;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.BusinessException;
import eu.smek.shared.Language;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.ejb.EJB;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Document libraries through the service: who sees what, uploads that are refused or interrupted,
 * versions, check-out, approval rounds, language versions, concurrent uploads and the audit log.
 */
@ExtendWith(ArquillianExtension.class)
class DocumentIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/DocumentService")
  private DocumentService documents;

  private String unique;
  private long krosno;
  private long bardejov;
  private AccountPrincipal admin;
  private AccountPrincipal clerk;
  private AccountPrincipal colleague;
  private AccountPrincipal coordinator;
  private AccountPrincipal foreignClerk;
  private AccountPrincipal foreignCoordinator;
  private Library library;

  @BeforeEach
  void twoTownsAndAPrivateLibrary() throws Exception {
    unique = UUID.randomUUID().toString().substring(0, 8);
    krosno = data.memberTown("Gmina Krosno " + unique, Country.PL);
    bardejov = data.memberTown("Mesto Bardejov " + unique, Country.SK);
    admin = data.account(Role.ASSOCIATION_ADMINISTRATOR, "PP1");
    clerk = data.account(Role.CLERK, data.code(krosno));
    colleague = data.account(Role.CLERK, data.code(krosno));
    coordinator = data.account(Role.TOWN_COORDINATOR, data.code(krosno));
    foreignClerk = data.account(Role.CLERK, data.code(bardejov));
    foreignCoordinator = data.account(Role.TOWN_COORDINATOR, data.code(bardejov));
    library =
        TestSubjects.as(
            coordinator,
            () ->
                documents.createLibrary(
                    new SpaceRef(SpaceType.ORGANISATION, krosno),
                    "Umowy " + unique,
                    null,
                    Visibility.PRIVATE));
  }

  @Test
  void aClerkUploadsVersionsAndRestoresAnOldOne() throws Exception {
    byte[] first = TestFiles.pdf("Umowa o wspolpracy " + unique);
    Document document = upload(clerk, "Umowa o współpracy", "Umowa – Przemyśl.pdf", first);
    assertEquals("Umowa – Przemyśl.pdf", document.getCurrentVersion().orElseThrow().getFileName());
    assertEquals("application/pdf", document.getCurrentVersion().orElseThrow().getContentType());

    byte[] second = TestFiles.pdf("Umowa o wspolpracy, poprawiona " + unique);
    DocumentVersion two =
        TestSubjects.as(
            colleague,
            () ->
                documents.addVersion(document.getId(), "poprawki", named("umowa-v2.pdf", second)));
    assertEquals(2, two.getNumber());
    DocumentVersion three =
        TestSubjects.as(clerk, () -> documents.restoreVersion(document.getId(), 1, "wracamy"));
    assertEquals(3, three.getNumber());
    assertEquals(1, three.getRestoredFrom());

    Document read = TestSubjects.as(clerk, () -> documents.getDocument(document.getId()));
    assertEquals(
        List.of(1, 2, 3), read.getVersions().stream().map(DocumentVersion::getNumber).toList());
    assertEquals("poprawki", read.getVersion(2).getComment());
    assertArrayEquals(first, content(clerk, document.getId(), null));
    assertArrayEquals(second, content(clerk, document.getId(), 2));
    assertEquals(
        List.of(
            AuditAction.DOCUMENT_ADDED,
            AuditAction.DOCUMENT_VERSION_ADDED,
            AuditAction.DOCUMENT_VERSION_ADDED),
        audited(document));
  }

  @Test
  void anotherTownSeesNothingOfAPrivateLibraryAndReadsANetworkOne() throws Exception {
    Document document = upload(clerk, "Budżet", "budzet.pdf", TestFiles.pdf("Budzet " + unique));
    long id = document.getId();

    assertNotFound(() -> TestSubjects.as(foreignClerk, () -> documents.download(id, null)));
    assertNotFound(() -> TestSubjects.as(foreignClerk, () -> documents.getDocument(id)));
    assertNotFound(
        () -> TestSubjects.as(foreignClerk, () -> documents.contents(library.getId(), null)));
    assertFalse(
        TestSubjects.as(foreignClerk, () -> documents.listLibraries()).stream()
            .anyMatch(summary -> summary.library().getId().equals(library.getId())));
    assertEquals(
        2,
        data.query(
                "select count(e) from AuditEntry e where e.action = ?1 and e.details like ?2",
                Long.class,
                AuditAction.ACCESS_DENIED,
                "document:" + id + "%")
            .get(0));

    Library shared =
        TestSubjects.as(coordinator, () -> documents.contents(library.getId(), null)).library();
    TestSubjects.run(
        coordinator,
        () ->
            documents.updateLibrary(
                library.getId(),
                shared.getVersion(),
                shared.getName(),
                "Dla całej sieci",
                Visibility.NETWORK,
                Map.copyOf(shared.getRights())));
    assertEquals(LibraryRight.READ, TestSubjects.as(foreignClerk, () -> documents.rightOn(id)));
    assertArrayEquals(TestFiles.pdf("Budzet " + unique), content(foreignClerk, id, null));
    assertThrows(
        AccessDeniedException.class,
        () ->
            TestSubjects.as(
                foreignClerk,
                () -> documents.addVersion(id, null, named("x.pdf", TestFiles.pdf("x")))));
    assertNotFound(() -> documents.download(id, null)); // a visitor
  }

  @Test
  void nobodyButTheHolderAddsAVersionWhileTheDocumentIsCheckedOut() throws Exception {
    Document document =
        upload(clerk, "Protokół", "protokol.pdf", TestFiles.pdf("Protokol " + unique));
    long id = document.getId();
    TestSubjects.run(clerk, () -> documents.checkOut(id));
    long blobsBefore = blobs();

    BusinessException refused =
        assertThrows(
            DocumentLockedException.class,
            () ->
                TestSubjects.as(
                    colleague,
                    () ->
                        documents.addVersion(
                            id, null, named("p.pdf", TestFiles.pdf("other " + unique)))));
    assertEquals("documents.rule.locked", refused.getMessageKey());
    assertEquals(blobsBefore, blobs(), "the refused upload left no file");
    assertThrows(
        DocumentLockedException.class,
        () -> TestSubjects.as(colleague, () -> documents.checkIn(id)));
    assertThrows(
        AccessDeniedException.class,
        () -> TestSubjects.as(colleague, () -> documents.breakLock(id)));

    TestSubjects.as(
        clerk,
        () -> documents.addVersion(id, "mine", named("p2.pdf", TestFiles.pdf("mine " + unique))));
    TestSubjects.run(coordinator, () -> documents.breakLock(id));
    TestSubjects.as(
        colleague,
        () -> documents.addVersion(id, null, named("p3.pdf", TestFiles.pdf("p3 " + unique))));
    List<AuditAction> audited = audited(document);
    assertTrue(audited.contains(AuditAction.DOCUMENT_CHECKED_OUT));
    assertTrue(audited.contains(AuditAction.DOCUMENT_LOCK_BROKEN));
    assertTrue(
        data.query(
                "select e.details from AuditEntry e where e.target = ?1 and e.action = ?2",
                String.class,
                "document:" + id,
                AuditAction.DOCUMENT_LOCK_BROKEN)
            .get(0)
            .startsWith("Test " + Role.CLERK),
        "the audit log says whose check-out was broken");
  }

  @Test
  void anInterruptedOrRefusedUploadLeavesNothingBehind() throws Exception {
    long blobsBefore = blobs();
    String title = "Przerwane " + unique;
    InputStream breaksOff =
        new InputStream() {
          private int sent;

          @Override
          public int read() throws IOException {
            if (sent++ > 3 * 1024 * 1024) {
              throw new IOException("connection reset by peer");
            }
            return sent < 6 ? "%PDF-".charAt(sent - 1) : 'x';
          }
        };
    assertThrows(
        Exception.class,
        () ->
            TestSubjects.as(
                clerk,
                () ->
                    documents.upload(
                        library.getId(),
                        null,
                        draft(title),
                        null,
                        new NamedContent("big.pdf", breaksOff))));

    BusinessException renamed =
        assertThrows(
            FileRejectedException.class,
            () -> upload(clerk, title, "obraz.pdf", TestFiles.png(20, 20)));
    assertEquals("file.nameMismatch", renamed.getMessageKey());
    String picture = sha256(TestFiles.png(20, 20));
    assertFalse(
        Files.exists(
            storeRoot()
                .resolve(picture.substring(0, 2))
                .resolve(picture.substring(2, 4))
                .resolve(picture)),
        "the refused picture was not kept");
    BusinessException program =
        assertThrows(
            FileRejectedException.class,
            () -> upload(clerk, title, "faktura.pdf", "MZ\u0090\u0000program".getBytes()));
    assertEquals("file.typeNotAllowed", program.getMessageKey());
    BusinessException bomb =
        assertThrows(
            FileRejectedException.class, () -> upload(clerk, title, "raport.zip", zipBomb()));
    assertEquals("file.archiveBomb", bomb.getMessageKey());

    assertEquals(
        0L,
        data.query("select count(d) from Document d where d.title = ?1", Long.class, title).get(0));
    assertEquals(blobsBefore, blobs(), "no file in the store");
    try (Stream<Path> incoming = Files.list(storeRoot().resolve("incoming"))) {
      assertEquals(0, incoming.count(), "nothing half-written");
    }
  }

  @Test
  void hostileAndOversizedInputIsRefusedOrKeptHarmless() throws Exception {
    Document document =
        upload(
            clerk,
            "<script>alert('x')</script>' or 1=1 --",
            "../../etc/passwd.pdf",
            TestFiles.pdf("x " + unique));
    assertEquals("<script>alert('x')</script>' or 1=1 --", document.getTitle());
    assertEquals("passwd.pdf", document.getCurrentVersion().orElseThrow().getFileName());

    Exception tooLong =
        assertThrows(
            Exception.class,
            () ->
                upload(clerk, "x".repeat(Document.TITLE_LENGTH + 1), "a.pdf", TestFiles.pdf("a")));
    assertTrue(Failures.invalidArguments(tooLong).isPresent(), tooLong.toString());
    Exception badReference =
        assertThrows(
            Exception.class,
            () ->
                TestSubjects.as(
                    clerk,
                    () ->
                        documents.upload(
                            library.getId(),
                            null,
                            new DocumentDraft(
                                "T",
                                null,
                                DocumentType.OTHER,
                                Language.PL,
                                Set.of(),
                                "a;drop table document"),
                            null,
                            named("a.pdf", TestFiles.pdf("a")))));
    assertTrue(Failures.invalidArguments(badReference).isPresent(), badReference.toString());
  }

  @Test
  void aVersionIsApprovedByAPersonAndATownAndANewVersionResetsIt() throws Exception {
    Document document =
        upload(clerk, "Umowa partnerska", "umowa.pdf", TestFiles.pdf("Umowa " + unique));
    long id = document.getId();
    TestSubjects.run(
        clerk,
        () ->
            documents.submitForApproval(
                id,
                1,
                List.of(
                    new Approver(ApproverKind.ACCOUNT, colleague.accountId(), null),
                    new Approver(ApproverKind.ORGANISATION, bardejov, null))));

    // The town asked may read the private document it is asked to approve; its clerk cannot answer.
    assertEquals(
        "Umowa partnerska",
        TestSubjects.as(foreignClerk, () -> documents.getDocument(id)).getTitle());
    long forTown =
        TestSubjects.as(foreignCoordinator, () -> documents.myPendingApprovals()).stream()
            .filter(approval -> approval.getVersion().getDocument().getId() == id)
            .findFirst()
            .orElseThrow()
            .getId();
    assertThrows(
        ApprovalNotAllowedException.class,
        () -> TestSubjects.as(foreignClerk, () -> documents.decide(forTown, true, null)));

    TestSubjects.as(foreignCoordinator, () -> documents.decide(forTown, true, "Súhlasíme"));
    long forColleague =
        TestSubjects.as(colleague, () -> documents.myPendingApprovals()).stream()
            .filter(approval -> approval.getVersion().getDocument().getId() == id)
            .findFirst()
            .orElseThrow()
            .getId();
    DocumentVersion approved =
        TestSubjects.as(colleague, () -> documents.decide(forColleague, true, null));
    assertEquals(ApprovalState.APPROVED, approved.getApprovalState());

    TestSubjects.as(
        clerk,
        () ->
            documents.addVersion(
                id, "typo", named("umowa2.pdf", TestFiles.pdf("Umowa 2 " + unique))));
    Document read = TestSubjects.as(clerk, () -> documents.getDocument(id));
    assertEquals(
        ApprovalState.NOT_SUBMITTED, read.getCurrentVersion().orElseThrow().getApprovalState());
    assertEquals(1, read.getLastApprovedVersion().orElseThrow().getNumber());
    assertEquals("Súhlasíme", read.getVersion(1).getApprovals().get(1).getComment());
  }

  @Test
  void languageVersionsAreLinkedOncePerLanguage() throws Exception {
    Document polish = upload(clerk, "Umowa", "umowa.pdf", TestFiles.pdf("Umowa " + unique));
    Document slovak =
        TestSubjects.as(
            clerk,
            () ->
                documents.upload(
                    library.getId(),
                    null,
                    new DocumentDraft(
                        "Zmluva",
                        null,
                        DocumentType.AGREEMENT,
                        Language.SK,
                        Set.of("zmluva"),
                        "2026/14"),
                    null,
                    named("zmluva.pdf", TestFiles.pdf("Zmluva " + unique))));
    Document secondPolish =
        upload(clerk, "Umowa bis", "umowa-bis.pdf", TestFiles.pdf("bis " + unique));

    TestSubjects.run(clerk, () -> documents.linkLanguageVersions(polish.getId(), slovak.getId()));
    assertEquals(
        List.of(Language.PL, Language.SK),
        TestSubjects.as(clerk, () -> documents.languageVersions(slovak.getId())).stream()
            .map(Document::getLanguage)
            .toList());
    assertThrows(
        LanguageTakenException.class,
        () ->
            TestSubjects.run(
                clerk, () -> documents.linkLanguageVersions(slovak.getId(), secondPolish.getId())));
    // The document the group is named after leaves it; linked again, it starts a group of its own.
    Document english = upload(clerk, "Agreement", Language.EN);
    Document hungarian = upload(clerk, "Megállapodás", Language.HU);
    TestSubjects.run(clerk, () -> documents.linkLanguageVersions(slovak.getId(), english.getId()));
    TestSubjects.run(clerk, () -> documents.unlinkLanguageVersion(polish.getId()));
    TestSubjects.run(
        clerk, () -> documents.linkLanguageVersions(polish.getId(), hungarian.getId()));
    assertEquals(List.of(Language.PL, Language.HU), languages(polish));
    assertEquals(List.of(Language.SK, Language.EN), languages(slovak));
  }

  private Document upload(AccountPrincipal user, String title, Language language) throws Exception {
    return TestSubjects.as(
        user,
        () ->
            documents.upload(
                library.getId(),
                null,
                new DocumentDraft(title, null, DocumentType.AGREEMENT, language, Set.of(), null),
                null,
                named(title + ".pdf", TestFiles.pdf(title + " " + unique))));
  }

  private List<Language> languages(Document document) throws Exception {
    return TestSubjects.as(clerk, () -> documents.languageVersions(document.getId())).stream()
        .map(Document::getLanguage)
        .toList();
  }

  @Test
  void concurrentVersionUploadsAllLandWithTheirOwnNumbers() throws Exception {
    Document document = upload(clerk, "Raport", "raport.pdf", TestFiles.pdf("Raport " + unique));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<DocumentVersion>> uploads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        byte[] content = TestFiles.pdf("Raport " + i + " " + unique);
        Callable<DocumentVersion> upload =
            () ->
                TestSubjects.as(
                    clerk,
                    () -> documents.addVersion(document.getId(), null, named("r.pdf", content)));
        uploads.add(pool.submit(upload));
      }
      for (Future<DocumentVersion> upload : uploads) {
        upload.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        List.of(1, 2, 3, 4, 5),
        TestSubjects.as(clerk, () -> documents.getDocument(document.getId())).getVersions().stream()
            .map(DocumentVersion::getNumber)
            .toList());
  }

  private Document upload(AccountPrincipal user, String title, String name, byte[] content)
      throws Exception {
    return TestSubjects.as(
        user,
        () -> documents.upload(library.getId(), null, draft(title), null, named(name, content)));
  }

  private static DocumentDraft draft(String title) {
    return new DocumentDraft(
        title, null, DocumentType.AGREEMENT, Language.PL, Set.of("umowa"), null);
  }

  private static NamedContent named(String name, byte[] content) {
    return new NamedContent(name, new ByteArrayInputStream(content));
  }

  private byte[] content(AccountPrincipal user, long documentId, Integer number) throws Exception {
    // The content as the store keeps it: a file named by its SHA-256 under ab/cd/.
    String sha = TestSubjects.as(user, () -> documents.download(documentId, number)).sha256();
    return Files.readAllBytes(
        storeRoot().resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha));
  }

  private List<AuditAction> audited(Document document) {
    return data
        .query(
            "select e from AuditEntry e where e.target = ?1 order by e.id",
            AuditEntry.class,
            "document:" + document.getId())
        .stream()
        .map(AuditEntry::getAction)
        .toList();
  }

  private static Path storeRoot() {
    return Path.of(System.getProperty("smek.documents.dir"));
  }

  /**
   * The blobs in the store that are not thumbnails: those are made in the background after an
   * upload commits and may land at any moment (the refused picture below is checked by name).
   */
  private static long blobs() throws IOException {
    try (Stream<Path> files = Files.walk(storeRoot())) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> file.getFileName().toString().matches("[0-9a-f]{64}"))
          .filter(file -> !isPng(file))
          .count();
    }
  }

  private static boolean isPng(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4 && magic[1] == 'P' && magic[2] == 'N' && magic[3] == 'G';
    } catch (IOException gone) {
      return false; // moved or deleted meanwhile
    }
  }

  private static String sha256(byte[] content) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
  }

  private static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
      zip.putNextEntry(new ZipEntry("zeros.txt"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 64; i++) {
        zip.write(zeros);
      }
    }
    return bomb.toByteArray();
  }
}
