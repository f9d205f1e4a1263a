package eu.smek.documents;

import eu.smek.shared.Language;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** What a clerk says about a new document, or about a document's metadata when editing it. */
public record DocumentDraft(
    @NotBlank @Size(max = Document.TITLE_LENGTH) String title,
    @Size(max = Document.DESCRIPTION_LENGTH) String description,
    @NotNull DocumentType type,
    @NotNull Language language,
    @Size(max = Document.MAXIMUM_TAGS) Set<@NotBlank @Size(max = Document.TAG_LENGTH) String> tags,
    @Size(max = Document.REFERENCE_LENGTH) @Pattern(regexp = "[\\p{L}\\p{N} ./_()-]*")
        String referenceNumber) {

  public DocumentDraft {
    tags = tags == null ? Set.of() : Set.copyOf(tags);
  }

  /** Takes the metadata over into the document. */
  void applyTo(Document document) {
    document.setTitle(title.strip());
    document.setDescription(description == null || description.isBlank() ? null : description);
    document.setType(type);
    document.setLanguage(language);
    document.setTags(tags);
    document.setReferenceNumber(referenceNumber);
  }
}
