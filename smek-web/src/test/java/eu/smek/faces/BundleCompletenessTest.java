package eu.smek.faces;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smek.audit.AuditAction;
import eu.smek.documents.ApprovalState;
import eu.smek.documents.ApproverKind;
import eu.smek.documents.Decision;
import eu.smek.documents.DocumentType;
import eu.smek.documents.LibraryRight;
import eu.smek.membership.CellRole;
import eu.smek.membership.Country;
import eu.smek.membership.LanguageLevel;
import eu.smek.membership.MembershipStatus;
import eu.smek.membership.OrganisationType;
import eu.smek.membership.Topic;
import eu.smek.membership.WorkingGroupStatus;
import eu.smek.security.Role;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Translatable;
import eu.smek.shared.Visibility;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every user-visible text exists in English, Polish and Slovak: the bundles have the same keys and
 * the same placeholders, and every key the pages, the code and the enums use is in the bundles.
 */
class BundleCompletenessTest {

  private static final Path WEBAPP = Paths.get("src/main/webapp");
  private static final List<Path> SOURCES =
      List.of(
          Paths.get("src/main/java"),
          Paths.get("../smek-ejb/src/main/java"),
          Paths.get("../smek-model/src/main/java"));

  /**
   * #{msg['key']} or #{msg.key} in a page; dynamic keys ('prefix.'.concat(x)) are checked below.
   */
  private static final Pattern PAGE_KEY =
      Pattern.compile("msg\\['([A-Za-z0-9_.]+)'\\]|msg\\.([A-Za-z0-9_]+)");

  /**
   * A string literal in Java code that has the shape of one of our keys; a Faces validator's id
   * (@FacesValidator("documents.fileName")) has that shape too, and is no key.
   */
  private static final Pattern CODE_KEY =
      Pattern.compile(
          "(?<!@FacesValidator\\()\"((?:error|security|api|audit|membership|documents|calendar|telesession|procedures|portal|login|page|layout|common|file|mail|notification)\\.[A-Za-z0-9_.]+)\"");

  private static Properties load(String language) {
    String name =
        Messages.BUNDLE.replace('.', '/')
            + (language.isEmpty() ? "" : "_" + language)
            + ".properties";
    Properties properties = new Properties();
    try (InputStream in = BundleCompletenessTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  private static Set<String> keys(Properties properties) {
    return new TreeSet<>(properties.stringPropertyNames());
  }

  @ParameterizedTest
  @ValueSource(strings = {"pl", "sk"})
  void everyLanguageHasExactlyTheKeysOfTheBaseBundle(String language) {
    Set<String> english = keys(load(""));
    Set<String> translated = keys(load(language));
    assertThat(translated).as("keys of messages_%s", language).isEqualTo(english);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "pl", "sk"})
  void textsAreNotEmptyAndHavePlaceholdersLikeEnglish(String language) {
    Properties english = load("");
    Properties translated = load(language);
    for (String key : keys(translated)) {
      String text = translated.getProperty(key);
      assertThat(text).as("%s in '%s'", key, language).isNotBlank();
      assertThat(placeholders(text))
          .as("placeholders of %s in '%s'", key, language)
          .isEqualTo(placeholders(english.getProperty(key)));
      // MessageFormat would swallow a lone ASCII apostrophe; texts use ’ instead.
      assertThat(text).as("%s in '%s' uses ’ not '", key, language).doesNotContain("'");
      assertThat(new MessageFormat(text).format(new Object[] {1, 2, 3})).isNotBlank();
    }
  }

  @Test
  void languagesWithBundlesAreTheOnesOffered() {
    assertThat(Messages.hasBundle(Language.PL)).isTrue();
    assertThat(Messages.hasBundle(Language.SK)).isTrue();
    assertThat(Messages.hasBundle(Language.EN)).isTrue();
  }

  @Test
  void everyKeyUsedInPagesExists() throws IOException {
    Set<String> known = keys(load(""));
    List<String> missing = new ArrayList<>();
    try (Stream<Path> pages = Files.walk(WEBAPP)) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
        Matcher matcher = PAGE_KEY.matcher(Files.readString(page));
        while (matcher.find()) {
          String key = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
          if (!known.contains(key)) {
            missing.add(page + ": " + key);
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyKeyUsedInCodeExists() throws IOException {
    Set<String> known = keys(load(""));
    List<String> missing = new ArrayList<>();
    for (Path root : SOURCES) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher matcher = CODE_KEY.matcher(Files.readString(file));
          while (matcher.find()) {
            String key = matcher.group(1);
            // A message sent by Notifier is a pair: <key>.subject and <key>.body.
            boolean message = known.contains(key + ".subject") && known.contains(key + ".body");
            if (!known.contains(key) && !message && !key.endsWith(".")) {
              missing.add(file + ": " + key);
            }
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyLabelBuiltFromAnEnumOrPageExists() {
    Set<String> known = keys(load(""));
    List<String> needed = new ArrayList<>();
    for (AuditAction action : AuditAction.values()) {
      needed.add("audit.action." + action.name());
    }
    for (Role role : Role.values()) {
      needed.add("security.role." + role.name());
    }
    for (Country country : Country.values()) {
      needed.add("membership.country." + country.name());
    }
    for (Translatable value :
        Stream.of(
                MembershipStatus.values(),
                Topic.values(),
                LanguageLevel.values(),
                CellRole.values(),
                WorkingGroupStatus.values())
            .flatMap(Arrays::stream)
            .toList()) {
      needed.add(value.messageKey());
    }
    for (CellRole role : CellRole.values()) {
      needed.add("membership.cell.heading." + role.name());
    }
    for (OrganisationType type : OrganisationType.values()) {
      needed.add("membership.organisationType." + type.name());
    }
    for (Language language : Language.values()) {
      needed.add("language." + language.name());
    }
    for (SpaceType type : SpaceType.values()) {
      needed.add("documents.space." + type.name());
    }
    for (eu.smek.calendar.ResourceKind kind : eu.smek.calendar.ResourceKind.values()) {
      needed.add(kind.messageKey());
    }
    for (ApproverKind kind : ApproverKind.values()) {
      needed.add("documents.approval.kind." + kind.name());
    }
    Stream.of(Visibility.values()).map(Visibility::messageKey).forEach(needed::add);
    Stream.of(LibraryRight.values()).map(LibraryRight::messageKey).forEach(needed::add);
    Stream.of(DocumentType.values()).map(DocumentType::messageKey).forEach(needed::add);
    Stream.of(ApprovalState.values()).map(ApprovalState::messageKey).forEach(needed::add);
    Stream.of(Decision.values()).map(Decision::messageKey).forEach(needed::add);
    for (Page page : Page.values()) {
      needed.add(page.getTitleKey());
      if (page.inMenu()) {
        needed.add(page.getDescriptionKey());
      }
    }
    for (int status : eu.smek.rest.Problem.TRANSLATED_STATUSES) {
      needed.add("api.status." + status);
      needed.add("api.status." + status + ".detail");
    }
    assertThat(needed).allSatisfy(key -> assertThat(known).as(key).contains(key));
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = Pattern.compile("\\{(\\d+)").matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
