package eu.smek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server that wildfly-config's scripts produce, seen from outside with the application on it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerIT {

  @Deployment(testable = false)
  static EnterpriseArchive application() {
    return Deployments.application();
  }

  @ArquillianResource private URL base;

  @Test
  void theApplicationIsServedAtTheRootInsteadOfTheWelcomePage() throws Exception {
    HttpResponse<String> home = new Http(base.toString()).get("/", "Accept-Language", "en");
    assertEquals(200, home.statusCode());
    assertTrue(
        home.body().matches("(?s).*<html[^>]* lang=\"en\".*"), home.body().substring(0, 300));
    assertTrue(home.body().contains("Carpathian Euroregion Cities Network"));
    assertFalse(home.body().contains("Welcome to WildFly"));
  }

  @Test
  void theManagementPortReportsReadiness() throws Exception {
    Http management = new Http("http://127.0.0.1:" + System.getProperty("it.management.port"));
    HttpResponse<String> ready = management.get("/health/ready");
    assertEquals(200, ready.statusCode());
    // MicroProfile Health (08-observability.cli): the overall status and WildFly's checks, the
    // deployment's among them.
    JsonObject health = Json.createReader(new StringReader(ready.body())).readObject();
    assertEquals("UP", health.getString("status"), ready.body());
    assertTrue(ready.body().contains("smek.ear"), ready.body());
  }

  @Test
  void staticResourcesAreServedWithoutSigningIn() throws Exception {
    HttpResponse<String> css =
        new Http(base.toString()).get("/jakarta.faces.resource/smek/css/smek.css.xhtml");
    assertEquals(200, css.statusCode());
    assertTrue(css.body().contains(".skip-link"));
  }
}
