package eu.smek.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The seeding servlet ({@link TelesessionSeedServlet}) as a deployment of its own beside the
 * application, and its one call: a new member town with its coordinator.
 */
public final class TelesessionSeed {

  public static final String PASSWORD = TelesessionSeedServlet.PASSWORD;

  private TelesessionSeed() {}

  /** The seeding WAR; it reaches the application's classes through the EAR's modules. */
  public static WebArchive war() {
    return ShrinkWrap.create(WebArchive.class, "telesession-seed.war")
        .addClass(TelesessionSeedServlet.class)
        .addAsWebInfResource(
            new StringAsset(
                """
                <jboss-deployment-structure xmlns="urn:jboss:deployment-structure:1.2">
                  <deployment>
                    <dependencies>
                      <module name="deployment.smek.ear" services="import"/>
                      <module name="deployment.smek.ear.smek-ejb.jar"/>
                    </dependencies>
                  </deployment>
                </jboss-deployment-structure>
                """),
            "jboss-deployment-structure.xml");
  }

  /** A new member town with its coordinator: {login, town name, town id, account id}. */
  public static String[] town(String seedBase, String name)
      throws IOException, InterruptedException {
    String root = seedBase.endsWith("/") ? seedBase : seedBase + "/";
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            root
                                + "seed-town?name="
                                + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode(), response.body());
    return response.body().strip().split("\n");
  }
}
