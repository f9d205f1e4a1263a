package eu.smek.documents;

import eu.smek.faces.ActiveLocale;
import eu.smek.security.AccountPrincipal;
import eu.smek.security.Subjects;
import eu.smek.shared.Language;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The full-text search of documents: words in any language and form, and filters by library, type,
 * language, date and own documents. Everything is a query parameter, so a search can be bookmarked
 * and shared; each page of results comes from the index, restricted by the service to what the user
 * may read.
 */
@Named
@ViewScoped
public class SearchDocuments implements Serializable {

  static final int PAGE_SIZE = 20;

  @Inject private DocumentService documents;
  @Inject private ActiveLocale activeLocale;

  private String q;
  private Long library;
  private DocumentType type;
  private Language language;
  private LocalDate from;
  private LocalDate to;
  private boolean mine;
  private int page = 1;
  private DocumentHits results;

  /** Runs the search when there is something to search for. */
  public void search() {
    if (q == null
        && library == null
        && type == null
        && language == null
        && from == null
        && to == null
        && !mine) {
      results = null;
      return;
    }
    Long author = mine ? Subjects.principal().map(AccountPrincipal::accountId).orElse(null) : null;
    DocumentQuery query =
        new DocumentQuery(
            q,
            library,
            type,
            language,
            from == null ? null : startOf(from),
            to == null ? null : startOf(to.plusDays(1)),
            author);
    page = Math.max(1, page);
    results = documents.search(query, (page - 1) * PAGE_SIZE, PAGE_SIZE);
  }

  private Instant startOf(LocalDate day) {
    return day.atStartOfDay(activeLocale.getTimeZone()).toInstant();
  }

  /** The libraries to filter by: those the user may read. Read once per page view. */
  public List<LibrarySummary> getLibraries() {
    return documents.listLibraries();
  }

  public List<DocumentType> getTypes() {
    return Arrays.asList(DocumentType.values());
  }

  public List<Language> getLanguages() {
    return Arrays.asList(Language.values());
  }

  /** Null before a search; the page of hits and the total after. */
  public DocumentHits getResults() {
    return results;
  }

  public int getPageCount() {
    return results == null ? 0 : (int) ((results.total() + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  /** The numbers of the pages to link to: at most ten around the current one. */
  public List<Integer> getPageNumbers() {
    int last = getPageCount();
    int start = Math.max(1, Math.min(page - 4, last - 9));
    return IntStream.rangeClosed(start, Math.min(last, start + 9)).boxed().toList();
  }

  public int getFirstShown() {
    return (page - 1) * PAGE_SIZE + 1;
  }

  /** The query string of this search on another page of results, e.g. {@code ?q=umowa&page=2}. */
  public String pageLink(int number) {
    StringBuilder link = new StringBuilder("?page=").append(number);
    append(link, "q", q);
    append(link, "library", library);
    append(link, "type", type);
    append(link, "language", language);
    append(link, "from", from);
    append(link, "to", to);
    append(link, "mine", mine ? "true" : null);
    return link.toString();
  }

  private static void append(StringBuilder link, String name, Object value) {
    if (value != null) {
      link.append('&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
    }
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q == null || q.isBlank() ? null : q.strip();
  }

  public Long getLibrary() {
    return library;
  }

  public void setLibrary(Long library) {
    this.library = library;
  }

  public DocumentType getType() {
    return type;
  }

  public void setType(DocumentType type) {
    this.type = type;
  }

  public Language getLanguage() {
    return language;
  }

  public void setLanguage(Language language) {
    this.language = language;
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

  public boolean isMine() {
    return mine;
  }

  public void setMine(boolean mine) {
    this.mine = mine;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
  }
}
