package eu.smek.documents;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/** A page of search results and how many documents matched in all. */
public record DocumentHits(List<DocumentHit> hits, long total) implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public static final DocumentHits NONE = new DocumentHits(List.of(), 0);
}
