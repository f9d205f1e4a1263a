package eu.smek.calendar;

import eu.smek.documents.DocumentHit;
import eu.smek.documents.DocumentQuery;
import eu.smek.documents.DocumentService;
import eu.smek.faces.ActiveLocale;
import eu.smek.shared.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * One event: its details in the reader's time zone, its attendees with their answers and what they
 * were invited through, the invitation form (find people, cells, organisations or working groups,
 * see when they are busy in the event's week, then send), the signed-in invitee's own answer, and
 * the documents of the libraries attached to it (those the reader may read), which its editors find
 * among the documents they may read and attach or remove.
 */
@Named
@ViewScoped
public class ViewEvent implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  /** How many days from the event's start day the free/busy view covers. */
  static final int FREE_BUSY_DAYS = 7;

  /** How many documents a search for one to attach offers. */
  static final int FOUND_DOCUMENTS = 10;

  @Inject private CalendarService calendar;
  @Inject private DocumentService documents;
  @Inject private ActiveLocale activeLocale;

  private Long id;
  private CalendarEvent event;
  private boolean mayEdit;
  private List<Attendee> attendees = List.of();
  private Attendee myInvitation;

  private String search;
  private List<InviteeOption> found = List.of();
  private final List<InviteeOption> chosen = new ArrayList<>();
  private List<FreeBusy> freeBusy = List.of();

  private List<EventAttachment> attachments = List.of();
  private String documentSearch;
  private List<DocumentHit> foundDocuments = List.of();

  public void load() {
    if (id == null) {
      org.omnifaces.util.Messages.addGlobalError(
          Messages.format(activeLocale.getLocale(), "calendar.event.missing"));
      return;
    }
    event = calendar.getEvent(id);
    mayEdit = calendar.mayEdit(event);
    attendees = calendar.attendees(id);
    myInvitation = calendar.myInvitation(id).orElse(null);
    attachments = calendar.attachments(id);
  }

  // The invitee's answer

  public void answer(String answer) {
    myInvitation = calendar.answer(id, Answer.valueOf(answer));
    attendees = calendar.attendees(id);
    info("calendar.invitation.answered", answerText(myInvitation.getAnswer()));
  }

  // The invitation form

  public void find() {
    found =
        search == null || search.strip().length() < 2
            ? List.of()
            : calendar.inviteeOptions(search.strip()).stream()
                .filter(option -> !chosen.contains(option))
                .toList();
  }

  public void choose(InviteeOption option) {
    if (!chosen.contains(option) && chosen.size() < CalendarService.MAXIMUM_INVITEES) {
      chosen.add(option);
    }
    found = found.stream().filter(o -> !o.equals(option)).toList();
    freeBusy = List.of();
  }

  public void drop(InviteeOption option) {
    chosen.remove(option);
    freeBusy = List.of();
  }

  public void showFreeBusy() {
    if (chosen.isEmpty()) {
      return;
    }
    LocalDate from = firstDay();
    freeBusy =
        calendar.freeBusy(
            chosen.stream().map(InviteeOption::invitee).toList(),
            from,
            from.plusDays(FREE_BUSY_DAYS),
            zone());
  }

  public void invite() {
    if (chosen.isEmpty()) {
      return;
    }
    List<Attendee> added =
        calendar.invite(
            id, event.getVersion(), chosen.stream().map(InviteeOption::invitee).toList());
    chosen.clear();
    found = List.of();
    freeBusy = List.of();
    search = null;
    load();
    info("calendar.invitation.sent", added.size());
  }

  public void uninvite(Attendee attendee) {
    calendar.uninvite(id, attendee.getId());
    load();
    info("calendar.invitation.withdrawn", attendee.getDisplayName());
  }

  // Attached documents

  /** The documents the editor may read matching the words, not attached yet. */
  public void findDocuments() {
    String text = documentSearch == null ? "" : documentSearch.strip();
    foundDocuments =
        text.length() < 2
            ? List.of()
            : documents.search(DocumentQuery.of(text), 0, FOUND_DOCUMENTS).hits().stream()
                .filter(
                    hit -> attachments.stream().noneMatch(a -> a.documentId() == hit.documentId()))
                .toList();
  }

  public void attach(DocumentHit hit) {
    EventAttachment attached = calendar.attach(id, event.getVersion(), hit.documentId());
    load();
    foundDocuments = foundDocuments.stream().filter(h -> !h.equals(hit)).toList();
    info("calendar.attachment.attached", attached.title());
  }

  public void detach(EventAttachment attachment) {
    calendar.detach(id, event.getVersion(), attachment.documentId());
    load();
    info("calendar.attachment.detached", attachment.title());
  }

  // What the page shows

  /** When the event takes place, in the reader's zone (an all-day event: its dates). */
  public String getWhen() {
    if (event == null) {
      return "";
    }
    if (event.isAllDay()) {
      DateTimeFormatter days =
          DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(activeLocale.getLocale());
      LocalDate first = event.getStart().toLocalDate();
      LocalDate last = event.getEnd().toLocalDate().minusDays(1);
      return first.equals(last)
          ? days.format(first)
          : days.format(first) + " – " + days.format(last);
    }
    return interval(
        event.getStart().atZone(event.zone()).withZoneSameInstant(zone()),
        event.getEnd().atZone(event.zone()).withZoneSameInstant(zone()));
  }

  /** The event's own zone when it differs from the reader's, else empty. */
  public String getEventZone() {
    return event == null || event.isAllDay() || event.zone().equals(zone())
        ? ""
        : event.getTimeZone();
  }

  public String getReaderZone() {
    return zone().getId();
  }

  public String interval(ZonedDateTime start, ZonedDateTime end) {
    return EventTimes.interval(start, end, activeLocale.getLocale());
  }

  /** Whether a busy time overlaps the event (its first occurrence). */
  public boolean overlaps(FreeBusy.Busy busy) {
    if (event == null || event.isAllDay()) {
      return false;
    }
    ZonedDateTime start = event.getStart().atZone(event.zone());
    ZonedDateTime end = event.getEnd().atZone(event.zone());
    return busy.start().isBefore(end) && busy.end().isAfter(start);
  }

  public String answerText(Answer answer) {
    return Messages.format(activeLocale.getLocale(), "calendar.answer." + answer.name());
  }

  public String throughText(Attendee attendee) {
    return Messages.format(
            activeLocale.getLocale(), "calendar.invitee." + attendee.getInvitedThroughType().name())
        + ": "
        + attendee.getInvitedThroughName();
  }

  public String kindText(InviteeOption option) {
    return Messages.format(activeLocale.getLocale(), "calendar.invitee." + option.type().name());
  }

  public String getFreeBusyRange() {
    LocalDate from = firstDay();
    DateTimeFormatter days =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(activeLocale.getLocale());
    return days.format(from) + " – " + days.format(from.plusDays(FREE_BUSY_DAYS - 1L));
  }

  private LocalDate firstDay() {
    return event.isAllDay()
        ? event.getStart().toLocalDate()
        : event.getStart().atZone(event.zone()).withZoneSameInstant(zone()).toLocalDate();
  }

  private ZoneId zone() {
    return activeLocale.getTimeZone();
  }

  private void info(String key, Object... arguments) {
    org.omnifaces.util.Messages.addGlobalInfo(
        Messages.format(activeLocale.getLocale(), key, arguments));
  }

  // Properties

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public CalendarEvent getEvent() {
    return event;
  }

  public boolean isMayEdit() {
    return mayEdit;
  }

  public List<Attendee> getAttendees() {
    return attendees;
  }

  public Attendee getMyInvitation() {
    return myInvitation;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }

  public List<InviteeOption> getFound() {
    return found;
  }

  public List<InviteeOption> getChosen() {
    return chosen;
  }

  public List<FreeBusy> getFreeBusy() {
    return freeBusy;
  }

  public List<EventAttachment> getAttachments() {
    return attachments;
  }

  public String getDocumentSearch() {
    return documentSearch;
  }

  public void setDocumentSearch(String documentSearch) {
    this.documentSearch = documentSearch;
  }

  public List<DocumentHit> getFoundDocuments() {
    return foundDocuments;
  }
}
