package eu.smek.it;

import static eu.smek.it.TestCalendars.calendarOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.audit.AuditAction;
import eu.smek.calendar.CalendarEvent;
import eu.smek.calendar.CalendarService;
import eu.smek.calendar.EditScope;
import eu.smek.calendar.EventAttachment;
import eu.smek.calendar.EventDraft;
import eu.smek.calendar.Invitee;
import eu.smek.calendar.InviteeType;
import eu.smek.calendar.TooManyAttachmentsException;
import eu.smek.documents.Document;
import eu.smek.documents.DocumentService;
import eu.smek.documents.DocumentType;
import eu.smek.documents.Library;
import eu.smek.membership.Country;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Role;
import eu.smek.shared.ConcurrentChangeException;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.ejb.EJB;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Documents of the libraries attached to calendar events, in the container: an editor of the event
 * attaches documents they may read, every reader of the event sees only the attached documents they
 * may read, a series' attachments show on its overridden occurrences and go on with a split, a
 * deleted document disappears; refused attachments (another town's private document, a reader who
 * may not change the event, hostile ids, too many, a stale version, four at once); exports and
 * invitations carry ATTACH links only to what their reader may open.
 */
@ExtendWith(ArquillianExtension.class)
class CalendarAttachmentIT extends InContainerTest {

  @EJB(lookup = "java:global/smek/smek-ejb/CalendarService")
  private CalendarService calendars;

  @EJB(lookup = "java:global/smek/smek-ejb/DocumentService")
  private DocumentService documents;

  private String unique;
  private AccountPrincipal coordinator;
  private AccountPrincipal clerk;
  private AccountPrincipal colleague;
  private AccountPrincipal foreignCoordinator;
  private AccountPrincipal foreignClerk;
  private long townCalendar;
  private Document minutes;
  private Document agreement;
  private Document secret;

  @BeforeEach
  void twoTownsTheirLibrariesAndDocuments() throws Exception {
    unique = UUID.randomUUID().toString().substring(0, 8);
    long town = data.memberTown("Miasto Krosno " + unique, Country.PL);
    long otherTown = data.memberTown("Mesto Svidník " + unique, Country.SK);
    coordinator = data.account(Role.TOWN_COORDINATOR, data.code(town));
    clerk = data.account(Role.CLERK, data.code(town));
    colleague = data.account(Role.CLERK, data.code(town));
    foreignCoordinator = data.account(Role.TOWN_COORDINATOR, data.code(otherTown));
    foreignClerk = data.account(Role.CLERK, data.code(otherTown));
    townCalendar = calendarOf(calendars, clerk, SpaceType.ORGANISATION);
    Library own = library(coordinator, town, "Protokoły", Visibility.PRIVATE);
    Library open = library(foreignCoordinator, otherTown, "Dohody", Visibility.NETWORK);
    Library closed = library(foreignCoordinator, otherTown, "Interné", Visibility.PRIVATE);
    minutes = upload(clerk, own, "Protokół z posiedzenia " + unique);
    agreement = upload(foreignCoordinator, open, "Dohoda o spolupráci " + unique);
    secret = upload(foreignCoordinator, closed, "Interná správa " + unique);
  }

  @Test
  void anEditorAttachesAndRemovesDocumentsAndEachReaderSeesOnlyWhatTheyMayRead() throws Exception {
    CalendarEvent council = event("Rada miasta", Visibility.NETWORK, null);

    EventAttachment attached = attach(clerk, council, minutes);
    assertEquals(minutes.getId(), attached.documentId());
    assertEquals(minutes.getTitle(), attached.title());
    assertEquals("application/pdf", attached.contentType());
    assertEquals(clerk.login(), attached.attachedBy());
    assertEquals(council.getVersion() + 1, reload(council).getVersion(), "a change of the event");
    assertEquals(council.getSequence() + 1, reload(council).getSequence());
    attach(clerk, reload(council), agreement);
    long version = reload(council).getVersion();
    assertEquals(
        minutes.getId(),
        attach(clerk, reload(council), minutes).documentId(),
        "attached already: nothing changes");
    assertEquals(version, reload(council).getVersion());

    assertEquals(List.of(minutes.getTitle(), agreement.getTitle()), titles(clerk, council));
    assertEquals(List.of(minutes.getTitle(), agreement.getTitle()), titles(colleague, council));
    // The other town sees the event open to the network, but not the town's private minutes.
    assertEquals(List.of(agreement.getTitle()), titles(foreignClerk, council));
    assertEquals(2, audited(AuditAction.CALENDAR_DOCUMENT_ATTACHED, council));

    // Exports carry links to what the exporting reader may open, with the file's type.
    String own = unfolded(TestSubjects.as(clerk, () -> calendars.exportEvent(council.getId())));
    assertTrue(own.contains("ATTACH;FMTTYPE=application/pdf:http"), own);
    assertTrue(own.contains("/documents/files/" + minutes.getId() + "\r\n"), own);
    assertTrue(own.contains("/documents/files/" + agreement.getId() + "\r\n"), own);
    String foreign =
        unfolded(TestSubjects.as(foreignClerk, () -> calendars.exportEvent(council.getId())));
    assertTrue(foreign.contains("/documents/files/" + agreement.getId() + "\r\n"), foreign);
    assertFalse(foreign.contains("/documents/files/" + minutes.getId() + "\r\n"), foreign);
    String calendar =
        unfolded(TestSubjects.as(colleague, () -> calendars.exportCalendar(townCalendar)));
    assertTrue(calendar.contains("/documents/files/" + minutes.getId() + "\r\n"), calendar);

    TestSubjects.run(
        clerk,
        () -> calendars.detach(council.getId(), reload(council).getVersion(), minutes.getId()));
    assertEquals(List.of(agreement.getTitle()), titles(clerk, council));
    assertEquals(1, audited(AuditAction.CALENDAR_DOCUMENT_DETACHED, council));
    assertNotFound(
        () ->
            TestSubjects.run(
                clerk,
                () ->
                    calendars.detach(
                        council.getId(), reload(council).getVersion(), minutes.getId())));
  }

  @Test
  void onlyADocumentTheEditorMayReadIsAttachedAndOnlyByAnEditor() throws Exception {
    CalendarEvent council = event("Rada miasta", Visibility.NETWORK, null);

    // Another town's private document is not found, as in the libraries, and the attempt audited.
    assertNotFound(() -> attach(clerk, council, secret));
    assertFalse(
        data.query(
                "select e.id from AuditEntry e where e.action = ?1 and e.details like ?2",
                Long.class,
                AuditAction.ACCESS_DENIED,
                "document:" + secret.getId() + "%")
            .isEmpty());
    // A reader of the event who may not change it is refused; another town's member also when
    // the document is theirs.
    assertThrows(AccessDeniedException.class, () -> attach(foreignClerk, council, agreement));
    assertThrows(AccessDeniedException.class, () -> attach(foreignCoordinator, council, secret));
    attach(clerk, council, agreement);
    assertThrows(
        AccessDeniedException.class,
        () ->
            TestSubjects.run(
                foreignCoordinator,
                () ->
                    calendars.detach(
                        council.getId(), reload(council).getVersion(), agreement.getId())));

    // Hostile and invalid ids: not found, nothing attached.
    long version = reload(council).getVersion();
    for (long id : new long[] {-1L, 0L, 999_999_999_999L, Long.MAX_VALUE, Long.MIN_VALUE}) {
      assertNotFound(
          () -> TestSubjects.as(clerk, () -> calendars.attach(council.getId(), version, id)));
      assertNotFound(
          () -> TestSubjects.as(clerk, () -> calendars.attach(id, version, minutes.getId())));
      assertNotFound(
          () -> TestSubjects.run(clerk, () -> calendars.detach(council.getId(), version, id)));
      assertNotFound(() -> TestSubjects.as(clerk, () -> calendars.attachments(id)));
    }
    assertEquals(List.of(agreement.getTitle()), titles(clerk, council));

    // A private event of the town is not found by the other town, nor are its attachments.
    CalendarEvent internal = event("Porada", Visibility.PRIVATE, null);
    attach(clerk, internal, minutes);
    assertNotFound(
        () -> TestSubjects.as(foreignClerk, () -> calendars.attachments(internal.getId())));
    assertNotFound(() -> attach(foreignCoordinator, internal, agreement));
  }

  @Test
  void anEventHoldsAtMostTwentyDocuments() throws Exception {
    CalendarEvent council = event("Sesja budżetowa", Visibility.PRIVATE, null);
    Library many = library(coordinator, organisationOf(clerk), "Budżet", Visibility.PRIVATE);
    for (int i = 0; i < CalendarService.MAXIMUM_ATTACHMENTS; i++) {
      attach(clerk, reload(council), upload(clerk, many, "Załącznik " + i + " " + unique));
    }
    Document oneTooMany = upload(clerk, many, "Załącznik ponad limit " + unique);
    TooManyAttachmentsException refused =
        assertThrows(
            TooManyAttachmentsException.class, () -> attach(clerk, reload(council), oneTooMany));
    assertEquals("calendar.attachment.tooMany", refused.getMessageKey());
    assertEquals(List.of(20), List.of(refused.getArguments()));
    assertEquals(
        CalendarService.MAXIMUM_ATTACHMENTS,
        TestSubjects.as(clerk, () -> calendars.attachments(council.getId())).size());
  }

  @Test
  void aChangeReadBeforeAnotherIsRefusedAndFourAttachesAtOnceMakeOneRow() throws Exception {
    CalendarEvent council = event("Rada miasta", Visibility.PRIVATE, null);
    CalendarEvent stale = reload(council);
    attach(clerk, stale, minutes);
    assertThrows(ConcurrentChangeException.class, () -> attach(clerk, stale, agreement));
    assertThrows(
        ConcurrentChangeException.class,
        () ->
            TestSubjects.run(
                clerk,
                () -> calendars.detach(council.getId(), stale.getVersion(), minutes.getId())));
    assertEquals(List.of(minutes.getTitle()), titles(clerk, council));

    CalendarEvent read = reload(council);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<EventAttachment>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        AccountPrincipal who = i % 2 == 0 ? clerk : coordinator;
        answers.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return attach(who, read, agreement);
                }));
      }
      start.countDown();
      int attached = 0;
      for (Future<EventAttachment> answer : answers) {
        try {
          answer.get(120, TimeUnit.SECONDS);
          attached++;
        } catch (ExecutionException e) {
          assertInstanceOf(ConcurrentChangeException.class, e.getCause(), e.toString());
        }
      }
      assertEquals(1, attached);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        1L,
        data.query(
                "select count(a) from EventDocument a where a.event.id = ?1 and a.document.id = ?2",
                Long.class,
                council.getId(),
                agreement.getId())
            .get(0));
    assertEquals(List.of(minutes.getTitle(), agreement.getTitle()), titles(clerk, council));
  }

  @Test
  void aSeriesAttachmentsShowOnItsOccurrencesAndGoOnWithASplit() throws Exception {
    CalendarEvent weekly = event("Dyżur", Visibility.PRIVATE, "FREQ=WEEKLY;BYDAY=WE;COUNT=10");
    CalendarEvent moved =
        TestSubjects.as(
            clerk,
            () ->
                calendars.updateEvent(
                    weekly.getId(),
                    reload(weekly).getVersion(),
                    EditScope.ONE,
                    LocalDateTime.parse("2026-06-10T10:00"),
                    draft("Dyżur (przesunięty)", "2026-06-11T10:00", null, Visibility.PRIVATE)));
    assertTrue(moved.isOverride());

    attach(clerk, reload(weekly), minutes);
    assertEquals(List.of(minutes.getTitle()), titles(colleague, moved), "the series' attachments");
    // Attached through the occurrence, the document is the series'.
    attach(clerk, reload(moved), agreement);
    assertEquals(List.of(minutes.getTitle(), agreement.getTitle()), titles(clerk, weekly));
    assertEquals(
        0L,
        data.query(
                "select count(a) from EventDocument a where a.event.id = ?1",
                Long.class,
                moved.getId())
            .get(0));

    CalendarEvent following =
        TestSubjects.as(
            clerk,
            () ->
                calendars.updateEvent(
                    weekly.getId(),
                    reload(weekly).getVersion(),
                    EditScope.THIS_AND_FOLLOWING,
                    LocalDateTime.parse("2026-07-01T10:00"),
                    draft(
                        "Dyżur popołudniowy",
                        "2026-07-01T14:00",
                        "FREQ=WEEKLY;BYDAY=WE;COUNT=10",
                        Visibility.PRIVATE)));
    assertTrue(following.getId() != weekly.getId());
    assertEquals(List.of(minutes.getTitle(), agreement.getTitle()), titles(clerk, following));
    assertEquals(List.of(minutes.getTitle(), agreement.getTitle()), titles(clerk, weekly));
  }

  @Test
  void aDeletedDocumentDisappearsFromTheEventAndADeletedEventLeavesTheDocument() throws Exception {
    CalendarEvent council = event("Rada miasta", Visibility.PRIVATE, null);
    attach(clerk, council, minutes);
    attach(clerk, reload(council), agreement);

    TestSubjects.run(coordinator, () -> documents.deleteDocument(minutes.getId()));
    assertEquals(List.of(agreement.getTitle()), titles(clerk, council));
    assertEquals(
        0L,
        data.query(
                "select count(a) from EventDocument a where a.document.id = ?1",
                Long.class,
                minutes.getId())
            .get(0));
    assertFalse(
        unfolded(TestSubjects.as(clerk, () -> calendars.exportEvent(council.getId())))
            .contains("/documents/files/" + minutes.getId() + "\r\n"));

    TestSubjects.run(
        clerk,
        () -> calendars.deleteEvent(council.getId(), reload(council).getVersion(), null, null));
    assertEquals(
        agreement.getTitle(),
        TestSubjects.as(foreignClerk, () -> documents.getDocument(agreement.getId())).getTitle());
    assertEquals(
        0L,
        data.query(
                "select count(a) from EventDocument a where a.document.id = ?1",
                Long.class,
                agreement.getId())
            .get(0));
  }

  @Test
  void anInvitationLinksTheDocumentsItsAttendeeMayOpen() throws Exception {
    CalendarEvent council = event("Rada miasta", Visibility.NETWORK, null);
    attach(clerk, council, minutes);
    attach(clerk, reload(council), agreement);
    CalendarEvent read = reload(council);
    TestSubjects.as(
        clerk,
        () ->
            calendars.invite(
                council.getId(),
                read.getVersion(),
                List.of(
                    new Invitee(InviteeType.ACCOUNT, colleague.accountId()),
                    new Invitee(InviteeType.ACCOUNT, foreignClerk.accountId()))));

    String toColleague = unfolded(request(council, colleague));
    assertTrue(toColleague.contains("ATTACH;FMTTYPE=application/pdf:http"), toColleague);
    assertTrue(toColleague.contains("/documents/files/" + minutes.getId() + "\r\n"), toColleague);
    assertTrue(toColleague.contains("/documents/files/" + agreement.getId() + "\r\n"));
    String toForeign = unfolded(request(council, foreignClerk));
    assertTrue(toForeign.contains("/documents/files/" + agreement.getId() + "\r\n"), toForeign);
    assertFalse(toForeign.contains("/documents/files/" + minutes.getId() + "\r\n"), toForeign);
    assertFalse(toForeign.contains(minutes.getTitle()), toForeign);
  }

  @Test
  void attendeesGetAnUpdateWhenADocumentIsAttachedOrRemoved() throws Exception {
    CalendarEvent council = event("Rada miasta", Visibility.NETWORK, null);
    TestSubjects.as(
        clerk,
        () ->
            calendars.invite(
                council.getId(),
                council.getVersion(),
                List.of(new Invitee(InviteeType.ACCOUNT, colleague.accountId()))));
    String invitation = unfolded(request(council, colleague));
    assertFalse(invitation.contains("/documents/files/" + minutes.getId()), invitation);

    attach(clerk, reload(council), minutes);
    String withMinutes = unfolded(request(council, colleague));
    assertTrue(withMinutes.contains("/documents/files/" + minutes.getId() + "\r\n"), withMinutes);
    assertTrue(sequence(withMinutes) > sequence(invitation), withMinutes);

    TestSubjects.run(
        clerk,
        () -> calendars.detach(council.getId(), reload(council).getVersion(), minutes.getId()));
    String without = unfolded(request(council, colleague));
    assertFalse(without.contains("/documents/files/" + minutes.getId()), without);
    assertTrue(sequence(without) > sequence(withMinutes), without);
  }

  // Helpers

  private static int sequence(String ics) {
    Matcher line = Pattern.compile("\r\nSEQUENCE:(\\d+)\r\n").matcher(ics);
    assertTrue(line.find(), ics);
    return Integer.parseInt(line.group(1));
  }

  private Library library(
      AccountPrincipal owner, long organisationId, String name, Visibility visibility)
      throws Exception {
    return TestDocuments.library(documents, owner, organisationId, name + " " + unique, visibility);
  }

  private Document upload(AccountPrincipal who, Library library, String title) throws Exception {
    return TestDocuments.upload(
        documents, who, library, title, DocumentType.MINUTES, TestFiles.pdf(title));
  }

  private CalendarEvent event(String title, Visibility visibility, String rule) throws Exception {
    return TestSubjects.as(
        clerk,
        () ->
            calendars.createEvent(
                townCalendar, draft(title, "2026-06-03T10:00", rule, visibility)));
  }

  private static EventDraft draft(String title, String start, String rule, Visibility visibility) {
    LocalDateTime from = LocalDateTime.parse(start);
    return TestCalendars.draft(title, from, from.plusHours(1), rule, visibility);
  }

  private EventAttachment attach(AccountPrincipal who, CalendarEvent event, Document document)
      throws Exception {
    return TestSubjects.as(
        who, () -> calendars.attach(event.getId(), event.getVersion(), document.getId()));
  }

  private CalendarEvent reload(CalendarEvent event) throws Exception {
    return TestSubjects.as(clerk, () -> calendars.getEvent(event.getId()));
  }

  private List<String> titles(AccountPrincipal who, CalendarEvent event) throws Exception {
    return TestSubjects.as(who, () -> calendars.attachments(event.getId())).stream()
        .map(EventAttachment::title)
        .toList();
  }

  private long audited(AuditAction action, CalendarEvent event) {
    return data.query(
            "select count(e) from AuditEntry e where e.action = ?1 and e.target = ?2",
            Long.class,
            action,
            "calendar-event:" + event.getId())
        .get(0);
  }

  /** The latest invitation queued to the account about the event. */
  private String request(CalendarEvent event, AccountPrincipal to) {
    List<String> texts =
        data.query(
            "select m.calendarText from OutgoingMail m where m.calendarMethod = 'REQUEST'"
                + " and m.recipient = ?1 and m.calendarText like ?2 order by m.id",
            String.class,
            to.login() + "@example.org",
            "%UID:" + event.getUid() + "%");
    assertFalse(texts.isEmpty(), "no invitation to " + to.login());
    return texts.get(texts.size() - 1);
  }

  private static String unfolded(String ics) {
    return ics.replace("\r\n ", "");
  }

  private long organisationOf(AccountPrincipal who) {
    return data.query(
            "select a.organisation.id from Account a where a.id = ?1", Long.class, who.accountId())
        .get(0);
  }
}
