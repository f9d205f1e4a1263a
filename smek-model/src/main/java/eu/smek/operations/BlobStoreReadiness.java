package eu.smek.operations;

import eu.smek.documents.BlobStoreDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the blob store ({@code smek.documents.dir}) is there, takes a file, and its file
 * system keeps at least {@code smek.health.min-free-mib} free (08-observability.cli, default 1024).
 * The limit is read at every check, so an operator can change it on a running server.
 */
@Readiness
@ApplicationScoped
public class BlobStoreReadiness implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    BlobStoreDirectory blobs = BlobStoreDirectory.configured();
    long minimumFreeMib = Long.getLong("smek.health.min-free-mib", 1024);
    Optional<String> problem = blobs.problem(minimumFreeMib * 1024 * 1024);
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("smek-blob-store")
            .status(problem.isEmpty())
            .withData("directory", blobs.root().toString())
            .withData("minimumFreeMiB", minimumFreeMib);
    problem.ifPresent(error -> response.withData("error", error));
    if (problem.isEmpty() || !problem.get().startsWith("missing")) {
      response.withData("freeMiB", blobs.freeBytes() / (1024 * 1024));
    }
    return response.build();
  }
}
