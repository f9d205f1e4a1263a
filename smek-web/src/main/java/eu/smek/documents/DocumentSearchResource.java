package eu.smek.documents;

import eu.smek.shared.Language;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The full-text search of documents over REST. Results are restricted by {@link DocumentService} to
 * what the caller may read, as on the search page.
 */
@RequestScoped
@Path("documents/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentSearchResource {

  @Inject private DocumentService documents;

  /** A page of results: how many matched in all, where this page starts, and its hits. */
  public record SearchResponse(long total, int first, List<DocumentHit> hits) {}

  @GET
  @Operation(
      summary = "Search documents",
      description =
          "Finds documents by words in their title, metadata, file name and the text inside the"
              + " file (PDF, ODF, Word, Excel, PowerPoint, plain text), in any inflected form of"
              + " Polish, Slovak, English, Ukrainian, Hungarian or Romanian, also typed without"
              + " diacritics. q supports \"phrases\", -without and prefix*. All filters are"
              + " optional: library (id), type (AGREEMENT, MINUTES, ...), language (PL, SK, ...),"
              + " from and to (days, YYYY-MM-DD, inclusive, UTC) on the last change, author (account"
              + " id of anyone who added a version). Only documents the caller may read are found."
              + " titleHtml and snippetHtml are escaped HTML whose only markup is <mark> around"
              + " the words that matched.")
  public SearchResponse search(
      @QueryParam("q") String q,
      @QueryParam("library") Long library,
      @QueryParam("type") DocumentType type,
      @QueryParam("language") Language language,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("author") Long author,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("20") int max) {
    LocalDate fromDay = day("from", from);
    LocalDate toDay = day("to", to);
    DocumentQuery query =
        new DocumentQuery(
            q,
            library,
            type,
            language,
            fromDay == null ? null : startOf(fromDay),
            toDay == null ? null : startOf(toDay.plusDays(1)),
            author);
    DocumentHits hits = documents.search(query, first, max);
    return new SearchResponse(hits.total(), first, hits.hits());
  }

  private static LocalDate day(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(name + " is not a day (YYYY-MM-DD): " + value, e);
    }
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
