package eu.smek.documents;

import eu.smek.documents.index.LanguageAnalyzers;
import eu.smek.shared.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Highlighted snippets of search hits: the words of the text that the query matched, found with the
 * same analysers as the index (so "umowy" marks "umową"), wrapped in {@code <mark>}; every other
 * character is HTML-escaped. Written here rather than with Hibernate Search's highlighter because
 * WildFly's Lucene module lacks lucene-highlighter, which that highlighter needs.
 */
final class Snippets {

  /** Characters of text read to find a snippet: enough for a page, bounded for speed. */
  static final int SCANNED_CHARACTERS = 100_000;

  static final int LENGTH = 240;
  private static final int BEFORE = 60;

  private final Language language;
  private final Set<String> stems;
  private final Set<String> words;

  /** The highlighter of one query, for documents in {@code language}. */
  Snippets(String query, Language language) {
    this.language = language;
    String plain = query == null ? "" : query.replaceAll("[\"*+|()~-]", " ");
    this.stems = terms(LanguageAnalyzers.of(language), plain);
    this.words = terms(LanguageAnalyzers.folded(), plain);
  }

  /** The whole title, escaped, with what matched marked. */
  String title(String title) {
    return mark(title, 0, title.length(), matches(title, Integer.MAX_VALUE));
  }

  /**
   * Up to {@link #LENGTH} characters around the first match in the text, escaped and marked; the
   * beginning of the text if nothing matched in it; null for no text.
   */
  String snippet(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String scanned =
        text.length() > SCANNED_CHARACTERS ? text.substring(0, SCANNED_CHARACTERS) : text;
    List<int[]> found = matches(scanned, LENGTH);
    int start = 0;
    if (!found.isEmpty() && found.get(0)[0] > BEFORE) {
      start = scanned.indexOf(' ', found.get(0)[0] - BEFORE);
      start = start < 0 || start >= found.get(0)[0] ? found.get(0)[0] : start + 1;
    }
    int end = Math.min(scanned.length(), start + LENGTH);
    if (end < scanned.length()) {
      int space = scanned.lastIndexOf(' ', end);
      end = space > start ? space : end;
    }
    String html = mark(scanned, start, end, found);
    return (start > 0 ? "… " : "") + html + (end < text.length() ? " …" : "");
  }

  /** Where the text has a word whose stem or folded form the query has, in order, merged. */
  private List<int[]> matches(String text, int beyondFirst) {
    List<int[]> found = new ArrayList<>();
    scan(LanguageAnalyzers.of(language), text, stems, found, beyondFirst);
    scan(LanguageAnalyzers.folded(), text, words, found, beyondFirst);
    found.sort(Comparator.comparingInt(range -> range[0]));
    List<int[]> merged = new ArrayList<>();
    for (int[] range : found) {
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && range[0] <= last[1]) {
        last[1] = Math.max(last[1], range[1]);
      } else {
        merged.add(range.clone());
      }
    }
    return merged;
  }

  /** Adds the matches, stopping {@code beyondFirst} characters after the first one. */
  private static void scan(
      Analyzer analyzer, String text, Set<String> terms, List<int[]> found, int beyondFirst) {
    if (terms.isEmpty()) {
      return;
    }
    long stopAt = Long.MAX_VALUE;
    try (TokenStream tokens = analyzer.tokenStream("", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
      tokens.reset();
      while (tokens.incrementToken() && offset.startOffset() <= stopAt) {
        if (terms.contains(term.toString())) {
          found.add(new int[] {offset.startOffset(), offset.endOffset()});
          stopAt = Math.min(stopAt, (long) offset.startOffset() + beyondFirst);
        }
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> terms(Analyzer analyzer, String text) {
    Set<String> terms = new HashSet<>();
    try (TokenStream tokens = analyzer.tokenStream("", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        terms.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  private static String mark(String text, int start, int end, List<int[]> found) {
    StringBuilder html = new StringBuilder();
    int at = start;
    for (int[] range : found) {
      if (range[0] < at || range[1] > end) {
        continue;
      }
      escape(text.substring(at, range[0]), html);
      html.append("<mark>");
      escape(text.substring(range[0], range[1]), html);
      html.append("</mark>");
      at = range[1];
    }
    escape(text.substring(at, end), html);
    return html.toString();
  }

  /** HTML-escapes the text, with runs of white space (line breaks, tabs) as one space. */
  static void escape(String text, StringBuilder html) {
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        if (!space) {
          html.append(' ');
        }
        space = true;
        continue;
      }
      space = false;
      switch (c) {
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '&' -> html.append("&amp;");
        case '"' -> html.append("&quot;");
        case '\'' -> html.append("&#39;");
        default -> html.append(c);
      }
    }
  }
}
