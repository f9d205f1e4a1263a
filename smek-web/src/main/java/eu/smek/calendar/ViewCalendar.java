package eu.smek.calendar;

import eu.smek.calendar.Repetition.Frequency;
import eu.smek.faces.ActiveLocale;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import eu.smek.shared.Visibility;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.primefaces.event.SelectEvent;
import org.primefaces.event.schedule.ScheduleEntryMoveEvent;
import org.primefaces.event.schedule.ScheduleEntryResizeEvent;
import org.primefaces.model.DefaultScheduleEvent;
import org.primefaces.model.LazyScheduleModel;
import org.primefaces.model.ScheduleEvent;
import org.primefaces.model.ScheduleModel;

/**
 * The calendar page: the calendars the user sees, overlaid in their colours in a month, week, day
 * or list view, in the user's time zone; a click on a day or an event opens the event's form below
 * (and the "new event" button does so from the keyboard); an event of a calendar the user may edit
 * can be dragged to another time or resized, which for a series moves that one occurrence.
 */
@Named
@ViewScoped
public class ViewCalendar implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  static final List<String> VIEWS =
      List.of("dayGridMonth", "timeGridWeek", "timeGridDay", "listWeek");

  @Inject private CalendarService calendarService;
  @Inject private ActiveLocale activeLocale;

  private LocalDate date;
  private String view;
  private List<CalendarSummary> calendars = List.of();
  private final Map<Long, Boolean> shown = new LinkedHashMap<>();
  private final Occurrences model = new Occurrences();

  private final EventForm form = new EventForm();
  private List<BookableResource> resources;
  private boolean editing;

  /** What the page keeps of each occurrence it shows, to open or move it. */
  public record Shown(
      long eventId,
      long version,
      LocalDateTime recurrenceId,
      boolean override,
      LocalDateTime start,
      LocalDateTime end,
      String zone)
      implements Serializable {}

  public void load() {
    if (date == null) {
      date = LocalDate.now(zone());
    }
    if (view == null || !VIEWS.contains(view)) {
      view = "timeGridWeek";
    }
    calendars = calendarService.calendars();
    calendars.forEach(summary -> shown.put(summary.calendar().getId(), summary.member()));
  }

  /** The occurrences of the shown calendars in the range the schedule asks for. */
  private final class Occurrences extends LazyScheduleModel {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    public void loadEvents(LocalDateTime start, LocalDateTime end) {
      Set<Long> ids =
          shown.entrySet().stream()
              .filter(Map.Entry::getValue)
              .map(Map.Entry::getKey)
              .collect(Collectors.toCollection(TreeSet::new));
      if (ids.isEmpty()) {
        return;
      }
      LocalDate to =
          end.toLocalDate().plusDays(end.toLocalTime().equals(LocalTime.MIDNIGHT) ? 0 : 1);
      ZoneId zone = zone();
      Language language = activeLocale.getLanguage();
      Map<Long, CalendarSummary> byId = new LinkedHashMap<>();
      calendars.forEach(summary -> byId.put(summary.calendar().getId(), summary));
      for (Occurrence occurrence :
          calendarService.occurrences(ids, start.toLocalDate(), to, zone)) {
        CalendarEvent event = occurrence.event();
        CalendarSummary calendar = byId.get(event.getCalendar().getId());
        String colour = calendar.calendar().getColour();
        addEvent(
            DefaultScheduleEvent.<Shown>builder()
                .id(event.getId() + "-" + occurrence.start().toEpochSecond())
                .title(event.titleIn(language))
                .description(event.getLocation())
                .startDate(occurrence.startIn(zone))
                .endDate(occurrence.endIn(zone))
                .allDay(event.isAllDay())
                .editable(calendar.mayEdit())
                .backgroundColor(colour)
                .borderColor(colour)
                .textColor("#ffffff")
                .data(
                    new Shown(
                        event.getId(),
                        event.getVersion(),
                        occurrence.recurrenceId(),
                        event.isOverride(),
                        occurrence.start().toLocalDateTime(),
                        occurrence.end().toLocalDateTime(),
                        event.getTimeZone()))
                .build());
      }
    }
  }

  // Opening the form

  /** A new event from the keyboard: the next full hour today, an hour long. */
  public void newEvent() {
    LocalDateTime start = LocalDateTime.now(zone()).truncatedTo(ChronoUnit.HOURS).plusHours(1);
    open(start, false);
  }

  /** A click on a day (month view: a morning hour on that day) or on a time slot. */
  public void onDateSelect(SelectEvent<LocalDateTime> selected) {
    LocalDateTime start = selected.getObject();
    if ("dayGridMonth".equals(view) && start.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      start = start.withHour(9);
    }
    open(start, false);
  }

  private void open(LocalDateTime start, boolean allDay) {
    form.clear();
    form.calendarId =
        calendars.stream()
            .filter(CalendarSummary::mayEdit)
            .map(summary -> summary.calendar().getId())
            .findFirst()
            .orElse(null);
    form.allDay = allDay;
    form.set(start, start.plusHours(1), zone().getId());
    form.visibility = Visibility.NETWORK;
    editing = true;
  }

  /** A click (or Enter) on an event: its form, for an occurrence of a series with its times. */
  public void onEventSelect(SelectEvent<ScheduleEvent<Shown>> selected) {
    Shown occurrence = selected.getObject().getData();
    CalendarEvent event = calendarService.getEvent(occurrence.eventId());
    form.clear();
    form.eventId = event.getId();
    form.version = event.getVersion();
    form.recurrenceId = occurrence.recurrenceId();
    form.override = occurrence.override();
    form.recurring = event.isRecurring();
    form.mayEdit = calendarService.mayEdit(event);
    form.calendarId = event.getCalendar().getId();
    form.title = event.getTitle();
    form.description = event.getDescription();
    form.location = event.getLocation();
    form.allDay = event.isAllDay();
    LocalDateTime start = occurrence.start();
    LocalDateTime end = event.isAllDay() ? occurrence.end().minusDays(1) : occurrence.end();
    form.set(start, end, event.getTimeZone());
    form.categories = String.join(", ", new TreeSet<>(event.getCategories()));
    form.visibility = event.getVisibility();
    form.scope = form.recurring ? EditScope.ONE : null;
    Repetition repetition =
        Repetition.of(event.getRrule(), event.getStart(), event.zone()).orElse(null);
    form.setRepetition(repetition, event.getRrule());
    if (!event.isOverride()) {
      calendarService.bookings(event.getId()).stream()
          .findFirst()
          .ifPresent(
              booking -> {
                form.resourceId = booking.getResource().getId();
                form.bookedResourceId = form.resourceId;
              });
    }
    calendarService
        .findMyReminder(event.getId())
        .ifPresent(
            reminder -> {
              form.remindMinutes = reminder.getMinutesBefore();
              form.remindByEmail = reminder.isByEmail();
              form.remindInApp = reminder.isInApp();
            });
    editing = true;
  }

  /** Saves only the user's reminder, for an event they see but may not change. */
  public void saveReminder() {
    calendarService.remindMe(
        form.eventId, form.remindMinutes, form.remindByEmail, form.remindInApp);
    editing = false;
    info("calendar.remind.saved", form.title);
  }

  // Saving

  public void save() {
    EventDraft draft = form.draft(activeLocale.getLanguage());
    CalendarEvent saved;
    if (form.eventId == null) {
      saved = calendarService.createEvent(form.calendarId, draft);
    } else if (form.recurring && form.scope == EditScope.SERIES) {
      saved =
          calendarService.updateEvent(
              form.eventId, form.version, EditScope.SERIES, null, series(draft));
    } else {
      saved =
          calendarService.updateEvent(
              form.eventId, form.version, form.scope, form.recurrenceId, draft);
    }
    calendarService.remindMe(
        saved.getId(), form.remindMinutes, form.remindByEmail, form.remindInApp);
    CalendarEvent series = saved.isOverride() ? saved.getMaster() : saved;
    if (form.resourceId != null && !form.resourceId.equals(form.bookedResourceId)) {
      // The event is saved first; should the room be taken, the form stays open on the saved
      // event (its new version), says so, and another room can be chosen.
      form.eventId = series.getId();
      form.version = series.getVersion();
      form.recurrenceId = null;
      form.scope = series.isRecurring() ? EditScope.SERIES : null;
      calendarService.book(series.getId(), series.getVersion(), form.resourceId);
    }
    editing = false;
    info("calendar.event.saved", saved.getTitle());
  }

  /**
   * The form shows one occurrence's times; for the whole series they say how far to move each one,
   * so the series keeps its first start relative to the occurrence edited.
   */
  private EventDraft series(EventDraft draft) {
    CalendarEvent series = calendarService.getEvent(form.eventId);
    Duration shift = Duration.between(form.recurrenceId, draft.start());
    LocalDateTime start = series.getStart().plus(shift);
    return draft.at(start, start.plus(Duration.between(draft.start(), draft.end())));
  }

  public void delete() {
    calendarService.deleteEvent(form.eventId, form.version, form.scope, form.recurrenceId);
    editing = false;
    info("calendar.event.deleted", form.title);
  }

  public void cancel() {
    editing = false;
  }

  // Dragging and resizing

  /** An event dragged to another time: that occurrence moves (for a series, only that one). */
  public void onEventMove(ScheduleEntryMoveEvent moved) {
    Shown occurrence = (Shown) moved.getScheduleEvent().getData();
    ZoneId reader = zone();
    ZoneId zone = ZoneId.of(occurrence.zone());
    LocalDateTime start =
        shift(
            occurrence,
            occurrence.start(),
            reader,
            zone,
            moved.getYearDelta(),
            moved.getMonthDelta(),
            moved.getDayDelta(),
            moved.getMinuteDelta());
    LocalDateTime end = start.plus(Duration.between(occurrence.start(), occurrence.end()));
    change(occurrence, start, end);
  }

  /** An event's end (or start) dragged: that occurrence gets the new length. */
  public void onEventResize(ScheduleEntryResizeEvent resized) {
    Shown occurrence = (Shown) resized.getScheduleEvent().getData();
    ZoneId reader = zone();
    ZoneId zone = ZoneId.of(occurrence.zone());
    LocalDateTime start =
        shift(
            occurrence,
            occurrence.start(),
            reader,
            zone,
            resized.getYearDeltaStart(),
            resized.getMonthDeltaStart(),
            resized.getDayDeltaStart(),
            resized.getMinuteDeltaStart());
    LocalDateTime end =
        shift(
            occurrence,
            occurrence.end(),
            reader,
            zone,
            resized.getYearDeltaEnd(),
            resized.getMonthDeltaEnd(),
            resized.getDayDeltaEnd(),
            resized.getMinuteDeltaEnd());
    change(occurrence, start, end);
  }

  /**
   * A time of the event moved as the reader saw it move: the delta applies to the wall-clock time
   * in the reader's zone (a drag to 10:00 means 10:00 on their screen), then back to the event's
   * zone. All-day events move by whole days.
   */
  static LocalDateTime shift(
      Shown occurrence,
      LocalDateTime time,
      ZoneId reader,
      ZoneId zone,
      int years,
      int months,
      int days,
      int minutes) {
    boolean allDay =
        occurrence.start().toLocalTime().equals(LocalTime.MIDNIGHT)
            && occurrence.end().toLocalTime().equals(LocalTime.MIDNIGHT)
            && minutes == 0;
    if (allDay) {
      return time.plusYears(years).plusMonths(months).plusDays(days);
    }
    LocalDateTime seen = time.atZone(zone).withZoneSameInstant(reader).toLocalDateTime();
    LocalDateTime moved =
        seen.plusYears(years).plusMonths(months).plusDays(days).plusMinutes(minutes);
    return moved.atZone(reader).withZoneSameInstant(zone).toLocalDateTime();
  }

  private void change(Shown occurrence, LocalDateTime start, LocalDateTime end) {
    CalendarEvent event = calendarService.getEvent(occurrence.eventId());
    EventDraft draft = EventDraft.of(event).at(start, end);
    EditScope scope = occurrence.recurrenceId() != null ? EditScope.ONE : null;
    CalendarEvent saved =
        calendarService.updateEvent(
            occurrence.eventId(), occurrence.version(), scope, occurrence.recurrenceId(), draft);
    info("calendar.event.moved", saved.getTitle());
  }

  private void info(String key, Object... arguments) {
    org.omnifaces.util.Messages.addGlobalInfo(
        Messages.format(activeLocale.getLocale(), key, arguments));
  }

  // What the page shows

  public ZoneId zone() {
    return activeLocale.getTimeZone();
  }

  public String getZoneId() {
    return zone().getId();
  }

  public List<CalendarSummary> getCalendars() {
    return calendars;
  }

  public List<CalendarSummary> getEditableCalendars() {
    return calendars.stream().filter(CalendarSummary::mayEdit).toList();
  }

  public Map<Long, Boolean> getShown() {
    return shown;
  }

  public ScheduleModel getModel() {
    return model;
  }

  public EventForm getForm() {
    return form;
  }

  public boolean isEditing() {
    return editing;
  }

  public List<Frequency> getFrequencies() {
    return Arrays.asList(Frequency.values());
  }

  public List<DayOfWeek> getWeekdays() {
    return Arrays.asList(DayOfWeek.values());
  }

  public List<Visibility> getVisibilities() {
    return Arrays.asList(Visibility.values());
  }

  /** The lead times offered for a reminder, each with its label. */
  public Map<String, Integer> getLeadTimes() {
    Map<String, Integer> times = new LinkedHashMap<>();
    for (int minutes : EventReminder.LEAD_TIMES) {
      String label =
          minutes % 1440 == 0
              ? Messages.format(activeLocale.getLocale(), "calendar.remind.days", minutes / 1440)
              : minutes % 60 == 0
                  ? Messages.format(activeLocale.getLocale(), "calendar.remind.hours", minutes / 60)
                  : Messages.format(activeLocale.getLocale(), "calendar.remind.minutes", minutes);
      times.put(label, minutes);
    }
    return times;
  }

  /** The rooms and equipment of the network's town halls, for booking with an event. */
  public List<BookableResource> getResources() {
    if (resources == null) {
      resources =
          calendarService.resources(null).stream().filter(BookableResource::isActive).toList();
    }
    return resources;
  }

  public List<EditScope> getScopes() {
    return Arrays.asList(EditScope.values());
  }

  public LocalDate getDate() {
    return date;
  }

  public void setDate(LocalDate date) {
    this.date = date;
  }

  public String getView() {
    return view;
  }

  public void setView(String view) {
    this.view = view;
  }

  /** What the event form holds between requests; the schedule's dates are the user's zone's. */
  public static class EventForm extends EventTimes {
    @Serial private static final long serialVersionUID = 1L;

    Long eventId;
    long version;
    LocalDateTime recurrenceId;
    boolean override;
    boolean recurring;
    boolean mayEdit = true;
    EditScope scope;

    Long calendarId;
    String title;
    String description;
    String location;
    boolean allDay;
    String categories;
    Visibility visibility;

    Frequency frequency = Frequency.NONE;
    int interval = 1;
    List<DayOfWeek> weekdays = new ArrayList<>();
    LocalDate until;
    Integer count;

    /** A room or piece of equipment to book for the event (its series), and the one it holds. */
    Long resourceId;

    Long bookedResourceId;

    Integer remindMinutes;
    boolean remindByEmail = true;
    boolean remindInApp = true;

    /** A rule the choices cannot show (an imported one): edited as iCalendar text instead. */
    boolean custom;

    String rule;

    void clear() {
      EventForm empty = new EventForm();
      eventId = empty.eventId;
      version = 0;
      recurrenceId = null;
      override = false;
      recurring = false;
      mayEdit = true;
      scope = null;
      calendarId = null;
      title = null;
      description = null;
      location = null;
      allDay = false;
      clearTimes();
      categories = null;
      visibility = null;
      resourceId = null;
      bookedResourceId = null;
      remindMinutes = null;
      remindByEmail = true;
      remindInApp = true;
      setRepetition(Repetition.NONE, null);
    }

    void setRepetition(Repetition repetition, String rule) {
      custom = repetition == null;
      this.rule = custom ? rule : null;
      Repetition shown = repetition == null ? Repetition.NONE : repetition;
      frequency = shown.frequency();
      interval = shown.interval();
      weekdays = new ArrayList<>(shown.weekdays());
      until = shown.until();
      count = shown.count();
    }

    /** The draft the form stands for; all-day events end at the midnight after their last day. */
    EventDraft draft(Language language) {
      LocalDateTime start =
          startDate == null
              ? null
              : startDate.atTime(allDay || startTime == null ? LocalTime.MIDNIGHT : startTime);
      LocalDateTime end =
          endDate == null
              ? null
              : allDay
                  ? endDate.plusDays(1).atStartOfDay()
                  : endDate.atTime(endTime == null ? LocalTime.MIDNIGHT : endTime);
      String rule =
          custom
              ? this.rule
              : start == null
                  ? null
                  : new Repetition(
                          frequency,
                          interval,
                          weekdays.isEmpty() ? Set.of() : EnumSet.copyOf(weekdays),
                          until,
                          count)
                      .toRrule(start);
      Set<String> categorySet = new LinkedHashSet<>();
      if (categories != null) {
        Arrays.stream(categories.split(","))
            .map(String::strip)
            .filter(category -> !category.isEmpty())
            .forEach(categorySet::add);
      }
      return new EventDraft(
          title,
          description,
          language,
          Map.of(),
          location,
          allDay,
          start,
          end,
          timeZone,
          override || (recurring && scope == EditScope.ONE) ? null : rule,
          categorySet,
          visibility);
    }

    public Long getEventId() {
      return eventId;
    }

    public Long getResourceId() {
      return resourceId;
    }

    public void setResourceId(Long resourceId) {
      this.resourceId = resourceId;
    }

    public Integer getRemindMinutes() {
      return remindMinutes;
    }

    public void setRemindMinutes(Integer remindMinutes) {
      this.remindMinutes = remindMinutes;
    }

    public boolean isRemindByEmail() {
      return remindByEmail;
    }

    public void setRemindByEmail(boolean remindByEmail) {
      this.remindByEmail = remindByEmail;
    }

    public boolean isRemindInApp() {
      return remindInApp;
    }

    public void setRemindInApp(boolean remindInApp) {
      this.remindInApp = remindInApp;
    }

    public boolean isRecurring() {
      return recurring;
    }

    public boolean isOverride() {
      return override;
    }

    public boolean isMayEdit() {
      return mayEdit;
    }

    public boolean isCustom() {
      return custom;
    }

    public String getRule() {
      return rule;
    }

    public void setRule(String rule) {
      this.rule = rule;
    }

    public EditScope getScope() {
      return scope;
    }

    public void setScope(EditScope scope) {
      this.scope = scope;
    }

    public Long getCalendarId() {
      return calendarId;
    }

    public void setCalendarId(Long calendarId) {
      this.calendarId = calendarId;
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

    public String getLocation() {
      return location;
    }

    public void setLocation(String location) {
      this.location = location;
    }

    public boolean isAllDay() {
      return allDay;
    }

    public void setAllDay(boolean allDay) {
      this.allDay = allDay;
    }

    public String getCategories() {
      return categories;
    }

    public void setCategories(String categories) {
      this.categories = categories;
    }

    public Visibility getVisibility() {
      return visibility;
    }

    public void setVisibility(Visibility visibility) {
      this.visibility = visibility;
    }

    public Frequency getFrequency() {
      return frequency;
    }

    public void setFrequency(Frequency frequency) {
      this.frequency = frequency;
    }

    public int getInterval() {
      return interval;
    }

    public void setInterval(int interval) {
      this.interval = interval;
    }

    public List<DayOfWeek> getWeekdays() {
      return weekdays;
    }

    public void setWeekdays(List<DayOfWeek> weekdays) {
      this.weekdays = weekdays == null ? new ArrayList<>() : new ArrayList<>(weekdays);
    }

    public LocalDate getUntil() {
      return until;
    }

    public void setUntil(LocalDate until) {
      this.until = until;
    }

    public Integer getCount() {
      return count;
    }

    public void setCount(Integer count) {
      this.count = count;
    }
  }
}
