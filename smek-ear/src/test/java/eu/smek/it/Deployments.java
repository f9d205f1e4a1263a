package eu.smek.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the integration tests deploy: always the real EAR that this module's build made, unchanged,
 * so tests run against what production runs. In-container tests come in a second, small WAR that
 * sees the EAR's classes (WildFly cannot yet run Arquillian tests that sit inside an EAR's web
 * module, WFARQ-203) and reaches its services through their global JNDI names, e.g.
 * {@code @EJB(lookup = "java:global/smek/smek-ejb/SecurityService")}.
 */
public final class Deployments {

  /** The name to give the EAR's {@code @Deployment}; the test WAR is the default deployment. */
  public static final String APPLICATION = "application";

  private static final String DEPENDENCIES =
      """
      <jboss-deployment-structure xmlns="urn:jboss:deployment-structure:1.2">
        <deployment>
          <dependencies>
            <module name="deployment.smek.ear" services="import"/>
            <module name="deployment.smek.ear.smek-ejb.jar"/>
            <module name="org.hibernate"/>
          </dependencies>
        </deployment>
      </jboss-deployment-structure>
      """;

  private Deployments() {}

  /** The EAR exactly as built. */
  public static EnterpriseArchive application() {
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File("target/smek.ear"));
  }

  /** A WAR with the integration tests and their support classes, next to the EAR. */
  public static WebArchive tests() {
    return ShrinkWrap.create(WebArchive.class, "smek-tests.war")
        .addPackage(Deployments.class.getPackage())
        .addAsWebInfResource(new StringAsset(DEPENDENCIES), "jboss-deployment-structure.xml")
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }
}
