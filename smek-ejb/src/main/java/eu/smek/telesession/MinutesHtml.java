package eu.smek.telesession;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What the minutes' HTML may contain: what the rich-text editor writes and the draft uses
 * (headings, paragraphs, lists, tables, bold, italic, underline, links to http, https and mailto
 * addresses), and nothing else. Everything saved passes through here, so scripts, event handlers,
 * styles, images, SVG and {@code javascript:} links never reach a reader or the PDF.
 */
public final class MinutesHtml {

  private static final Pattern SPAN = Pattern.compile("[1-9][0-9]?");

  static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "h1",
              "h2",
              "h3",
              "p",
              "br",
              "ul",
              "ol",
              "li",
              "strong",
              "b",
              "em",
              "i",
              "u",
              "s",
              "blockquote",
              "table",
              "caption",
              "thead",
              "tbody",
              "tr",
              "th",
              "td",
              "a")
          .allowUrlProtocols("http", "https", "mailto")
          .allowAttributes("href")
          .onElements("a")
          .requireRelsOnLinks("noopener", "noreferrer")
          .allowAttributes("scope")
          .matching(true, "col", "row")
          .onElements("th")
          .allowAttributes("colspan", "rowspan")
          .matching(SPAN)
          .onElements("th", "td")
          .toFactory();

  private MinutesHtml() {}

  /** The HTML with everything outside the allow-list removed. */
  public static String sanitise(String html) {
    return html == null ? "" : POLICY.sanitize(html);
  }

  /** Text for HTML: the five characters with a meaning there escaped. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&#34;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
