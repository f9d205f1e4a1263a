package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.documents.ApprovalNotAllowedException;
import eu.smek.documents.ApprovalState;
import eu.smek.documents.Document;
import eu.smek.documents.DocumentDraft;
import eu.smek.documents.DocumentService;
import eu.smek.documents.DocumentType;
import eu.smek.documents.NamedContent;
import eu.smek.membership.Country;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.BusinessException;
import eu.smek.shared.ConcurrentChangeException;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import eu.smek.telesession.AgendaItem;
import eu.smek.telesession.AgendaItemDraft;
import eu.smek.telesession.Choice;
import eu.smek.telesession.IllegalTransitionException;
import eu.smek.telesession.Minutes;
import eu.smek.telesession.MinutesNotApprovedException;
import eu.smek.telesession.MinutesNotEditableException;
import eu.smek.telesession.MinutesTooLongException;
import eu.smek.telesession.Motion;
import eu.smek.telesession.NotMinutesApproverException;
import eu.smek.telesession.Quorum;
import eu.smek.telesession.Telesession;
import eu.smek.telesession.TelesessionDraft;
import eu.smek.telesession.TelesessionService;
import eu.smek.telesession.TelesessionStatus;
import eu.smek.telesession.VoteKind;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The telesession's library and minutes in the container: agenda documents readable by the invited
 * only; the draft in three languages made when the session moves to minutes drafted; the
 * secretary's edits (sanitised, oversized refused, stale and concurrent ones detected); the
 * refusals (wrong status, not the secretary, not an approver, publishing unapproved minutes);
 * submission as three linked tagged PDFs for approval by the towns present, a rejection and a new
 * round, approval and publication (public sessions' minutes readable by visitors only then).
 */
@ExtendWith(ArquillianExtension.class)
class MinutesIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/TelesessionService")
  private TelesessionService telesessions;

  @EJB(lookup = "java:global/smek/smek-ejb/DocumentService")
  private DocumentService documents;

  private final Api api = new Api(Http.local());

  private long otherTown;
  private AccountPrincipal coordinator;
  private AccountPrincipal secretary;
  private AccountPrincipal otherCoordinator;
  private AccountPrincipal otherClerk;
  private AccountPrincipal outsider;

  @BeforeEach
  void twoTownsAndAnOutsider() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    long town = data.memberTown("Miasto Sanok " + unique, Country.PL);
    otherTown = data.memberTown("Mesto Stropkov " + unique, Country.SK);
    long thirdTown = data.memberTown("Mesto Giraltovce " + unique, Country.SK);
    coordinator = data.account(Role.TOWN_COORDINATOR, data.code(town));
    secretary = data.account(Role.CLERK, data.code(town));
    otherCoordinator = data.account(Role.TOWN_COORDINATOR, data.code(otherTown));
    otherClerk = data.account(Role.CLERK, data.code(otherTown));
    outsider = data.account(Role.CLERK, data.code(thirdTown));
  }

  @Test
  void agendaDocumentsLiveInTheSessionsLibraryReadByTheInvited() throws Exception {
    Telesession session = schedule("Porada " + UUID.randomUUID(), Visibility.NETWORK);
    long library =
        TestSubjects.as(coordinator, () -> telesessions.libraryOf(session.getId())).get();
    assertEquals(
        List.of(SpaceType.TELESESSION.name(), session.getId()),
        List.of(
            data.query(
                    "select l.space.type from Library l where l.id = ?1", SpaceType.class, library)
                .get(0)
                .name(),
            data.query("select l.space.id from Library l where l.id = ?1", Long.class, library)
                .get(0)));
    AgendaItem item = item(session, "Cesty");
    Document attached =
        TestSubjects.as(
            secretary,
            () ->
                telesessions.attachDocument(
                    item.getId(), draft("Podklady", Language.SK), text("podklady.txt", "cesty")));
    assertEquals(
        List.of(attached.getId()),
        ids(TestSubjects.as(otherClerk, () -> telesessions.agendaDocuments(session.getId())))
            .get(item.getId()),
        "invited through the town");
    // The outsider sees the network-wide session, not its papers.
    assertEquals(
        List.of(),
        ids(TestSubjects.as(outsider, () -> telesessions.agendaDocuments(session.getId())))
            .get(item.getId()));
    assertRule(
        AccessDeniedException.class,
        () ->
            TestSubjects.as(
                otherClerk,
                () ->
                    telesessions.attachDocument(
                        item.getId(), draft("Cudzie", Language.SK), text("x.txt", "x"))));
    assertRule(
        AccessDeniedException.class,
        () -> {
          TestSubjects.run(otherCoordinator, () -> documents.deleteDocument(attached.getId()));
          return null;
        });
    // The API lists the item's documents with the agenda.
    JsonObject listed =
        Api.array(api.get(otherClerk, "/api/v1/telesessions/" + session.getId() + "/agenda"))
            .getJsonObject(0);
    assertEquals(
        attached.getId(),
        listed.getJsonArray("documents").getJsonObject(0).getJsonNumber("id").longValue());
    assertEquals("Podklady", listed.getJsonArray("documents").getJsonObject(0).getString("title"));
    TestSubjects.run(
        coordinator, () -> telesessions.detachDocument(item.getId(), attached.getId()));
    assertEquals(
        List.of(),
        ids(TestSubjects.as(coordinator, () -> telesessions.agendaDocuments(session.getId())))
            .get(item.getId()));
  }

  @Test
  void draftEditApproveAndPublish() throws Exception {
    Telesession session = schedule("Rada sieci " + UUID.randomUUID(), Visibility.PUBLIC);
    AgendaItem roads = item(session, "Opravy ciest");
    move(coordinator, session, TelesessionStatus.OPEN);
    TestSubjects.run(coordinator, () -> telesessions.join(session.getId()));
    TestSubjects.run(otherCoordinator, () -> telesessions.join(session.getId()));
    Motion motion =
        TestSubjects.as(
            coordinator,
            () ->
                telesessions.openMotion(
                    session.getId(), roads.getId(), "Schvaľuje sa oprava", VoteKind.ROLL_CALL));
    TestSubjects.run(coordinator, () -> telesessions.cast(motion.getId(), Choice.YES));
    TestSubjects.run(otherCoordinator, () -> telesessions.cast(motion.getId(), Choice.YES));
    Motion adopted = TestSubjects.as(coordinator, () -> telesessions.closeMotion(motion.getId()));
    move(coordinator, session, TelesessionStatus.CLOSED);

    // Not yet drafted: nothing to save.
    assertRule(
        MinutesNotEditableException.class,
        () ->
            TestSubjects.as(
                secretary,
                () -> telesessions.saveMinutes(session.getId(), Language.EN, 0, "<p>x</p>")));
    assertRule(
        IllegalTransitionException.class,
        () -> move(coordinator, session, TelesessionStatus.MINUTES_APPROVED));

    move(coordinator, session, TelesessionStatus.MINUTES_DRAFTED);
    List<Minutes> drafts = minutes(secretary, session);
    assertEquals(
        List.of(Language.PL, Language.SK, Language.EN),
        drafts.stream().map(Minutes::getLanguage).toList());
    for (Minutes draft : drafts) {
      assertTrue(draft.getHtml().contains(adopted.getResolution()), draft.getHtml());
      assertTrue(draft.getHtml().contains("Opravy ciest"), draft.getHtml());
      assertTrue(draft.getHtml().contains("<table>"), draft.getHtml());
    }
    assertTrue(drafts.get(0).getHtml().startsWith("<h1>Protokół z telesesji „Rada sieci"));
    assertTrue(drafts.get(1).getHtml().startsWith("<h1>Zápisnica z telerelácie „Rada sieci"));
    // The statuses the towns' answers and publishing reach cannot be set by hand.
    assertRule(
        IllegalTransitionException.class,
        () -> move(coordinator, session, TelesessionStatus.MINUTES_APPROVED));

    // Hostile HTML is stripped; the rest is kept.
    Minutes english = drafts.get(2);
    Minutes saved =
        TestSubjects.as(
            secretary,
            () ->
                telesessions.saveMinutes(
                    session.getId(),
                    Language.EN,
                    english.getVersion(),
                    english.getHtml()
                        + "<p onclick=\"alert(1)\">Closing <strong>remarks</strong>"
                        + "<script>alert(2)</script><img src=x onerror=alert(3)>"
                        + "<a href=\"javascript:alert(4)\">link</a>"
                        + "<a href=\"https://smek.eu\">portal</a></p><svg onload=alert(5)></svg>"));
    assertTrue(saved.getHtml().contains("<p>Closing <strong>remarks</strong>"), saved.getHtml());
    assertTrue(saved.getHtml().contains("href=\"https://smek.eu\""), saved.getHtml());
    for (String hostile : List.of("onclick", "<script", "onerror", "javascript:", "<svg", "<img")) {
      assertFalse(saved.getHtml().contains(hostile), hostile + " in " + saved.getHtml());
    }
    String stored =
        data.query("select m.html from Minutes m where m.id = ?1", String.class, english.getId())
            .get(0);
    assertEquals(saved.getHtml(), stored);

    // Refusals: not the secretary, oversized, stale.
    assertRule(
        AccessDeniedException.class,
        () ->
            TestSubjects.as(
                otherCoordinator,
                () ->
                    telesessions.saveMinutes(
                        session.getId(), Language.EN, saved.getVersion(), "<p>mine</p>")));
    BusinessException tooLong =
        assertRule(
            MinutesTooLongException.class,
            () ->
                TestSubjects.as(
                    secretary,
                    () ->
                        telesessions.saveMinutes(
                            session.getId(),
                            Language.EN,
                            saved.getVersion(),
                            "<p>" + "x".repeat(Minutes.MAXIMUM_HTML) + "</p>")));
    assertEquals(
        "Protokół może mieć najwyżej 200 000 znaków (z formatowaniem). Skróć go lub podziel długą"
            + " tabelę.",
        Messages.format(Language.PL.locale(), tooLong.getMessageKey(), tooLong.getArguments())
            .replace('\u00a0', ' ')
            .replace('\u202f', ' '));
    assertRule(
        ConcurrentChangeException.class,
        () ->
            TestSubjects.as(
                secretary,
                () ->
                    telesessions.saveMinutes(
                        session.getId(), Language.EN, english.getVersion(), "<p>stale</p>")));
    // Two saves of the same version at once: one wins, the other is told.
    Minutes polish = drafts.get(0);
    List<Throwable> outcomes =
        concurrently(
            List.of(
                () ->
                    TestSubjects.as(
                        secretary,
                        () ->
                            telesessions.saveMinutes(
                                session.getId(), Language.PL, polish.getVersion(), "<p>A</p>")),
                () ->
                    TestSubjects.as(
                        coordinator,
                        () ->
                            telesessions.saveMinutes(
                                session.getId(), Language.PL, polish.getVersion(), "<p>B</p>"))));
    assertEquals(1, outcomes.stream().filter(o -> o == null).count(), outcomes.toString());
    assertTrue(
        outcomes.stream().anyMatch(o -> o != null && isRule(ConcurrentChangeException.class, o)),
        outcomes.toString());
    TestSubjects.run(
        secretary,
        () ->
            telesessions.saveMinutes(
                session.getId(),
                Language.PL,
                minutes(secretary, session).get(0).getVersion(),
                drafts.get(0).getHtml()));

    // Nothing to answer or publish before the minutes are submitted.
    assertRule(
        NotMinutesApproverException.class,
        () ->
            TestSubjects.as(
                otherCoordinator, () -> telesessions.answerMinutes(session.getId(), true, null)));
    assertRule(
        MinutesNotApprovedException.class,
        () ->
            TestSubjects.as(
                secretary,
                () -> telesessions.publishMinutes(session.getId(), reload(session).getVersion())));
    assertRule(
        AccessDeniedException.class,
        () -> TestSubjects.as(outsider, () -> telesessions.submitMinutes(session.getId())));

    // Submitted: three tagged PDFs linked as language versions, each asked of the two towns.
    List<Document> submitted =
        TestSubjects.as(secretary, () -> telesessions.submitMinutes(session.getId()));
    assertEquals(3, submitted.size());
    List<Long> ids = submitted.stream().map(Document::getId).toList();
    assertEquals(
        Set.copyOf(ids),
        Set.copyOf(
            TestSubjects.as(secretary, () -> documents.languageVersions(ids.get(0))).stream()
                .map(Document::getId)
                .toList()));
    for (Document document : submitted) {
      assertEquals(DocumentType.MINUTES, document.getType());
      assertEquals("application/pdf", document.getCurrentVersion().orElseThrow().getContentType());
      assertEquals(2, document.getCurrentVersion().orElseThrow().getApprovals().size());
      try (PDDocument pdf = Loader.loadPDF(content(secretary, document.getId()))) {
        assertTrue(pdf.getDocumentCatalog().getMarkInfo().isMarked());
        assertNotNull(pdf.getDocumentCatalog().getStructureTreeRoot());
        assertEquals(document.getLanguage().code(), pdf.getDocumentCatalog().getLanguage());
        assertEquals(document.getTitle(), pdf.getDocumentInformation().getTitle());
      }
    }
    // What the towns are asked about does not change under them.
    assertRule(
        MinutesNotEditableException.class,
        () ->
            TestSubjects.as(
                secretary,
                () ->
                    telesessions.saveMinutes(
                        session.getId(),
                        Language.EN,
                        minutes(secretary, session).get(2).getVersion(),
                        "<p>changed while asked</p>")));
    // Not public before publication, also in a public session.
    assertEquals(List.of(), documents.readableBy(Optional.empty(), ids));
    assertEquals(List.of(), TestSubjects.as(outsider, () -> documents.readable(ids)));

    // A clerk does not answer for the town; a rejection keeps the minutes a draft.
    assertRule(
        ApprovalNotAllowedException.class,
        () ->
            TestSubjects.as(
                otherClerk, () -> telesessions.answerMinutes(session.getId(), true, null)));
    TestSubjects.run(
        otherCoordinator, () -> telesessions.answerMinutes(session.getId(), false, "Chýba bod 2"));
    assertEquals(TelesessionStatus.MINUTES_DRAFTED, reload(session).getStatus());
    assertEquals(
        ApprovalState.REJECTED,
        TestSubjects.as(secretary, () -> telesessions.minutesApproval(session.getId()))
            .get(Language.SK));

    // Corrected and submitted again: a new version each, a new round.
    Minutes slovak = minutes(secretary, session).get(1);
    TestSubjects.run(
        secretary,
        () ->
            telesessions.saveMinutes(
                session.getId(),
                Language.SK,
                slovak.getVersion(),
                slovak.getHtml() + "<h2>Bod 2</h2><p>Doplnené.</p>"));
    TestSubjects.run(secretary, () -> telesessions.submitMinutes(session.getId()));
    assertEquals(
        2,
        TestSubjects.as(secretary, () -> documents.getDocument(ids.get(1)))
            .getCurrentVersion()
            .orElseThrow()
            .getNumber());
    TestSubjects.run(coordinator, () -> telesessions.answerMinutes(session.getId(), true, null));
    assertEquals(TelesessionStatus.MINUTES_DRAFTED, reload(session).getStatus());
    assertRule(
        NotMinutesApproverException.class,
        () ->
            TestSubjects.as(
                coordinator, () -> telesessions.answerMinutes(session.getId(), true, null)));
    TestSubjects.run(
        otherCoordinator, () -> telesessions.answerMinutes(session.getId(), true, "Súhlas"));
    assertEquals(TelesessionStatus.MINUTES_APPROVED, reload(session).getStatus());
    assertRule(
        MinutesNotEditableException.class,
        () ->
            TestSubjects.as(
                secretary,
                () ->
                    telesessions.saveMinutes(
                        session.getId(), Language.EN, saved.getVersion() + 1, "<p>late</p>")));
    assertRule(
        AccessDeniedException.class,
        () ->
            TestSubjects.as(
                otherCoordinator,
                () -> telesessions.publishMinutes(session.getId(), reload(session).getVersion())));

    Telesession published =
        TestSubjects.as(
            secretary,
            () -> telesessions.publishMinutes(session.getId(), reload(session).getVersion()));
    assertEquals(TelesessionStatus.PUBLISHED, published.getStatus());
    // A public session's minutes are now readable by everyone, visitors of the portal too.
    assertEquals(Set.copyOf(ids), Set.copyOf(ids(documents.readableBy(Optional.empty(), ids))));
    assertEquals(3, TestSubjects.as(outsider, () -> documents.readable(ids)).size());
  }

  @Test
  void aPrivateSessionsPublishedMinutesStayWithItsMembers() throws Exception {
    Telesession session = schedule("Uzavretá porada " + UUID.randomUUID(), Visibility.PRIVATE);
    move(coordinator, session, TelesessionStatus.OPEN);
    TestSubjects.run(otherCoordinator, () -> telesessions.join(session.getId()));
    move(coordinator, session, TelesessionStatus.CLOSED);
    move(coordinator, session, TelesessionStatus.MINUTES_DRAFTED);
    List<Long> ids =
        ids(TestSubjects.as(secretary, () -> telesessions.submitMinutes(session.getId())));
    TestSubjects.run(
        otherCoordinator, () -> telesessions.answerMinutes(session.getId(), true, null));
    TestSubjects.run(
        coordinator,
        () -> telesessions.publishMinutes(session.getId(), reload(session).getVersion()));
    assertEquals(List.of(), documents.readableBy(Optional.empty(), ids));
    assertEquals(3, TestSubjects.as(otherClerk, () -> documents.readable(ids)).size());
    assertEquals(List.of(), TestSubjects.as(outsider, () -> documents.readable(ids)));
  }

  // Helpers

  private Telesession schedule(String title, Visibility visibility) throws Exception {
    return TestSubjects.as(
        coordinator,
        () ->
            telesessions.create(
                new TelesessionDraft(
                    title,
                    null,
                    LocalDateTime.of(2027, 4, 21, 10, 0),
                    LocalDateTime.of(2027, 4, 21, 12, 0),
                    "Europe/Warsaw",
                    visibility,
                    coordinator.accountId(),
                    secretary.accountId(),
                    new Quorum(0, 1, false),
                    Set.of(otherTown),
                    Set.of())));
  }

  private AgendaItem item(Telesession session, String title) throws Exception {
    return TestSubjects.as(
        coordinator,
        () -> telesessions.addAgendaItem(session.getId(), new AgendaItemDraft(title, "Ján", 20)));
  }

  private Void move(AccountPrincipal who, Telesession session, TelesessionStatus target)
      throws Exception {
    TestSubjects.run(
        who, () -> telesessions.transition(session.getId(), reload(session).getVersion(), target));
    return null;
  }

  private List<Minutes> minutes(AccountPrincipal who, Telesession session) throws Exception {
    return TestSubjects.as(who, () -> telesessions.minutes(session.getId()));
  }

  private Telesession reload(Telesession session) {
    return data.query(
            "select t from Telesession t where t.id = ?1", Telesession.class, session.getId())
        .get(0);
  }

  private byte[] content(AccountPrincipal user, long documentId) throws Exception {
    String sha = TestSubjects.as(user, () -> documents.download(documentId, null)).sha256();
    return Files.readAllBytes(
        Path.of(System.getProperty("smek.documents.dir"))
            .resolve(sha.substring(0, 2))
            .resolve(sha.substring(2, 4))
            .resolve(sha));
  }

  private static Map<Long, List<Long>> ids(Map<Long, List<Document>> byItem) {
    Map<Long, List<Long>> ids = new java.util.HashMap<>();
    byItem.forEach((item, list) -> ids.put(item, ids(list)));
    return ids;
  }

  private static List<Long> ids(List<Document> list) {
    return list.stream().map(Document::getId).toList();
  }

  private static DocumentDraft draft(String title, Language language) {
    return new DocumentDraft(title, null, DocumentType.OTHER, language, Set.of(), null);
  }

  private static NamedContent text(String name, String content) {
    return new NamedContent(
        name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
  }

  private static boolean isRule(Class<? extends BusinessException> rule, Throwable thrown) {
    Throwable cause =
        thrown instanceof EJBException && thrown.getCause() != null ? thrown.getCause() : thrown;
    return rule.isInstance(cause);
  }

  private static <T extends Throwable> BusinessException assertRule(
      Class<T> rule, Callable<?> call) {
    Throwable refused = assertThrows(Throwable.class, call::call);
    Throwable cause =
        refused instanceof EJBException && refused.getCause() != null
            ? refused.getCause()
            : refused;
    assertTrue(rule.isInstance(cause), refused.toString());
    return cause instanceof BusinessException business ? business : null;
  }
}
