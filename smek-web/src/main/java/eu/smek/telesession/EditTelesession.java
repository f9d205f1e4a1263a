package eu.smek.telesession;

import eu.smek.calendar.CalendarEvent;
import eu.smek.calendar.CalendarService;
import eu.smek.calendar.EventTimes;
import eu.smek.calendar.InviteeOption;
import eu.smek.calendar.InviteeType;
import eu.smek.faces.ActiveLocale;
import eu.smek.security.CurrentUser;
import eu.smek.security.Subjects;
import eu.smek.shared.Visibility;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.omnifaces.util.Faces;

/**
 * Schedules a telesession or changes a planned one: title, description, times in a zone (as the
 * calendar's event form), chair and secretary, invited organisations and people, visibility and the
 * quorum rule. People and organisations are found by name, as in the calendar's invitation form;
 * invitations are only added. A stale version is refused by the service with the concurrent-change
 * message, and the form keeps what was typed.
 */
@Named
@ViewScoped
public class EditTelesession implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Inject private TelesessionService telesessions;
  @Inject private CalendarService calendar;
  @Inject private ActiveLocale activeLocale;
  @Inject private CurrentUser currentUser;

  private Long id;
  private long version;
  private boolean editable = true;

  private String title;
  private String description;
  private final EventTimes times = new EventTimes();
  private Visibility visibility = Visibility.NETWORK;
  private int quorumNumerator = 1;
  private int quorumDenominator = 2;
  private boolean quorumStrict = true;

  private InviteeOption chair;
  private InviteeOption secretary;
  private final List<InviteeOption> invited = new ArrayList<>();
  private final List<InviteeOption> chosen = new ArrayList<>();

  private String search;
  private List<InviteeOption> found = List.of();

  public void load() {
    if (id == null) {
      LocalDateTime start =
          LocalDateTime.now(activeLocale.getTimeZone()).truncatedTo(ChronoUnit.HOURS).plusDays(1);
      times.set(start, start.plusHours(2), activeLocale.getTimeZone().getId());
      long me = Subjects.requirePrincipal().accountId();
      chair = new InviteeOption(InviteeType.ACCOUNT, me, currentUser.getDisplayName(), null);
      secretary = chair;
      return;
    }
    Telesession session = telesessions.get(id);
    CalendarEvent event = telesessions.eventOf(id);
    version = session.getVersion();
    editable = session.getStatus().isEditable() && telesessions.mayManage(session);
    title = session.getTitle();
    description = session.getDescription();
    times.set(event.getStart(), event.getEnd(), event.getTimeZone());
    visibility = session.getVisibility();
    quorumNumerator = session.getQuorum().getNumerator();
    quorumDenominator = session.getQuorum().getDenominator();
    quorumStrict = session.getQuorum().isStrict();
    Map<Long, String> people =
        telesessions.accountNames(
            concat(
                session.getInvitedAccounts(),
                session.getChairAccountId(),
                session.getSecretaryAccountId()));
    chair = person(session.getChairAccountId(), people);
    secretary = person(session.getSecretaryAccountId(), people);
    session.getInvitedAccounts().forEach(a -> invited.add(person(a, people)));
    telesessions
        .organisationNames(session.getInvitedOrganisations())
        .forEach(
            (organisation, name) ->
                invited.add(new InviteeOption(InviteeType.ORGANISATION, organisation, name, null)));
  }

  private static Set<Long> concat(Set<Long> accounts, long... more) {
    Set<Long> all = new LinkedHashSet<>(accounts);
    Arrays.stream(more).forEach(all::add);
    return all;
  }

  private static InviteeOption person(long account, Map<Long, String> names) {
    return new InviteeOption(InviteeType.ACCOUNT, account, names.get(account), null);
  }

  // Finding people and organisations

  public void find() {
    found =
        search == null || search.strip().length() < 2
            ? List.of()
            : calendar.inviteeOptions(search.strip()).stream()
                .filter(
                    o -> o.type() == InviteeType.ACCOUNT || o.type() == InviteeType.ORGANISATION)
                .filter(o -> !chosen.contains(o) && !invited.contains(o))
                .toList();
  }

  public void invite(InviteeOption option) {
    if (!chosen.contains(option) && chosen.size() < TelesessionService.MAXIMUM_INVITEES) {
      chosen.add(option);
    }
    found = found.stream().filter(o -> !o.equals(option)).toList();
  }

  public void makeChair(InviteeOption option) {
    chair = option;
  }

  public void makeSecretary(InviteeOption option) {
    secretary = option;
  }

  public void drop(InviteeOption option) {
    chosen.remove(option);
  }

  // Saving

  /** Saves and opens the session's record. */
  public void save() throws IOException {
    TelesessionDraft draft =
        new TelesessionDraft(
            title,
            description,
            times.start(),
            times.end(),
            times.getTimeZone(),
            visibility,
            chair.id(),
            secretary.id(),
            new Quorum(
                Math.max(0, Math.min(quorumNumerator, quorumDenominator)),
                Math.max(1, quorumDenominator),
                quorumStrict),
            ids(InviteeType.ORGANISATION),
            ids(InviteeType.ACCOUNT));
    Telesession saved =
        id == null ? telesessions.create(draft) : telesessions.update(id, version, draft);
    Faces.redirect(
        Faces.getRequestContextPath() + "/telesession/view-telesession?id=" + saved.getId());
  }

  private Set<Long> ids(InviteeType type) {
    Set<Long> ids = new LinkedHashSet<>();
    invited.stream().filter(o -> o.type() == type).forEach(o -> ids.add(o.id()));
    chosen.stream().filter(o -> o.type() == type).forEach(o -> ids.add(o.id()));
    return ids;
  }

  // What the page shows

  public List<Visibility> getVisibilities() {
    return Arrays.asList(Visibility.values());
  }

  public boolean isNew() {
    return id == null;
  }

  // Properties

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public boolean isEditable() {
    return editable;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public EventTimes getTimes() {
    return times;
  }

  public Visibility getVisibility() {
    return visibility;
  }

  public void setVisibility(Visibility visibility) {
    this.visibility = visibility;
  }

  public int getQuorumNumerator() {
    return quorumNumerator;
  }

  public void setQuorumNumerator(int quorumNumerator) {
    this.quorumNumerator = quorumNumerator;
  }

  public int getQuorumDenominator() {
    return quorumDenominator;
  }

  public void setQuorumDenominator(int quorumDenominator) {
    this.quorumDenominator = quorumDenominator;
  }

  public boolean isQuorumStrict() {
    return quorumStrict;
  }

  public void setQuorumStrict(boolean quorumStrict) {
    this.quorumStrict = quorumStrict;
  }

  public InviteeOption getChair() {
    return chair;
  }

  public InviteeOption getSecretary() {
    return secretary;
  }

  public List<InviteeOption> getInvited() {
    return invited;
  }

  public List<InviteeOption> getChosen() {
    return chosen;
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
}
