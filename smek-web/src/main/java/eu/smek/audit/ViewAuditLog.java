package eu.smek.audit;

import eu.smek.faces.ActiveLocale;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The audit log, newest first, page by page from the database, with filters by actor, action, dates
 * (in the user's time zone) and text.
 */
@Named
@ViewScoped
public class ViewAuditLog implements Serializable {

  @Inject private AuditService audit;
  @Inject private ActiveLocale activeLocale;

  private String actor;
  private AuditAction action;
  private LocalDate from;
  private LocalDate to;
  private String text;
  private AuditQuery query = AuditQuery.ALL;
  private LazyDataModel<AuditEntry> entries;

  @PostConstruct
  void init() {
    entries = new Entries();
  }

  /** Applies the filters to the table. */
  public void search() {
    query =
        new AuditQuery(
            actor,
            action,
            from == null ? null : startOf(from),
            to == null ? null : startOf(to.plusDays(1)),
            text);
  }

  private Instant startOf(LocalDate day) {
    return day.atStartOfDay(activeLocale.getTimeZone()).toInstant();
  }

  public List<AuditAction> getActions() {
    return List.of(AuditAction.values());
  }

  public LazyDataModel<AuditEntry> getEntries() {
    return entries;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public AuditAction getAction() {
    return action;
  }

  public void setAction(AuditAction action) {
    this.action = action;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  /** Loads one page of entries for the current filters. */
  private class Entries extends LazyDataModel<AuditEntry> {

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, audit.count(query));
    }

    @Override
    public List<AuditEntry> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return audit.search(query, first, pageSize);
    }

    @Override
    public String getRowKey(AuditEntry entry) {
      return String.valueOf(entry.getId());
    }
  }
}
