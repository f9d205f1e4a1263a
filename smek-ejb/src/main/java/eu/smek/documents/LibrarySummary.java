package eu.smek.documents;

/** A library one may read, with the name of its space and what one may do in it. */
public record LibrarySummary(Library library, String spaceName, LibraryRight right) {}
