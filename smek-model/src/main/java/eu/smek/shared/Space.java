package eu.smek.shared;

/** Something other features attach documents, events and procedures to; see {@link SpaceRef}. */
public interface Space {

  SpaceRef toSpaceRef();

  /** The space's name as its members know it. */
  String getName();
}
