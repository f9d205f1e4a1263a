package eu.smek.documents.index;

import eu.smek.shared.Language;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Gives the analysers of {@link LanguageAnalyzers} their names in the index; named in {@code
 * persistence.xml} ({@code hibernate.search.backend.analysis.configurer}).
 */
public class DocumentAnalysis implements LuceneAnalysisConfigurer {

  @Override
  public void configure(LuceneAnalysisConfigurationContext context) {
    for (Language language : Language.values()) {
      context.analyzer(DocumentIndex.analyzer(language)).instance(LanguageAnalyzers.of(language));
    }
    context.analyzer(DocumentIndex.FOLDED_ANALYZER).instance(LanguageAnalyzers.folded());
  }
}
