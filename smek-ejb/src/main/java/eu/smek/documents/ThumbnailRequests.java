package eu.smek.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Asks for a thumbnail of every version stored, once its upload has committed: before, the version
 * may still roll back; and the upload's answer does not wait for the rendering.
 */
@ApplicationScoped
class ThumbnailRequests {

  @Inject private DocumentThumbnails thumbnails;

  void versionStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) VersionStored stored) {
    thumbnails.make(stored.versionId());
  }
}
