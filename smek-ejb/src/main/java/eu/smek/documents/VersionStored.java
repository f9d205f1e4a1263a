package eu.smek.documents;

/**
 * A document version was stored; observed after its transaction commits, to make what can be made
 * later without slowing the upload (its thumbnail, the text for the search).
 */
public record VersionStored(long versionId) {}
