package eu.smek.calendar;

import eu.smek.calendar.ical.IcsLimits;
import eu.smek.calendar.ical.IcsNotice;
import eu.smek.calendar.ical.IcsRejectedException;
import eu.smek.faces.ActiveLocale;
import eu.smek.shared.Messages;
import eu.smek.shared.Visibility;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import org.omnifaces.util.Faces;

/**
 * Calendars in and out of SMEK: each calendar the user sees as an .ics download; an .ics file
 * imported into a calendar they may edit, after a preview of what it adds, changes and leaves out;
 * and their personal subscription address, made, renewed or revoked here, whose secret is shown
 * once.
 */
@Named
@ViewScoped
public class ExchangeCalendars implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Inject private CalendarService calendarService;
  @Inject private ActiveLocale activeLocale;

  private List<CalendarSummary> calendars = List.of();
  private Instant feedCreatedAt;
  private Instant feedLastUsedAt;
  private boolean hasFeed;
  private String newFeedAddress;

  private Long importInto;
  private Visibility importVisibility = Visibility.PRIVATE;
  private transient Part file;

  /** The previewed file, until it is imported; at most the reader's limit (2 MiB). */
  private byte[] previewed;

  private List<PreviewRow> preview = List.of();
  private List<String> notices = List.of();
  private long toAdd;
  private long toChange;
  private long leftOut;

  /** One event of the previewed file, as the page lists it. */
  public record PreviewRow(String title, String when, String rule, String action)
      implements Serializable {}

  public void load() {
    calendars = calendarService.calendars();
    if (importInto == null) {
      importInto =
          calendars.stream()
              .filter(CalendarSummary::mayEdit)
              .map(summary -> summary.calendar().getId())
              .reduce((first, second) -> second)
              .orElse(null);
    }
    calendarService
        .findMyFeed()
        .ifPresentOrElse(
            feed -> {
              hasFeed = true;
              feedCreatedAt = feed.getCreatedAt();
              feedLastUsedAt = feed.getLastUsedAt();
            },
            () -> hasFeed = false);
  }

  // Import

  /** Reads the chosen file and shows what importing it would do; nothing is saved yet. */
  public void previewImport() throws IOException {
    previewed = read(file);
    CalendarImport plan =
        calendarService.previewImport(
            importInto, previewed, activeLocale.getTimeZone(), activeLocale.getLanguage());
    show(plan);
  }

  /** Imports the previewed file; the report replaces the preview. */
  public void importPreviewed() {
    if (previewed == null) {
      return;
    }
    CalendarImport report =
        calendarService.importCalendar(
            importInto,
            previewed,
            activeLocale.getTimeZone(),
            importVisibility,
            activeLocale.getLanguage());
    previewed = null;
    show(report);
    preview = List.of();
    org.omnifaces.util.Messages.addGlobalInfo(
        Messages.format(
            activeLocale.getLocale(),
            "calendar.import.done",
            report.count(CalendarImport.Action.NEW),
            report.count(CalendarImport.Action.UPDATE),
            report.count(CalendarImport.Action.SKIP)));
  }

  public void discardPreview() {
    previewed = null;
    preview = List.of();
    notices = List.of();
  }

  /** The file (the field is required), refused unread when it is over the reader's limit. */
  private static byte[] read(Part part) throws IOException {
    long limit = IcsLimits.DEFAULT.maximumBytes();
    if (part.getSize() > limit) {
      throw IcsRejectedException.tooLarge(limit);
    }
    try (InputStream in = part.getInputStream()) {
      return in.readNBytes((int) limit + 1);
    }
  }

  private void show(CalendarImport plan) {
    preview =
        plan.items().stream()
            .map(
                item ->
                    new PreviewRow(
                        item.title(),
                        when(item),
                        item.rrule(),
                        Messages.format(activeLocale.getLocale(), item.action().messageKey())))
            .toList();
    notices = plan.notices().stream().map(notice -> text(notice)).distinct().toList();
    toAdd = plan.count(CalendarImport.Action.NEW);
    toChange = plan.count(CalendarImport.Action.UPDATE);
    leftOut = plan.count(CalendarImport.Action.SKIP);
  }

  private String text(IcsNotice notice) {
    return Messages.format(
        activeLocale.getLocale(), notice.messageKey(), notice.arguments().toArray());
  }

  /** How a previewed event's time reads: its date and time in its own zone. */
  private String when(CalendarImport.Item item) {
    DateTimeFormatter format =
        (item.allDay()
                ? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT))
            .withLocale(activeLocale.getLocale());
    return format.format(item.start()) + (item.zone() == null ? "" : " (" + item.zone() + ")");
  }

  // Subscription

  /** A new subscription address; an old one stops working. The address is shown this once. */
  public void createFeed() {
    String secret = calendarService.createMyFeed();
    newFeedAddress = Faces.getRequestBaseURL() + "calendar/feed/" + secret + ".ics";
    load();
  }

  public void revokeFeed() {
    calendarService.revokeMyFeed();
    newFeedAddress = null;
    load();
    org.omnifaces.util.Messages.addGlobalInfo(
        Messages.format(activeLocale.getLocale(), "calendar.feed.revoked"));
  }

  // What the page shows

  public List<CalendarSummary> getCalendars() {
    return calendars;
  }

  public List<CalendarSummary> getEditableCalendars() {
    return calendars.stream().filter(CalendarSummary::mayEdit).toList();
  }

  public List<Visibility> getVisibilities() {
    return Arrays.asList(Visibility.values());
  }

  public boolean isHasFeed() {
    return hasFeed;
  }

  public Instant getFeedCreatedAt() {
    return feedCreatedAt;
  }

  public Instant getFeedLastUsedAt() {
    return feedLastUsedAt;
  }

  public String getNewFeedAddress() {
    return newFeedAddress;
  }

  public boolean isPreviewing() {
    return previewed != null;
  }

  public List<PreviewRow> getPreview() {
    return preview;
  }

  public List<String> getNotices() {
    return notices;
  }

  public long getToAdd() {
    return toAdd;
  }

  public long getToChange() {
    return toChange;
  }

  public long getLeftOut() {
    return leftOut;
  }

  public Long getImportInto() {
    return importInto;
  }

  public void setImportInto(Long importInto) {
    this.importInto = importInto;
  }

  public Visibility getImportVisibility() {
    return importVisibility;
  }

  public void setImportVisibility(Visibility importVisibility) {
    this.importVisibility = importVisibility;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }
}
