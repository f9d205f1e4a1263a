package eu.smek.telesession;

import eu.smek.calendar.CalendarEvent;
import eu.smek.calendar.EventTimes;
import eu.smek.documents.Document;
import eu.smek.documents.DocumentDraft;
import eu.smek.documents.DocumentType;
import eu.smek.documents.NamedContent;
import eu.smek.faces.ActiveLocale;
import eu.smek.infrastructure.FileNames;
import eu.smek.security.Subjects;
import eu.smek.shared.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * One telesession's record: its details, its status with the chair's button to the next one, the
 * agenda (managers add, change, move and remove items while it is planned), attendance (the user
 * joins and leaves, as the live room will; the secretary corrects a record with a note; CSV), the
 * motions (the chair opens one on an agenda item and closes it, the towns present vote; a secret
 * vote shows only its tallies) and the designation of who casts a town's vote.
 */
@Named
@ViewScoped
public class ViewTelesession implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Inject private TelesessionService telesessions;
  @Inject private ActiveLocale activeLocale;
  @Inject private RoomHub rooms;

  /** A motion with its tallies as the user may see them (a running secret vote's: none). */
  public record MotionRow(
      Motion motion, String item, int ballots, Integer yes, Integer no, Integer abstain)
      implements Serializable {}

  private Long id;
  private Telesession session;
  private String when;
  private String eventZone;
  private boolean mayManage;
  private boolean chair;
  private boolean secretary;
  private boolean present;
  private List<AgendaItem> agenda = List.of();
  private List<Attendance> attendance = List.of();
  private List<MotionRow> motions = List.of();
  private Map<Long, String> accounts = Map.of();
  private Map<Long, String> organisations = Map.of();
  private Map<Long, String> designatable = Map.of();

  // The agenda item form: a new item when itemId is null.
  private Long itemId;
  private long itemVersion;
  private String itemTitle;
  private String itemPresenter;
  private Integer itemMinutes = 15;

  // The attendance correction dialog.
  private Long attendanceId;
  private long attendanceVersion;
  private long attendanceAccount;
  private LocalDateTime joinedAt;
  private LocalDateTime leftAt;
  private String note;

  // Opening a motion.
  private Long motionItemId;
  private String motionText;
  private VoteKind motionKind = VoteKind.ROLL_CALL;

  private Long delegateId;

  // The session's library: the documents of each agenda item, and the item a new one goes to.
  private Long libraryId;
  private Map<Long, List<Document>> documents = Map.of();
  private Long attachItemId;

  public void load() {
    if (id == null) {
      org.omnifaces.util.Messages.addGlobalError(
          Messages.format(activeLocale.getLocale(), "telesession.missing"));
      return;
    }
    session = telesessions.get(id);
    CalendarEvent event = telesessions.eventOf(id);
    ZonedDateTime start = event.getStart().atZone(event.zone());
    ZonedDateTime end = event.getEnd().atZone(event.zone());
    when = interval(start, end);
    eventZone = event.zone().equals(zone()) ? "" : event.getTimeZone();
    long me = Subjects.requirePrincipal().accountId();
    mayManage = telesessions.mayManage(session);
    chair = session.getChairAccountId() == me;
    secretary = session.getSecretaryAccountId() == me;
    agenda = telesessions.agenda(id);
    attendance = telesessions.attendance(id);
    present = attendance.stream().anyMatch(a -> a.getAccountId() == me && a.isPresent());
    Map<Long, String> items = new HashMap<>();
    agenda.forEach(i -> items.put(i.getId(), i.getTitle()));
    List<MotionRow> rows = new ArrayList<>();
    for (Motion motion : telesessions.motions(id)) {
      Result result = telesessions.result(motion.getId());
      rows.add(
          new MotionRow(
              motion,
              items.get(motion.getAgendaItemId()),
              result.ballots(),
              result.yes(),
              result.no(),
              result.abstain()));
    }
    motions = rows;
    Set<Long> people = new HashSet<>(session.getInvitedAccounts());
    people.add(session.getChairAccountId());
    people.add(session.getSecretaryAccountId());
    attendance.forEach(a -> people.add(a.getAccountId()));
    people.addAll(session.getDelegates().values());
    accounts = telesessions.accountNames(people);
    Set<Long> towns = new HashSet<>(session.getInvitedOrganisations());
    towns.add(session.getOrganisationId());
    attendance.forEach(a -> towns.add(a.getOrganisationId()));
    towns.addAll(session.getDelegates().keySet());
    organisations = telesessions.organisationNames(towns);
    designatable = telesessions.designatable();
    if (motionItemId == null && !agenda.isEmpty()) {
      motionItemId = agenda.get(0).getId();
    }
    libraryId = telesessions.libraryOf(id).orElse(null);
    documents = telesessions.agendaDocuments(id);
    if (attachItemId == null && !agenda.isEmpty()) {
      attachItemId = agenda.get(0).getId();
    }
  }

  // Status

  public void moveTo(TelesessionStatus target) {
    telesessions.transition(id, session.getVersion(), target);
    if (target == TelesessionStatus.CLOSED) {
      rooms.end(id);
    }
    load();
    info("telesession.moved", Messages.format(activeLocale.getLocale(), target.messageKey()));
  }

  // Invitations

  public void withdrawOrganisation(long organisation) {
    String name = organisations.get(organisation);
    telesessions.withdrawOrganisation(id, organisation);
    load();
    info("telesession.invitation.withdrawn", name);
  }

  public void withdrawAccount(long account) {
    String name = accounts.get(account);
    telesessions.withdrawAccount(id, account);
    load();
    info("telesession.invitation.withdrawn", name);
  }

  /** Whether the user may withdraw invitations now: organisers and the chair, until it closes. */
  public boolean isMayWithdraw() {
    return (mayManage || chair)
        && (session.getStatus() == TelesessionStatus.PLANNED
            || session.getStatus() == TelesessionStatus.OPEN);
  }

  // Agenda

  public void saveItem() {
    AgendaItemDraft draft =
        new AgendaItemDraft(itemTitle, itemPresenter, itemMinutes == null ? 0 : itemMinutes);
    if (itemId == null) {
      telesessions.addAgendaItem(id, draft);
    } else {
      telesessions.updateAgendaItem(itemId, itemVersion, draft);
    }
    info("telesession.agenda.saved", itemTitle);
    clearItem();
    load();
  }

  public void editItem(AgendaItem item) {
    itemId = item.getId();
    itemVersion = item.getVersion();
    itemTitle = item.getTitle();
    itemPresenter = item.getPresenter();
    itemMinutes = item.getPlannedMinutes();
  }

  public void clearItem() {
    itemId = null;
    itemTitle = null;
    itemPresenter = null;
    itemMinutes = 15;
  }

  public void removeItem(AgendaItem item) {
    telesessions.removeAgendaItem(item.getId(), item.getVersion());
    if (item.getId().equals(itemId)) {
      clearItem();
    }
    load();
    info("telesession.agenda.removed", item.getTitle());
  }

  /** Moves an item one place up (-1) or down (+1). */
  public void move(AgendaItem item, int by) {
    List<Long> order = new ArrayList<>(agenda.stream().map(AgendaItem::getId).toList());
    int from = order.indexOf(item.getId());
    int to = from + by;
    if (from < 0 || to < 0 || to >= order.size()) {
      return;
    }
    order.add(to, order.remove(from));
    telesessions.reorder(id, order);
    load();
    info("telesession.agenda.moved", item.getTitle(), to + 1);
  }

  // Attendance

  public void join() {
    telesessions.join(id);
    load();
    info("telesession.joined");
  }

  public void leave() {
    telesessions.leave(id);
    load();
    info("telesession.left");
  }

  public void correct(Attendance record) {
    attendanceId = record.getId();
    attendanceVersion = record.getVersion();
    attendanceAccount = record.getAccountId();
    joinedAt = record.getJoinedAt().atZone(zone()).toLocalDateTime();
    leftAt =
        record.getLeftAt() == null ? null : record.getLeftAt().atZone(zone()).toLocalDateTime();
    note = record.getNote();
  }

  public void saveCorrection() {
    telesessions.correctAttendance(
        id,
        attendanceId,
        attendanceVersion,
        attendanceAccount,
        joinedAt.atZone(zone()).toInstant(),
        leftAt == null ? null : leftAt.atZone(zone()).toInstant(),
        note);
    load();
    info("telesession.attendance.corrected", accounts.get(attendanceAccount));
  }

  // Votes

  public void openMotion() {
    telesessions.openMotion(id, motionItemId, motionText, motionKind);
    motionText = null;
    load();
    info("telesession.motion.opened");
  }

  public void vote(Motion motion, Choice choice) {
    telesessions.cast(motion.getId(), choice);
    load();
    info("telesession.vote.cast", Messages.format(activeLocale.getLocale(), choiceKey(choice)));
  }

  public void closeMotion(Motion motion) {
    Motion closed = telesessions.closeMotion(motion.getId());
    load();
    if (Boolean.TRUE.equals(closed.getAdopted())) {
      info("telesession.motion.adopted", closed.getResolution());
    } else {
      info("telesession.motion.rejected");
    }
  }

  public void designate() {
    telesessions.designate(id, session.getVersion(), delegateId);
    load();
    info("telesession.delegate.designated", designatable.get(delegateId));
  }

  // What the page shows

  public String choiceKey(Choice choice) {
    return "telesession.choice." + choice.name();
  }

  public List<Choice> getChoices() {
    return List.of(Choice.values());
  }

  public List<VoteKind> getKinds() {
    return List.of(VoteKind.values());
  }

  public boolean isEditable() {
    return session != null && session.getStatus().isEditable() && mayManage;
  }

  public boolean isOpen() {
    return session != null && session.getStatus() == TelesessionStatus.OPEN;
  }

  public boolean isMayMove() {
    return chair || mayManage;
  }

  public boolean isMayCorrect() {
    return (secretary || mayManage)
        && session != null
        && session.getStatus() != TelesessionStatus.PLANNED;
  }

  public boolean isMotionRunning() {
    return motions.stream().anyMatch(m -> m.motion().getStatus() == MotionStatus.OPEN);
  }

  /** The moves made by hand: the minutes are approved by the towns and published on their page. */
  public List<TelesessionStatus> getNextStatuses() {
    return session == null
        ? List.of()
        : session.getStatus().next().stream()
            .filter(
                s -> s != TelesessionStatus.MINUTES_APPROVED && s != TelesessionStatus.PUBLISHED)
            .toList();
  }

  // The agenda's documents and the minutes

  /**
   * Uploads a file into the session's library and attaches it to the chosen agenda item; its title
   * is the file's name without the extension, its language the user's.
   */
  public void attach(FileUploadEvent event) throws IOException {
    UploadedFile file = event.getFile();
    String name = FileNames.clean(file.getFileName());
    int dot = name.lastIndexOf('.');
    String title = dot > 0 ? name.substring(0, dot) : name;
    DocumentDraft draft =
        new DocumentDraft(
            title.length() > Document.TITLE_LENGTH
                ? title.substring(0, Document.TITLE_LENGTH)
                : title,
            null,
            DocumentType.OTHER,
            activeLocale.getLanguage(),
            null,
            null);
    try (InputStream content = file.getInputStream()) {
      Document document =
          telesessions.attachDocument(
              attachItemId, draft, new NamedContent(file.getFileName(), content));
      info("telesession.documents.attached", document.getTitle());
    } finally {
      file.delete();
    }
    load();
  }

  public void detach(AgendaItem item, Document document) {
    telesessions.detachDocument(item.getId(), document.getId());
    load();
    info("telesession.documents.detached");
  }

  /** Whether the user keeps the session's papers: chair, secretary or its managers. */
  public boolean isKeeper() {
    return chair || secretary || mayManage;
  }

  /** Whether the minutes exist: from the draft on. */
  public boolean isMinutesDrafted() {
    return session != null && session.getStatus().compareTo(TelesessionStatus.MINUTES_DRAFTED) >= 0;
  }

  public Long getLibraryId() {
    return libraryId;
  }

  public List<Document> documentsOf(AgendaItem item) {
    return documents.getOrDefault(item.getId(), List.of());
  }

  public Long getAttachItemId() {
    return attachItemId;
  }

  public void setAttachItemId(Long attachItemId) {
    this.attachItemId = attachItemId;
  }

  public String quorumText() {
    Quorum quorum = session.getQuorum();
    return Messages.format(
        activeLocale.getLocale(),
        quorum.isStrict() ? "telesession.quorum.moreThan" : "telesession.quorum.atLeast",
        quorum.getNumerator(),
        quorum.getDenominator());
  }

  public String time(java.time.Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
        .withLocale(activeLocale.getLocale())
        .format(instant.atZone(zone()));
  }

  private String interval(ZonedDateTime start, ZonedDateTime end) {
    return EventTimes.interval(
        start.withZoneSameInstant(zone()),
        end.withZoneSameInstant(zone()),
        activeLocale.getLocale());
  }

  public String getReaderZone() {
    return zone().getId();
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

  public Telesession getSession() {
    return session;
  }

  public String getWhen() {
    return when;
  }

  public String getEventZone() {
    return eventZone;
  }

  public boolean isMayManage() {
    return mayManage;
  }

  public boolean isChair() {
    return chair;
  }

  public boolean isSecretary() {
    return secretary;
  }

  public boolean isPresent() {
    return present;
  }

  public List<AgendaItem> getAgenda() {
    return agenda;
  }

  public List<Attendance> getAttendance() {
    return attendance;
  }

  public List<MotionRow> getMotions() {
    return motions;
  }

  public Map<Long, String> getAccounts() {
    return accounts;
  }

  public Map<Long, String> getOrganisations() {
    return organisations;
  }

  public Map<Long, String> getDesignatable() {
    return designatable;
  }

  public Long getItemId() {
    return itemId;
  }

  public String getItemTitle() {
    return itemTitle;
  }

  public void setItemTitle(String itemTitle) {
    this.itemTitle = itemTitle;
  }

  public String getItemPresenter() {
    return itemPresenter;
  }

  public void setItemPresenter(String itemPresenter) {
    this.itemPresenter = itemPresenter;
  }

  public Integer getItemMinutes() {
    return itemMinutes;
  }

  public void setItemMinutes(Integer itemMinutes) {
    this.itemMinutes = itemMinutes;
  }

  public long getAttendanceAccount() {
    return attendanceAccount;
  }

  public LocalDateTime getJoinedAt() {
    return joinedAt;
  }

  public void setJoinedAt(LocalDateTime joinedAt) {
    this.joinedAt = joinedAt;
  }

  public LocalDateTime getLeftAt() {
    return leftAt;
  }

  public void setLeftAt(LocalDateTime leftAt) {
    this.leftAt = leftAt;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public Long getMotionItemId() {
    return motionItemId;
  }

  public void setMotionItemId(Long motionItemId) {
    this.motionItemId = motionItemId;
  }

  public String getMotionText() {
    return motionText;
  }

  public void setMotionText(String motionText) {
    this.motionText = motionText;
  }

  public VoteKind getMotionKind() {
    return motionKind;
  }

  public void setMotionKind(VoteKind motionKind) {
    this.motionKind = motionKind;
  }

  public Long getDelegateId() {
    return delegateId;
  }

  public void setDelegateId(Long delegateId) {
    this.delegateId = delegateId;
  }
}
