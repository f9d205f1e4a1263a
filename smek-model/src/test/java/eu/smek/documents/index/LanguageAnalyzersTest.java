package eu.smek.documents.index;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smek.shared.Language;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** Inflected forms of a word meet in one stem, and diacritics do not matter. */
class LanguageAnalyzersTest {

  private static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream tokens = analyzer.tokenStream("", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        terms.add(term.toString());
      }
      tokens.end();
    }
    return terms;
  }

  /** Every form yields a term in common (a word may have several lemmas, stacked). */
  private static void sameStems(Language language, String... forms) throws IOException {
    Analyzer analyzer = LanguageAnalyzers.of(language);
    Set<String> common = new HashSet<>(terms(analyzer, forms[0]));
    for (String form : forms) {
      common.retainAll(terms(analyzer, form));
      assertThat(common).as(form + " among " + List.of(forms)).isNotEmpty();
    }
  }

  @Test
  void polishInflectionsMeet() throws IOException {
    sameStems(Language.PL, "umowa", "umowy", "umową", "umowę", "umowie", "umowami", "umów");
    sameStems(Language.PL, "współpraca", "współpracy", "współpracą");
  }

  @Test
  void polishWithoutDiacriticsFindsTheSameWords() throws IOException {
    Analyzer polish = LanguageAnalyzers.of(Language.PL);
    assertThat(terms(polish, "umową")).isEqualTo(terms(polish, "umowa"));
    assertThat(terms(LanguageAnalyzers.folded(), "Umową o współpracy"))
        .containsExactly("umowa", "wspolpracy");
  }

  @Test
  void polishStopWordsAreDropped() throws IOException {
    assertThat(terms(LanguageAnalyzers.of(Language.PL), "umowa o współpracy"))
        .contains("umowa", "wspolpraca")
        .doesNotContain("o");
  }

  @Test
  void polishWordsNotInTheDictionaryAreStemmedByStempel() throws IOException {
    // Neither is in Morfologik's dictionary; Stempel still brings both forms together.
    sameStems(Language.PL, "snina", "sniny");
    assertThat(terms(LanguageAnalyzers.of(Language.PL), "xq7hk")).containsExactly("xq7hk");
  }

  @Test
  void slovakCaseEndingsMeetThroughTheCzechLightStemmer() throws IOException {
    sameStems(Language.SK, "zmluva", "zmluvy", "zmluvou", "zmluvu");
    sameStems(Language.SK, "spolupráca", "spolupráce", "spoluprácou", "spoluprácu");
  }

  @Test
  void englishPluralsAndTensesMeet() throws IOException {
    sameStems(Language.EN, "agreement", "agreements", "agreement's");
    sameStems(Language.EN, "cooperate", "cooperating", "cooperated");
  }

  @Test
  void ukrainianLemmasFromTheMorfologikDictionary() throws IOException {
    sameStems(Language.UK, "угода", "угоди", "угоду", "угодою");
  }

  @Test
  void hungarianLightStemming() throws IOException {
    sameStems(Language.HU, "szerződés", "szerződések", "szerződést");
  }

  @Test
  void romanianSnowballStemming() throws IOException {
    sameStems(Language.RO, "acord", "acordul", "acordului");
  }

  @Test
  void everyLanguageHasAnAnalyser() {
    for (Language language : Language.values()) {
      assertThat(LanguageAnalyzers.of(language)).as(language.name()).isNotNull();
    }
  }
}
