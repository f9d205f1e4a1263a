package eu.smek.it;

import eu.smek.documents.Document;
import eu.smek.documents.DocumentDraft;
import eu.smek.documents.DocumentService;
import eu.smek.documents.DocumentType;
import eu.smek.documents.Library;
import eu.smek.documents.NamedContent;
import eu.smek.security.AccountPrincipal;
import eu.smek.shared.Language;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import java.io.ByteArrayInputStream;
import java.util.Set;

/** Libraries and documents made through the real DocumentService, as the given user. */
public final class TestDocuments {

  private TestDocuments() {}

  /** A new library of the organisation, without a description. */
  public static Library library(
      DocumentService documents,
      AccountPrincipal owner,
      long organisationId,
      String name,
      Visibility visibility)
      throws Exception {
    return TestSubjects.as(
        owner,
        () ->
            documents.createLibrary(
                new SpaceRef(SpaceType.ORGANISATION, organisationId), name, null, visibility));
  }

  /** A Polish document of the given type with one PDF file, "dokument.pdf", uploaded as-is. */
  public static Document upload(
      DocumentService documents,
      AccountPrincipal who,
      Library library,
      String title,
      DocumentType type,
      byte[] pdf)
      throws Exception {
    return TestSubjects.as(
        who,
        () ->
            documents.upload(
                library.getId(),
                null,
                new DocumentDraft(title, null, type, Language.PL, Set.of(), null),
                null,
                new NamedContent("dokument.pdf", new ByteArrayInputStream(pdf))));
  }
}
