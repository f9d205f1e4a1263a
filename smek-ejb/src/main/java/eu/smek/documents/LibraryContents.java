package eu.smek.documents;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * What one sees of a library or one of its folders: the way down to it, the folders and documents
 * in it, and what one may do there.
 */
public record LibraryContents(
    Library library,
    String spaceName,
    Folder folder,
    List<Folder> path,
    List<Folder> folders,
    List<Document> documents,
    LibraryRight right)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;
}
