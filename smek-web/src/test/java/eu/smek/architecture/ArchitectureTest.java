package eu.smek.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of STYLE.md that a machine can check: dependencies point one way (web → ejb → model),
 * pages reach the database only through services, and everything kept in a session can be
 * replicated to another node of a cluster.
 */
class ArchitectureTest {

  private static final String SEARCH_INDEX = "eu.smek.documents.index";
  private static final String READINESS = "eu.smek.operations";

  /** What a Hibernate event listener that writes through the session's connection needs. */
  private static final List<String> HIBERNATE_EVENTS =
      List.of(
          "event.",
          "integrator.",
          "boot.",
          "engine.spi",
          "action.spi",
          "persister.",
          "service.",
          "jdbc");

  private static JavaClasses smek;

  @BeforeAll
  static void importClasses() {
    smek =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.smek");
  }

  private static DescribedPredicate<JavaClass> inModule(String module) {
    return DescribedPredicate.describe(
        "in " + module,
        type ->
            type.getSource()
                .map(
                    source ->
                        source.getUri().toString().contains("/" + module + "/")
                            || source.getUri().toString().contains("/" + module + "-"))
                .orElse(false));
  }

  @Test
  void theModelDependsOnNoOtherModule() {
    noClasses()
        .that(inModule("smek-model"))
        .should()
        .dependOnClassesThat(inModule("smek-ejb").or(inModule("smek-web")))
        .check(smek);
  }

  @Test
  void theModelUsesOnlyPersistenceValidationAndTwoMarkers() {
    classes()
        .that(inModule("smek-model"))
        .and()
        .resideOutsideOfPackages(SEARCH_INDEX, READINESS)
        .should()
        .onlyDependOnClassesThat(
            DescribedPredicate.describe(
                "Java, JPA, Bean Validation, the two markers or SMEK's model",
                type ->
                    type.getPackageName().startsWith("java.")
                        || type.getPackageName().startsWith("jakarta.persistence")
                        || type.getPackageName().startsWith("jakarta.validation")
                        || type.getName().equals("jakarta.ejb.ApplicationException")
                        || type.getName().equals("org.hibernate.annotations.Immutable")
                        || type.getPackageName().startsWith("eu.smek")))
        .check(smek);
  }

  /**
   * The readiness checks live in the model jar only because MicroProfile Health finds them nowhere
   * else in an EAR; they may use JDBC, CDI and resource injection, and the model's blob-store
   * directory, nothing else.
   */
  @Test
  void theReadinessChecksUseOnlyJdbcCdiAndMicroProfileHealth() {
    classes()
        .that(inModule("smek-model"))
        .and()
        .resideInAPackage(READINESS)
        .should()
        .onlyDependOnClassesThat(
            DescribedPredicate.describe(
                "Java, JDBC, CDI, resource injection, concurrency, MicroProfile Health or the model",
                type ->
                    type.getPackageName().startsWith("java.")
                        || type.getPackageName().equals("javax.sql")
                        || type.getPackageName().startsWith("jakarta.enterprise.")
                        || type.getPackageName().equals("jakarta.annotation")
                        || type.getPackageName().equals("org.eclipse.microprofile.health")
                        || type.getPackageName().startsWith("eu.smek")))
        .check(smek);
  }

  /**
   * The full-text index mapping lives in the model jar only because Hibernate Search loads it with
   * the persistence unit's class loader; it may use Hibernate Search and Lucene, and Hibernate's
   * event SPI for the index journal, nothing else.
   */
  @Test
  void theSearchIndexMappingUsesOnlyHibernateSearchAndLucene() {
    classes()
        .that()
        .resideInAPackage(SEARCH_INDEX)
        .should()
        .onlyDependOnClassesThat(
            DescribedPredicate.describe(
                "Java, Hibernate Search, its Session, Lucene with its stemmers, Morfologik or SMEK's model",
                type ->
                    type.getPackageName().startsWith("java.")
                        || type.getPackageName().startsWith("org.hibernate.search.")
                        || type.getPackageName().startsWith("org.apache.lucene.")
                        || type.getPackageName().startsWith("org.tartarus.snowball")
                        || type.getPackageName().startsWith("org.egothor.stemmer")
                        || type.getPackageName().startsWith("morfologik.stemming")
                        // The bridge reads a document's text through the indexing session.
                        || type.getName().equals("org.hibernate.Session")
                        // The index journal listens to Hibernate's events (IndexJournal).
                        || HIBERNATE_EVENTS.stream()
                            .anyMatch(
                                p -> (type.getPackageName() + ".").startsWith("org.hibernate." + p))
                        || type.getName().equals("jakarta.persistence.PersistenceUnitUtil")
                        || (type.getPackageName().startsWith("eu.smek")
                            && inModule("smek-model").test(type))))
        .check(smek);
    noClasses()
        .that(inModule("smek-model"))
        .and()
        .resideOutsideOfPackage(SEARCH_INDEX)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(SEARCH_INDEX)
        .check(smek);
  }

  @Test
  void servicesDoNotDependOnTheWebModule() {
    noClasses()
        .that(inModule("smek-ejb"))
        .should()
        .dependOnClassesThat(inModule("smek-web"))
        .check(smek);
  }

  @Test
  void pagesAndResourcesReachTheDatabaseOnlyThroughServices() {
    noClasses()
        .that(inModule("smek-web"))
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jakarta.persistence.EntityManager")
        .check(smek);
  }

  @Test
  void whatASessionKeepsCanBeReplicated() {
    classes()
        .that()
        .areAnnotatedWith(SessionScoped.class)
        .or()
        .areAnnotatedWith(ViewScoped.class)
        .should()
        .implement(Serializable.class)
        .andShould(haveOnlyReplicableFields())
        .check(smek);
  }

  /** Fields are injected (CDI proxies serialize), transient, or of a serializable kind. */
  private static ArchCondition<JavaClass> haveOnlyReplicableFields() {
    return new ArchCondition<>("have only serializable or injected fields") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        for (JavaField field : type.getFields()) {
          if (field.getModifiers().contains(JavaModifier.STATIC)
              || field.getModifiers().contains(JavaModifier.TRANSIENT)
              || field.isAnnotatedWith(Inject.class)) {
            continue;
          }
          JavaClass fieldType = field.getRawType();
          boolean replicable =
              fieldType.isPrimitive()
                  || (fieldType.isArray() && fieldType.getBaseComponentType().isPrimitive())
                  || fieldType.isAssignableTo(Serializable.class)
                  || fieldType.isAssignableTo(Collection.class)
                  || fieldType.isAssignableTo(Map.class);
          if (!replicable) {
            events.add(
                SimpleConditionEvent.violated(field, field.getFullName() + " is not serializable"));
          }
        }
      }
    };
  }
}
