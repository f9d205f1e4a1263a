package eu.smek.documents.index;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import morfologik.stemming.polish.PolishStemmer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.stempel.StempelStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;
import org.egothor.stemmer.Trie;

/**
 * Brings a Polish word (in lower case) to its lemmas: from Morfologik's dictionary of Polish when
 * the word is in it, all of them at the same position ("umów" is a form of "umowa" and of
 * "umówić"); otherwise from Stempel, Lucene's statistical Polish stemmer, which guesses a stem for
 * names and new words. Stempel alone was tried first: it splits common paradigms ("umowa", "umowy"
 * and "umową" stem to "umowy", but "umowę" to "umowa" and "umowie" to "umot"), which the dictionary
 * does not.
 */
final class PolishLemmaFilter extends TokenFilter {

  private static final Dictionary DICTIONARY = new PolishStemmer().getDictionary();

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute position =
      addAttribute(PositionIncrementAttribute.class);
  private final DictionaryLookup dictionary = new DictionaryLookup(DICTIONARY);
  private final StempelStemmer stempel;
  private final Deque<String> pending = new ArrayDeque<>();
  private AttributeSource.State state;

  PolishLemmaFilter(TokenStream in, Trie stempelTable) {
    super(in);
    this.stempel = new StempelStemmer(stempelTable);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      restoreState(state);
      term.setEmpty().append(pending.removeFirst());
      position.setPositionIncrement(0);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    Set<String> lemmas = new LinkedHashSet<>();
    List<WordData> found = dictionary.lookup(term);
    for (WordData word : found) {
      lemmas.add(word.getStem().toString().toLowerCase(java.util.Locale.ROOT));
    }
    if (lemmas.isEmpty()) {
      StringBuilder stem = term.length() > 3 ? stempel.stem(term) : null;
      if (stem != null && stem.length() > 0) {
        lemmas.add(stem.toString());
      }
    }
    if (lemmas.isEmpty()) {
      return true;
    }
    var each = lemmas.iterator();
    term.setEmpty().append(each.next());
    each.forEachRemaining(pending::add);
    if (!pending.isEmpty()) {
      state = captureState();
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
    state = null;
  }
}
