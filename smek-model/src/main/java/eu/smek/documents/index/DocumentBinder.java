package eu.smek.documents.index;

import eu.smek.documents.Document;
import eu.smek.documents.DocumentText;
import eu.smek.documents.DocumentVersion;
import eu.smek.shared.Language;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.backend.types.dsl.IndexFieldTypeFactory;
import org.hibernate.search.mapper.orm.HibernateOrmExtension;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

/**
 * Writes a document into the index: its ids and facets for filtering, and its words into the fields
 * of its language (see {@link DocumentIndex}). The text of the current version comes from {@link
 * DocumentText}, which is not reachable from the document as an association. What is read here
 * decides what {@link IndexJournal} records: a change to the document, one of its versions or a
 * version's text journals the document for indexing again on every node. Reading anything else
 * (say, the library's name) needs that entity added there. The dependencies declared here are what
 * Hibernate Search requires of a binder; its own indexing of changes is switched off.
 */
public final class DocumentBinder implements TypeBinder {

  @Override
  public void bind(TypeBindingContext context) {
    context
        .dependencies()
        .use("title")
        .use("description")
        .use("tags")
        .use("type")
        .use("language")
        .use("referenceNumber")
        .use("folder")
        .use("updatedAt")
        .use("versions.fileName")
        .use("versions.authorId")
        .use("versions.approvalState");

    IndexSchemaElement schema = context.indexSchemaElement();
    IndexFieldTypeFactory types = context.typeFactory();
    var id = types.asLong().projectable(Projectable.NO).toIndexFieldType();
    var keyword = types.asString().projectable(Projectable.NO).toIndexFieldType();
    var date =
        types.asInstant().projectable(Projectable.NO).sortable(Sortable.YES).toIndexFieldType();
    Map<Language, IndexFieldReference<String>> titles = new EnumMap<>(Language.class);
    Map<Language, IndexFieldReference<String>> bodies = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      var text = types.asString().analyzer(DocumentIndex.analyzer(language)).toIndexFieldType();
      titles.put(language, schema.field(DocumentIndex.title(language), text).toReference());
      bodies.put(
          language, schema.field(DocumentIndex.body(language), text).multiValued().toReference());
    }
    context.bridge(
        Document.class,
        new Bridge(
            schema.field(DocumentIndex.LIBRARY, id).toReference(),
            schema.field(DocumentIndex.FOLDER, id).toReference(),
            schema.field(DocumentIndex.TYPE, keyword).toReference(),
            schema.field(DocumentIndex.LANGUAGE, keyword).toReference(),
            schema.field(DocumentIndex.APPROVAL, keyword).toReference(),
            schema.field(DocumentIndex.AUTHORS, id).multiValued().toReference(),
            schema.field(DocumentIndex.UPDATED, date).toReference(),
            schema.field(DocumentIndex.CREATED, date).toReference(),
            titles,
            bodies,
            schema
                .field(
                    DocumentIndex.FOLDED,
                    types.asString().analyzer(DocumentIndex.FOLDED_ANALYZER).toIndexFieldType())
                .multiValued()
                .toReference()));
  }

  private record Bridge(
      IndexFieldReference<Long> library,
      IndexFieldReference<Long> folder,
      IndexFieldReference<String> type,
      IndexFieldReference<String> language,
      IndexFieldReference<String> approval,
      IndexFieldReference<Long> authors,
      IndexFieldReference<Instant> updated,
      IndexFieldReference<Instant> created,
      Map<Language, IndexFieldReference<String>> titles,
      Map<Language, IndexFieldReference<String>> bodies,
      IndexFieldReference<String> folded)
      implements TypeBridge<Document> {

    @Override
    public void write(DocumentElement target, Document document, TypeBridgeWriteContext context) {
      target.addValue(library, document.getLibrary().getId());
      if (document.getFolder() != null) {
        target.addValue(folder, document.getFolder().getId());
      }
      target.addValue(type, document.getType().name());
      target.addValue(language, document.getLanguage().name());
      target.addValue(updated, document.getUpdatedAt());
      target.addValue(created, document.getCreatedAt());
      document.getVersions().stream()
          .map(DocumentVersion::getAuthorId)
          .filter(Objects::nonNull)
          .distinct()
          .forEach(author -> target.addValue(authors, author));

      String heading =
          String.join(
              "\n",
              document.getTitle(),
              Objects.requireNonNullElse(document.getReferenceNumber(), ""),
              String.join(" ", document.getTags()));
      target.addValue(titles.get(document.getLanguage()), heading);
      target.addValue(folded, heading);
      IndexFieldReference<String> body = bodies.get(document.getLanguage());
      if (document.getDescription() != null) {
        target.addValue(body, document.getDescription());
        target.addValue(folded, document.getDescription());
      }
      DocumentVersion current = document.getCurrentVersion().orElse(null);
      if (current == null) {
        return;
      }
      target.addValue(approval, current.getApprovalState().name());
      target.addValue(body, current.getFileName());
      target.addValue(folded, current.getFileName());
      DocumentText text =
          context
              .extension(HibernateOrmExtension.get())
              .session()
              .find(DocumentText.class, current.getId());
      if (text != null && text.getText() != null) {
        target.addValue(body, text.getText());
        target.addValue(folded, text.getText());
      }
    }
  }
}
