package eu.smek.documents;

import java.io.Serial;
import java.io.Serializable;

/** A library one may read, with the name of its space and what one may do in it. */
public record LibrarySummary(Library library, String spaceName, LibraryRight right)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;
}
