package eu.smek.calendar;

import eu.smek.faces.ActiveLocale;
import eu.smek.faces.Choice;
import eu.smek.membership.Organisation;
import eu.smek.shared.Language;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.text.Collator;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The rooms and equipment of the network's town halls, filtered by town; a coordinator adds, edits
 * and deactivates their own town's. A chosen resource shows when it is booked, a week at a time.
 * Town, resource, week and the resource being edited are query parameters, so every state can be
 * bookmarked and the page works without script.
 */
@Named
@ViewScoped
public class ListResources implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  /** {@code edit=new} opens the form for a new resource; {@code edit=<id>} for that one. */
  static final String NEW = "new";

  @Inject private CalendarService calendar;
  @Inject private ActiveLocale activeLocale;

  private Long town;
  private Long resource;
  private LocalDate week;
  private String edit;

  private List<BookableResource> resources = List.of();
  private List<Choice> towns = List.of();
  private boolean mayManage;
  private final Set<Long> editable = new HashSet<>();
  private BookableResource selected;
  private List<BusyTime> busy = List.of();

  private boolean editing;
  private Long editId;
  private long editVersion;
  private ResourceKind kind = ResourceKind.ROOM;
  private String name;
  private Integer capacity;
  private String description;
  private boolean active = true;

  public void load() {
    Language language = activeLocale.getLanguage();
    Collator collator = Collator.getInstance(language.locale());
    List<BookableResource> all = calendar.resources(null);
    Map<Long, Organisation> owners = new LinkedHashMap<>();
    all.forEach(r -> owners.putIfAbsent(r.getOrganisation().getId(), r.getOrganisation()));
    towns =
        owners.values().stream()
            .sorted(Comparator.comparing((Organisation o) -> o.nameIn(language), collator))
            .map(o -> new Choice(o.getId(), o.nameIn(language), null, town))
            .toList();
    resources =
        all.stream()
            .filter(r -> town == null || r.getOrganisation().getId().equals(town))
            .sorted(
                Comparator.comparing(
                        (BookableResource r) -> r.getOrganisation().nameIn(language), collator)
                    .thenComparing(BookableResource::getKind)
                    .thenComparing(BookableResource::getName, collator))
            .toList();
    mayManage = calendar.mayManageResources();
    if (mayManage) {
      resources.stream().filter(calendar::mayManage).forEach(r -> editable.add(r.getId()));
    }
    if (resource != null) {
      selected = calendar.getResource(resource);
      LocalDate monday =
          (week == null ? LocalDate.now(activeLocale.getTimeZone()) : week)
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      week = monday;
      busy = calendar.freeBusy(resource, monday, monday.plusDays(7), activeLocale.getTimeZone());
    }
    if (mayManage && edit != null) {
      openForm();
    }
  }

  private void openForm() {
    if (NEW.equals(edit)) {
      editing = true;
      return;
    }
    long id;
    try {
      id = Long.parseLong(edit);
    } catch (NumberFormatException notAnId) {
      return;
    }
    BookableResource edited = calendar.getResource(id);
    if (calendar.mayManage(edited)) {
      editing = true;
      editId = edited.getId();
      editVersion = edited.getVersion();
      kind = edited.getKind();
      name = edited.getName();
      capacity = edited.getCapacity();
      description = edited.getDescription();
      active = edited.isActive();
    }
  }

  /** Saves the form and shows the resource's bookings. */
  public void save() throws IOException {
    ResourceDraft draft = new ResourceDraft(kind, name, capacity, description, active);
    BookableResource saved =
        editId == null
            ? calendar.createResource(draft)
            : calendar.updateResource(editId, editVersion, draft);
    Messages.addFlashGlobalInfo(
        eu.smek.shared.Messages.format(
            Faces.getLocale(), "calendar.resource.saved", saved.getName()));
    Faces.redirect(
        Faces.getRequestContextPath() + "/calendar/list-resources?resource=" + saved.getId());
  }

  /** Whether the caller may change this resource: one of their own town's. */
  public boolean mayEdit(BookableResource candidate) {
    return editable.contains(candidate.getId());
  }

  /** The week's first day as people read it, e.g. {@code 8 cze 2026}. */
  public String getWeekLabel() {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(activeLocale.getLocale())
        .format(week);
  }

  /** When a booking starts, as people read it: {@code 10.06.2026, 10:00}; all day: the date. */
  public String from(BusyTime time) {
    return shown(time.start(), time.allDay());
  }

  /** When it ends; an all-day booking on its last day (the stored end is the day after). */
  public String until(BusyTime time) {
    return shown(time.allDay() ? time.end().minusDays(1) : time.end(), time.allDay());
  }

  private String shown(java.time.LocalDateTime time, boolean allDay) {
    DateTimeFormatter format =
        allDay
            ? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
    return format.withLocale(activeLocale.getLocale()).format(time);
  }

  public LocalDate getPreviousWeek() {
    return week.minusWeeks(1);
  }

  public LocalDate getNextWeek() {
    return week.plusWeeks(1);
  }

  public List<ResourceKind> getKinds() {
    return Arrays.asList(ResourceKind.values());
  }

  public List<BookableResource> getResources() {
    return resources;
  }

  public List<Choice> getTowns() {
    return towns;
  }

  public boolean isMayManage() {
    return mayManage;
  }

  public BookableResource getSelected() {
    return selected;
  }

  public List<BusyTime> getBusy() {
    return busy;
  }

  public boolean isEditing() {
    return editing;
  }

  public boolean isNew() {
    return editId == null;
  }

  public Long getTown() {
    return town;
  }

  public void setTown(Long town) {
    this.town = town;
  }

  public Long getResource() {
    return resource;
  }

  public void setResource(Long resource) {
    this.resource = resource;
  }

  public LocalDate getWeek() {
    return week;
  }

  public void setWeek(LocalDate week) {
    this.week = week;
  }

  public String getEdit() {
    return edit;
  }

  public void setEdit(String edit) {
    this.edit = edit;
  }

  public ResourceKind getKind() {
    return kind;
  }

  public void setKind(ResourceKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getCapacity() {
    return capacity;
  }

  public void setCapacity(Integer capacity) {
    this.capacity = capacity;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }
}
