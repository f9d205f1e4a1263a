package eu.smek.documents.index;

import eu.smek.shared.Language;
import java.util.EnumMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cz.CzechStemFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hu.HungarianLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.egothor.stemmer.Trie;
import org.tartarus.snowball.ext.RomanianStemmer;

/**
 * How the text of a document is cut into words and each word brought to its stem, per language, so
 * that "umowy" finds "umową" and "agreements" finds "agreement". Every analyser ends by dropping
 * diacritics (after stemming, which needs them), so a query typed without Polish or Slovak letters
 * still finds the text. {@link #folded()} only lowers the case and drops the diacritics: it finds
 * names, numbers and words of any language as written.
 *
 * <p>Analysers are thread-safe and costly to build (the Ukrainian one loads a dictionary), so each
 * is made once.
 */
public final class LanguageAnalyzers {

  /**
   * Slovak function words. Lucene has no Slovak stop list; this short one keeps the most frequent
   * words from dominating the scores.
   */
  private static final CharArraySet SLOVAK_STOP_WORDS =
      CharArraySet.unmodifiableSet(
          new CharArraySet(
              java.util.List.of(
                  "a", "aj", "ako", "ale", "alebo", "by", "do", "i", "je", "k", "ku", "na", "nie",
                  "o", "od", "po", "pre", "pri", "s", "sa", "si", "so", "sú", "to", "v", "vo", "z",
                  "za", "zo", "že"),
              false));

  private static final Map<Language, Analyzer> BY_LANGUAGE = new EnumMap<>(Language.class);
  private static final Analyzer FOLDED = new Folded();

  static {
    BY_LANGUAGE.put(Language.PL, new Polish());
    BY_LANGUAGE.put(Language.SK, new Slovak());
    BY_LANGUAGE.put(Language.EN, new English());
    BY_LANGUAGE.put(Language.UK, new UkrainianMorfologikAnalyzer());
    BY_LANGUAGE.put(Language.HU, new Hungarian());
    BY_LANGUAGE.put(Language.RO, new Romanian());
  }

  private LanguageAnalyzers() {}

  /** The analyser of the language's stemmed fields. */
  public static Analyzer of(Language language) {
    return BY_LANGUAGE.get(language);
  }

  /** Lower case, no diacritics, no stemming: words as written, in any language. */
  public static Analyzer folded() {
    return FOLDED;
  }

  /** The usual chain: words, lower case, no stop words, stems, no diacritics. */
  private abstract static class Stemming extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer words = new StandardTokenizer();
      TokenStream stream = new LowerCaseFilter(words);
      stream = new StopFilter(stream, stopWords());
      stream = new ASCIIFoldingFilter(stem(stream));
      return new TokenStreamComponents(words, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    abstract CharArraySet stopWords();

    abstract TokenStream stem(TokenStream words);
  }

  /** Morfologik's dictionary of Polish, Stempel for the words it does not know. */
  private static final class Polish extends Stemming {
    private static final Trie TABLE = PolishAnalyzer.getDefaultTable();

    @Override
    CharArraySet stopWords() {
      return PolishAnalyzer.getDefaultStopSet();
    }

    @Override
    TokenStream stem(TokenStream words) {
      return new PolishLemmaFilter(words, TABLE);
    }
  }

  /**
   * Lucene has no Slovak stemmer. Czech and Slovak decline nouns and adjectives alike and share
   * most case endings (-a, -y, -u, -ou, -om, -ách, -ami, ...), so Lucene's light Czech stemmer,
   * which only strips such endings, is the honest best: "zmluvy", "zmluvou" and "zmluva" meet. It
   * does not know Slovak-only endings or alternations (e.g. "-ie" plurals), which then stay apart;
   * the folded field still finds those words as typed.
   */
  private static final class Slovak extends Stemming {
    @Override
    CharArraySet stopWords() {
      return SLOVAK_STOP_WORDS;
    }

    @Override
    TokenStream stem(TokenStream words) {
      return new CzechStemFilter(words);
    }
  }

  /** As Lucene's English analyser: possessives off, Porter's stemmer. */
  private static final class English extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer words = new StandardTokenizer();
      TokenStream stream = new EnglishPossessiveFilter(words);
      stream = new LowerCaseFilter(stream);
      stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      stream = new ASCIIFoldingFilter(new PorterStemFilter(stream));
      return new TokenStreamComponents(words, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }

  /** The light Hungarian stemmer (Savoy), gentler than Snowball's on a rich morphology. */
  private static final class Hungarian extends Stemming {
    @Override
    CharArraySet stopWords() {
      return HungarianAnalyzer.getDefaultStopSet();
    }

    @Override
    TokenStream stem(TokenStream words) {
      return new HungarianLightStemFilter(words);
    }
  }

  /** Snowball's Romanian stemmer, as Lucene's Romanian analyser uses it. */
  private static final class Romanian extends Stemming {
    @Override
    CharArraySet stopWords() {
      return RomanianAnalyzer.getDefaultStopSet();
    }

    @Override
    TokenStream stem(TokenStream words) {
      return new SnowballFilter(words, new RomanianStemmer());
    }
  }

  /**
   * Without the stop words of every language: otherwise a query's "o" or "про", which the stemmed
   * fields drop, would have to appear literally in this one.
   */
  private static final class Folded extends Analyzer {
    private static final CharArraySet STOP_WORDS = allStopWords();

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer words = new StandardTokenizer();
      TokenStream stream = new StopFilter(new LowerCaseFilter(words), STOP_WORDS);
      return new TokenStreamComponents(words, new ASCIIFoldingFilter(stream));
    }

    private static CharArraySet allStopWords() {
      CharArraySet all = new CharArraySet(2000, false);
      all.addAll(PolishAnalyzer.getDefaultStopSet());
      all.addAll(SLOVAK_STOP_WORDS);
      all.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      all.addAll(UkrainianMorfologikAnalyzer.getDefaultStopwords());
      all.addAll(HungarianAnalyzer.getDefaultStopSet());
      all.addAll(RomanianAnalyzer.getDefaultStopSet());
      return CharArraySet.unmodifiableSet(all);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }
}
