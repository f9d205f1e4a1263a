package eu.smek.documents;

import eu.smek.shared.SpaceRef;
import java.io.Serial;
import java.io.Serializable;

/** A space one may set up a library in, with the name its members know it by. */
public record SpaceChoice(SpaceRef space, String name) implements Serializable {
  @Serial private static final long serialVersionUID = 1L;
}
