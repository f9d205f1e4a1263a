package eu.smek.documents;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smek.shared.Language;
import org.junit.jupiter.api.Test;

/** Snippets mark what the query matched, in any inflected form, and escape all the rest. */
class SnippetsTest {

  @Test
  void inflectedFormsAndWordsWithoutDiacriticsAreMarked() {
    Snippets snippets = new Snippets("umowy wspolpraca", Language.PL);
    assertThat(snippets.snippet("Umową o współpracy miast."))
        .isEqualTo("<mark>Umową</mark> o <mark>współpracy</mark> miast.");
  }

  @Test
  void everythingButTheMarksIsEscaped() {
    Snippets snippets = new Snippets("harmonogram", Language.PL);
    assertThat(snippets.snippet("<script>alert('x')</script> & harmonogram"))
        .isEqualTo(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>harmonogram</mark>");
    assertThat(new Snippets("bold", Language.EN).title("<b>bold</b> \"quoted\""))
        .isEqualTo("&lt;b&gt;<mark>bold</mark>&lt;/b&gt; &quot;quoted&quot;");
  }

  @Test
  void theSnippetIsCutAroundTheFirstMatch() {
    String text = "Wstęp. ".repeat(100) + "Tu jest harmonogram spotkań. " + "Dalej. ".repeat(100);
    String snippet = new Snippets("harmonogramu", Language.PL).snippet(text);
    assertThat(snippet).startsWith("… ").endsWith(" …").contains("<mark>harmonogram</mark>");
    assertThat(snippet.length()).isLessThan(Snippets.LENGTH + 40);
  }

  @Test
  void withoutAMatchTheBeginningIsShown() {
    String snippet =
        new Snippets("nic", Language.PL).snippet("Początek tekstu. " + "x ".repeat(500));
    assertThat(snippet).startsWith("Początek tekstu.").endsWith(" …").doesNotContain("<mark>");
  }

  @Test
  void whiteSpaceIsCollapsedAndOperatorsIgnored() {
    assertThat(
            new Snippets("\"ruch turystyczny\" -covid", Language.PL)
                .snippet("Ruch\n\n\tturystyczny"))
        .isEqualTo("<mark>Ruch</mark> <mark>turystyczny</mark>");
    assertThat(new Snippets("x", Language.PL).snippet("  ")).isNull();
  }

  @Test
  void slovakAndEnglishFormsAreMarked() {
    assertThat(new Snippets("zmluvou", Language.SK).snippet("Zmluva o spolupráci"))
        .isEqualTo("<mark>Zmluva</mark> o spolupráci");
    assertThat(new Snippets("agreement", Language.EN).snippet("Two agreements signed"))
        .isEqualTo("Two <mark>agreements</mark> signed");
  }
}
