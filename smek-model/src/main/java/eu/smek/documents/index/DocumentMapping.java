package eu.smek.documents.index;

import eu.smek.documents.Document;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;

/**
 * Puts documents into the full-text index. Mapped here, in code, rather than by annotations on the
 * entities, so the entities stay plain JPA; named in {@code persistence.xml} ({@code
 * hibernate.search.mapping.configurer}).
 */
public class DocumentMapping implements HibernateOrmSearchMappingConfigurer {

  @Override
  public void configure(HibernateOrmMappingConfigurationContext context) {
    TypeMappingStep document = context.programmaticMapping().type(Document.class);
    document.indexed().index(DocumentIndex.NAME);
    document.binder(new DocumentBinder());
  }
}
