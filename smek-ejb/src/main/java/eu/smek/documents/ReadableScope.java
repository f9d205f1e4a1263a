package eu.smek.documents;

import java.util.Set;

/**
 * What a user may read, as filters for the search index: the rules of {@link
 * DocumentService#rightIn} and its approvers' exception, worked out for every library at once.
 *
 * @param everything association managers read every library
 * @param memberLibraries the libraries of the user's spaces: every document in them
 * @param openLibraries other libraries open to the user (network or public)...
 * @param closedFolders ...except the documents in these folders, narrower than their library
 * @param approverDocuments documents the user (or their town) is asked to approve
 */
public record ReadableScope(
    boolean everything,
    Set<Long> memberLibraries,
    Set<Long> openLibraries,
    Set<Long> closedFolders,
    Set<Long> approverDocuments) {

  public static final ReadableScope EVERYTHING =
      new ReadableScope(true, Set.of(), Set.of(), Set.of(), Set.of());

  public ReadableScope {
    memberLibraries = Set.copyOf(memberLibraries);
    openLibraries = Set.copyOf(openLibraries);
    closedFolders = Set.copyOf(closedFolders);
    approverDocuments = Set.copyOf(approverDocuments);
  }

  public boolean nothing() {
    return !everything
        && memberLibraries.isEmpty()
        && openLibraries.isEmpty()
        && approverDocuments.isEmpty();
  }
}
