package eu.smek.telesession;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MinutesHtmlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<p onclick=\"alert(1)\">x</p>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<p style=\"width: expression(alert(1))\">x</p>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<svg onload=alert(1)><circle/></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"x.swf\"></object>",
        "<form action=\"https://evil.example\"><input name=x></form>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<style>body{background:red}</style>",
        "<<script>script>alert(1)<</script>/script>",
        "<base href=\"https://evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">"
      })
  void hostileMarkupLeavesNothingExecutable(String hostile) {
    String clean = MinutesHtml.sanitise(hostile).toLowerCase(java.util.Locale.ROOT);
    assertThat(clean)
        .doesNotContain("<script", "onerror", "onload", "onclick", "javascript:", "expression(")
        .doesNotContain("<svg", "<iframe", "<object", "<form", "<input", "<style", "<img")
        .doesNotContain("style=", "<base", "<meta", "data:", "<math");
  }

  @Test
  void keepsWhatTheEditorWrites() {
    String html =
        "<h1>Minutes</h1><h2>Attendance</h2><h3>1. Item</h3><p><strong>b</strong> <em>i</em>"
            + " <u>u</u> <s>s</s><br></p><ol><li>one</li></ol><ul><li>two</li></ul>"
            + "<blockquote>q</blockquote><table><thead><tr><th scope=\"col\">A</th></tr></thead>"
            + "<tbody><tr><td colspan=\"2\">1</td></tr></tbody></table>";
    String clean = MinutesHtml.sanitise(html);
    for (String kept :
        new String[] {
          "<h1>",
          "<h2>",
          "<h3>",
          "<strong>",
          "<em>",
          "<u>",
          "<s>",
          "<br />",
          "<ol>",
          "<ul>",
          "<li>",
          "<blockquote>",
          "<table>",
          "<thead>",
          "<tbody>",
          "<th scope=\"col\">",
          "<td colspan=\"2\">"
        }) {
      assertThat(clean).contains(kept);
    }
  }

  @Test
  void linksKeepOnlyHttpHttpsAndMailto() {
    assertThat(MinutesHtml.sanitise("<a href=\"https://smek.eu/a?b=1\">x</a>"))
        .contains("href=\"https://smek.eu/a?b&#61;1\"")
        // Both rels, in whichever order the sanitiser writes them (it varies between runs).
        .containsPattern("rel=\"(noopener noreferrer|noreferrer noopener)\"");
    assertThat(MinutesHtml.sanitise("<a href=\"http://smek.eu\">x</a>")).contains("href=");
    assertThat(MinutesHtml.sanitise("<a href=\"mailto:office@smek.eu\">x</a>"))
        .contains("href=\"mailto:office&#64;smek.eu\"");
    assertThat(MinutesHtml.sanitise("<a href=\"ftp://smek.eu\">x</a>")).doesNotContain("href");
    assertThat(MinutesHtml.sanitise("<a href=\"vbscript:msgbox(1)\">x</a>")).doesNotContain("href");
  }

  @Test
  void attributesOutsideTheListAreDropped() {
    assertThat(MinutesHtml.sanitise("<p class=\"ql-align-center\" id=\"x\" title=\"t\">a</p>"))
        .isEqualTo("<p>a</p>");
    assertThat(MinutesHtml.sanitise("<td colspan=\"1000\">a</td>")).doesNotContain("colspan");
    assertThat(MinutesHtml.sanitise("<th scope=\"evil\">a</th>")).doesNotContain("scope");
  }

  @Test
  void textKeepsPolishAndSlovakLetters() {
    assertThat(MinutesHtml.sanitise("<p>Zażółć gęślą jaźń – Ťažký úľ, ôsmy dážď</p>"))
        .isEqualTo("<p>Zażółć gęślą jaźń – Ťažký úľ, ôsmy dážď</p>");
  }

  @Test
  void escapeLeavesNoMarkup() {
    assertThat(MinutesHtml.escape("<b a=\"1\" b='2'>&</b>"))
        .isEqualTo("&lt;b a=&#34;1&#34; b=&#39;2&#39;&gt;&amp;&lt;/b&gt;");
  }
}
