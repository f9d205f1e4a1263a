import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * The document search benchmark's Java half, run by search-bench.sh as a single-file program
 * ({@code java -cp postgresql.jar SearchBench.java <command> ...}):
 *
 * <ul>
 *   <li>{@code seed <jdbc-url> <documents>}: writes a generated corpus straight into SMEK's tables
 *       (libraries of the founding organisations, documents, their versions and extracted texts),
 *       bypassing uploads and text extraction; the server indexes it when it next starts.
 *   <li>{@code http <base-url> <admin-token> <clerk-token> <rounds>}: times the typical queries
 *       through SMEK's REST API (Hibernate Search, access filter, snippets, JSON), one at a time.
 *   <li>{@code pg <jdbc-url> <rounds> <clerk-login>}: builds PostgreSQL full-text search over the same
 *       corpus and times the same queries in SQL, with the same access filter and snippets.
 * </ul>
 *
 * The corpus is made of real inflected words of each language among generated ones with a
 * Zipf-like frequency, so that the index has a realistic long tail of rare terms.
 */
public class SearchBench {

  /** The languages of the corpus and their shares of documents. */
  static final String[] LANGUAGES = {"PL", "SK", "EN", "UK", "HU"};

  static final double[] SHARES = {0.35, 0.30, 0.15, 0.10, 0.10};

  /** Real words, in several forms, that the queries use. */
  static final Map<String, String[]> WORDS =
      Map.of(
          "PL",
          ("umowa umowy umowę umową umowie współpraca współpracy współpracę współpracą miasto"
                  + " miasta mieście miastem projekt projektu projektem projekty turystyka"
                  + " turystyki turystykę turystyczny turystycznego ruch ruchu granica granicy"
                  + " granicą transgraniczna transgranicznej transgranicznego budżet budżetu"
                  + " budżetem spotkanie spotkania spotkaniu sprawozdanie sprawozdania uchwała"
                  + " uchwały rada rady gmina gminy droga drogi kultura kultury")
              .split(" "),
          "SK",
          ("zmluva zmluvy zmluvu zmluvou spolupráca spolupráce spoluprácu spoluprácou mesto"
                  + " mesta meste mestom projekt projektu projektom projekty cestovný cestovného"
                  + " ruch ruchu hranica hranice hranicou cezhraničná cezhraničnej rozpočet"
                  + " rozpočtu stretnutie stretnutia správa správy uznesenie uznesenia obec obce"
                  + " cesta cesty kultúra kultúry")
              .split(" "),
          "EN",
          ("agreement agreements cooperation cooperating cooperate town towns project projects"
                  + " tourism tourist traffic border borders cross-border budget budgets meeting"
                  + " meetings report reports resolution resolutions council councils road roads"
                  + " culture cultural")
              .split(" "),
          "UK",
          ("угода угоди угоду угодою співпраця співпраці співпрацю місто міста місті проект"
                  + " проекту проекти туризм туризму кордон кордону бюджет бюджету зустріч"
                  + " зустрічі звіт звіту рада ради громада громади дорога дороги культура")
              .split(" "),
          "HU",
          ("szerződés szerződések szerződést együttműködés együttműködést város városok várost"
                  + " projekt projektek turizmus turizmust határ határon költségvetés"
                  + " költségvetést találkozó találkozók jelentés jelentések határozat tanács út"
                  + " utak kultúra")
              .split(" "));

  static final String[] TYPES = {
    "AGREEMENT", "DECLARATION", "MINUTES", "RESOLUTION", "REPORT", "PRESENTATION", "OTHER"
  };

  /** The typical queries: words in several forms, phrases, prefixes, filters, and none found. */
  static final String[][] QUERIES = {
    {"umowy", ""},
    {"współpraca transgraniczna", ""},
    {"wspolpraca miasta", ""},
    {"\"ruch turystyczny\"", ""},
    {"turyst*", ""},
    {"budżet projektu", "type=REPORT"},
    {"umowa", "language=PL&from=2025-01-01"},
    {"zmluvou o spolupráci", ""},
    {"cezhraničnej spolupráce", "language=SK"},
    {"cross-border cooperation", ""},
    {"tourist agreements", "type=AGREEMENT"},
    {"угоди про співпрацю", ""},
    {"szerződést együttműködés", ""},
    {"kalomirata", ""},
    {"zzqqxxyy", ""},
  };

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "seed" -> seed(args[1], Integer.parseInt(args[2]));
      case "http" -> http(args[1], args[2], args[3], Integer.parseInt(args[4]));
      case "pg" -> pg(args[1], Integer.parseInt(args[2]), args[3]);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  // --- The corpus ---------------------------------------------------------------------------

  /** Generated words per language, most frequent first; the queries' rare word is among them. */
  static String[] vocabulary(String language, Random random) {
    String[] syllables =
        switch (language) {
          case "UK" -> "ка ло ми ра та ні во ро ди ст ре па ко лу".split(" ");
          case "HU" -> "ka lo mi ra ta né vő ro di sz re pá kö lü".split(" ");
          default -> "ka lo mi ra ta ne wo ro dy st re pa ko lu".split(" ");
        };
    String[] words = new String[20_000];
    for (int i = 0; i < words.length; i++) {
      StringBuilder word = new StringBuilder();
      int length = 2 + random.nextInt(4);
      for (int s = 0; s < length; s++) {
        word.append(syllables[random.nextInt(syllables.length)]);
      }
      words[i] = word.toString();
    }
    words[7_000] = "kalomirata"; // the rare word one query looks for
    return words;
  }

  /** A word: one of the real ones now and then, else a generated one, frequent ones more often. */
  static String word(String language, String[] vocabulary, Random random) {
    if (random.nextInt(8) == 0) {
      String[] real = WORDS.get(language);
      return real[random.nextInt(real.length)];
    }
    double zipf = Math.pow(random.nextDouble(), 3);
    return vocabulary[(int) (zipf * vocabulary.length)];
  }

  static String words(String language, String[] vocabulary, Random random, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        text.append(i % 12 == 0 ? ". " : " ");
      }
      text.append(word(language, vocabulary, random));
    }
    return text.append('.').toString();
  }

  static void seed(String url, int documents) throws Exception {
    Random random = new Random(42);
    Map<String, String[]> vocabularies = new java.util.HashMap<>();
    for (String language : LANGUAGES) {
      vocabularies.put(language, vocabulary(language, new Random(language.hashCode())));
    }
    try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
      CopyManager copy = ((BaseConnection) db).getCopyAPI();
      List<Long> organisations = new ArrayList<>();
      try (ResultSet rows =
          db.createStatement().executeQuery("select id from organisation order by id")) {
        while (rows.next()) {
          organisations.add(rows.getLong(1));
        }
      }
      // 20 libraries per organisation: most private to their town, some shared, a few public.
      int librariesPer = 20;
      long firstLibrary = 10_000_000;
      StringBuilder libraries = new StringBuilder();
      List<Long> libraryIds = new ArrayList<>();
      for (long organisation : organisations) {
        for (int i = 0; i < librariesPer; i++) {
          long id = firstLibrary + libraryIds.size();
          libraryIds.add(id);
          String visibility = i < 12 ? "PRIVATE" : i < 18 ? "NETWORK" : "PUBLIC";
          csv(
              libraries,
              id,
              0,
              "ORGANISATION",
              organisation,
              "Benchmark library " + i,
              null,
              visibility,
              "2024-01-01T00:00:00Z");
        }
      }
      copy.copyIn(
          "COPY library (id, version, space_type, space_id, name, description, visibility,"
              + " created_at) FROM STDIN (FORMAT csv)",
          new StringReader(libraries.toString()));

      Instant start = Instant.parse("2023-01-01T00:00:00Z");
      long seconds = Duration.between(start, Instant.parse("2026-11-01T00:00:00Z")).getSeconds();
      int batch = 5_000;
      long firstDocument = 10_000_000;
      long characters = 0;
      for (int from = 0; from < documents; from += batch) {
        StringBuilder document = new StringBuilder();
        StringBuilder version = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (int n = from; n < Math.min(documents, from + batch); n++) {
          long id = firstDocument + n;
          String language = language(random);
          String[] vocabulary = vocabularies.get(language);
          String at = start.plusSeconds((long) (random.nextDouble() * seconds)).toString();
          String title = capitalise(words(language, vocabulary, random, 3 + random.nextInt(4)));
          String body = words(language, vocabulary, random, 150 + random.nextInt(250));
          characters += body.length();
          csv(
              document,
              id,
              0,
              libraryIds.get(random.nextInt(libraryIds.size())),
              null,
              title,
              words(language, vocabulary, random, 10 + random.nextInt(10)),
              TYPES[random.nextInt(TYPES.length)],
              language,
              null,
              null,
              at,
              at);
          csv(
              version,
              id,
              id,
              1,
              "document-" + n + ".pdf",
              "application/pdf",
              body.length(),
              String.format("%064x", id),
              "Benchmark",
              at,
              "NOT_SUBMITTED");
          csv(text, id, body, "COMPLETE", at);
        }
        copy.copyIn(
            "COPY document (id, version, library_id, folder_id, title, description, type,"
                + " language, reference_number, language_group, created_at, updated_at) FROM STDIN"
                + " (FORMAT csv)",
            new StringReader(document.toString()));
        copy.copyIn(
            "COPY document_version (id, document_id, number, file_name, content_type, size,"
                + " sha256, author_name, created_at, approval_state) FROM STDIN (FORMAT csv)",
            new StringReader(version.toString()));
        copy.copyIn(
            "COPY document_text (version_id, content, outcome, extracted_at) FROM STDIN (FORMAT"
                + " csv)",
            new StringReader(text.toString()));
      }
      try (Statement statement = db.createStatement()) {
        // The application's own ids continue above the seeded ones.
        statement.execute("select setval('library_seq', 20000000)");
        statement.execute("select setval('document_seq', 20000000)");
        statement.execute("select setval('document_version_seq', 20000000)");
        statement.execute("analyze");
      }
      System.out.printf(
          Locale.ROOT,
          "Seeded %d libraries and %d documents (%.1f MB of text)%n",
          libraryIds.size(),
          documents,
          characters / 1e6);
    }
  }

  static String language(Random random) {
    double r = random.nextDouble();
    for (int i = 0; i < LANGUAGES.length; i++) {
      r -= SHARES[i];
      if (r < 0) {
        return LANGUAGES[i];
      }
    }
    return LANGUAGES[0];
  }

  static String capitalise(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1, text.length() - 1);
  }

  static void csv(StringBuilder out, Object... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      if (fields[i] != null) {
        out.append('"').append(fields[i].toString().replace("\"", "\"\"")).append('"');
      }
    }
    out.append('\n');
  }

  // --- Measuring ----------------------------------------------------------------------------

  /** Times every query for every user, {@code rounds} times after one warm-up round. */
  static void time(String engine, List<String> users, int rounds, Timed query) throws Exception {
    List<Double> all = new ArrayList<>();
    Map<String, List<Double>> byQuery = new java.util.LinkedHashMap<>();
    Map<String, Map<String, Long>> found = new java.util.HashMap<>();
    for (int round = -1; round < rounds; round++) {
      for (String user : users) {
        for (String[] q : QUERIES) {
          long started = System.nanoTime();
          long total = query.run(user, q[0], q[1]);
          double ms = (System.nanoTime() - started) / 1e6;
          if (round >= 0) {
            String label = q[0] + (q[1].isEmpty() ? "" : " [" + q[1] + "]");
            all.add(ms);
            byQuery.computeIfAbsent(label, k -> new ArrayList<>()).add(ms);
            found.computeIfAbsent(label, k -> new java.util.LinkedHashMap<>()).put(user, total);
          }
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %d timed queries, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
        engine,
        all.size(),
        percentile(all, 50),
        percentile(all, 95),
        percentile(all, 100));
    byQuery.forEach(
        (q, times) ->
            System.out.printf(
                Locale.ROOT,
                "  %-52s p50 %6.1f  p95 %6.1f  found %s%n",
                q,
                percentile(times, 50),
                percentile(times, 95),
                found.get(q)));
  }

  interface Timed {
    long run(String user, String text, String filters) throws Exception;
  }

  static double percentile(List<Double> values, int percentile) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  static void http(String base, String adminToken, String clerkToken, int rounds)
      throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    Map<String, String> tokens = Map.of("admin", adminToken, "clerk", clerkToken);
    // The fixed cost of any authenticated REST call on this server, for scale.
    List<Double> baseline = new ArrayList<>();
    for (int i = -QUERIES.length; i < rounds * QUERIES.length * 2; i++) {
      long started = System.nanoTime();
      HttpResponse<String> me =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                  .header("Authorization", "Bearer " + adminToken)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (me.statusCode() != 200) {
        throw new IOException("/api/v1/me: " + me.statusCode());
      }
      if (i >= 0) {
        baseline.add((System.nanoTime() - started) / 1e6);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Baseline GET /api/v1/me (API token, one account read, JSON): %d calls, p50 %.1f ms, p95"
            + " %.1f ms%n",
        baseline.size(),
        percentile(baseline, 50),
        percentile(baseline, 95));
    time(
        "SMEK REST /api/v1/documents/search (Hibernate Search + Lucene)",
        List.of("admin", "clerk"),
        rounds,
        (user, text, filters) -> {
          String uri =
              base
                  + "/api/v1/documents/search?q="
                  + URLEncoder.encode(text, StandardCharsets.UTF_8)
                  + (filters.isEmpty() ? "" : "&" + filters);
          HttpResponse<String> response =
              client.send(
                  HttpRequest.newBuilder(URI.create(uri))
                      .header("Authorization", "Bearer " + tokens.get(user))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() != 200) {
            throw new IOException(response.statusCode() + " " + uri + ": " + response.body());
          }
          String body = response.body();
          return Long.parseLong(body.replaceAll("(?s)^\\{\"total\":(\\d+).*", "$1"));
        });
  }

  static void pg(String url, int rounds, String clerkLogin) throws Exception {
    try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
      long started = System.nanoTime();
      try (Statement statement = db.createStatement()) {
        statement.execute("drop table if exists bench_fts");
        // PostgreSQL ships stemmers for English and Hungarian, none for Polish, Slovak or
        // Ukrainian: those are indexed with the 'simple' configuration (lower case, no stems).
        statement.execute(
            "create table bench_fts as select d.id, d.library_id, d.folder_id, d.type,"
                + " d.language, d.updated_at, to_tsvector(case d.language when 'EN' then"
                + " 'english'::regconfig when 'HU' then 'hungarian'::regconfig else"
                + " 'simple'::regconfig end, d.title || ' ' || coalesce(d.description, '') || ' '"
                + " || coalesce(t.content, '')) as tsv from document d join document_version v"
                + " on v.document_id = d.id and v.number = (select max(number) from"
                + " document_version where document_id = d.id) left join document_text t on"
                + " t.version_id = v.id");
        statement.execute("create index bench_fts_tsv on bench_fts using gin (tsv)");
        statement.execute("create index bench_fts_updated on bench_fts (updated_at)");
        statement.execute("analyze bench_fts");
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      long count;
      try (ResultSet rows = db.createStatement().executeQuery("select count(*) from bench_fts")) {
        rows.next();
        count = rows.getLong(1);
      }
      System.out.printf(
          Locale.ROOT,
          "PostgreSQL full-text index: %d documents in %.1f s (%.0f per second)%n",
          count,
          seconds,
          count / seconds);

      // The clerk's readable libraries: those of their town and every open one (no folders here).
      List<Long> readable = new ArrayList<>();
      try (PreparedStatement libraries =
          db.prepareStatement(
              "select l.id from library l where l.visibility <> 'PRIVATE' or (l.space_type ="
                  + " 'ORGANISATION' and l.space_id = (select organisation_id from account where"
                  + " login = ?))")) {
        libraries.setString(1, clerkLogin);
        try (ResultSet rows = libraries.executeQuery()) {
          while (rows.next()) {
            readable.add(rows.getLong(1));
          }
        }
      }
      Long[] readableIds = readable.toArray(Long[]::new);
      String query =
          "(websearch_to_tsquery('simple', ?) || websearch_to_tsquery('english', ?) ||"
              + " websearch_to_tsquery('hungarian', ?))";
      Function<String, String> where =
          filters ->
              " where f.tsv @@ q.query"
                  + (filters.contains("type=") ? " and f.type = ?" : "")
                  + (filters.contains("language=") ? " and f.language = ?" : "")
                  + (filters.contains("from=") ? " and f.updated_at >= ?::timestamptz" : "");
      time(
          "PostgreSQL full-text search (GIN, websearch_to_tsquery, ts_rank, ts_headline)",
          List.of("admin", "clerk"),
          rounds,
          (user, text, filters) -> {
            String access = user.equals("clerk") ? " and f.library_id = any(?)" : "";
            String from = " from bench_fts f, (select " + query + " as query) q";
            long total;
            try (PreparedStatement count_ =
                db.prepareStatement("select count(*)" + from + where.apply(filters) + access)) {
              bind(count_, text, filters, user.equals("clerk") ? db.createArrayOf("bigint", readableIds) : null);
              try (ResultSet rows = count_.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
              }
            }
            try (PreparedStatement page =
                db.prepareStatement(
                    "select h.id, ts_headline('simple', left(t.content, 100000), h.query)"
                        + " from (select f.id, q.query, ts_rank(f.tsv, q.query) as rank"
                        + from
                        + where.apply(filters)
                        + access
                        + " order by rank desc, f.updated_at desc limit 20) h join"
                        + " document_version v on v.document_id = h.id join document_text t on"
                        + " t.version_id = v.id order by h.rank desc")) {
              bind(page, text, filters, user.equals("clerk") ? db.createArrayOf("bigint", readableIds) : null);
              try (ResultSet rows = page.executeQuery()) {
                while (rows.next()) {
                  rows.getString(2);
                }
              }
            }
            return total;
          });
      try (Statement statement = db.createStatement()) {
        statement.execute("drop table bench_fts");
      }
    }
  }

  static void bind(PreparedStatement statement, String text, String filters, java.sql.Array readable)
      throws Exception {
    int i = 1;
    statement.setString(i++, text);
    statement.setString(i++, text);
    statement.setString(i++, text);
    for (String filter : filters.isEmpty() ? new String[0] : filters.split("&")) {
      String value = filter.substring(filter.indexOf('=') + 1);
      statement.setString(i++, value);
    }
    if (readable != null) {
      statement.setArray(i, readable);
    }
  }

}
