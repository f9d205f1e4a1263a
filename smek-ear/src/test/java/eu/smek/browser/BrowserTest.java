package eu.smek.browser;

import eu.smek.it.Deployments;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every browser test shares: the real EAR deployed on the test server, driven from outside by
 * one headless Chromium per test class, each test starting as a new visitor. Tagged, so that a run
 * without demo accounts (PostgreSQL) can leave these out.
 */
@Tag("browser")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class BrowserTest {

  @RegisterExtension static final Browser browser = new Browser();

  @ArquillianResource protected URL base;

  @Deployment(testable = false)
  static EnterpriseArchive application() {
    return Deployments.application();
  }

  @BeforeEach
  void startAtTheApplication() {
    browser.startAt(base);
  }
}
