package eu.smek.membership;

import eu.smek.faces.ActiveLocale;
import eu.smek.faces.Choice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The languages a person can speak: every ISO 639-1 language, named and sorted in the reader's
 * language by the JDK's locale data, so "niemiecki" sorts among the n's in Polish.
 */
@Named
@RequestScoped
public class SpokenLanguages {

  /** A language to choose: its ISO code and its name in the reader's language. */
  public record Option(String code, String name) {}

  @Inject private ActiveLocale activeLocale;
  @Inject private Catalogue catalogue;

  public List<Option> getOptions() {
    return catalogue.options(activeLocale.getLocale());
  }

  /** The languages as options of a filter form, {@code chosen} (an ISO code) selected. */
  public List<Choice> choices(String chosen) {
    return getOptions().stream()
        .map(option -> new Choice(option.code(), option.name(), null, chosen))
        .toList();
  }

  /** The name of a language in the reader's language, e.g. {@code uk} → "ukraiński". */
  public String name(String code) {
    return Locale.forLanguageTag(code).getDisplayLanguage(activeLocale.getLocale());
  }

  /** The sorted lists, one per interface language; derived data, the same on every node. */
  @ApplicationScoped
  static class Catalogue {

    private final Map<Locale, List<Option>> byLocale = new ConcurrentHashMap<>();

    List<Option> options(Locale locale) {
      return byLocale.computeIfAbsent(
          locale,
          reader -> {
            Collator collator = Collator.getInstance(reader);
            return Arrays.stream(Locale.getISOLanguages())
                .map(
                    code ->
                        new Option(code, Locale.forLanguageTag(code).getDisplayLanguage(reader)))
                .filter(option -> !option.name().equals(option.code()))
                .sorted(Comparator.comparing(Option::name, collator))
                .toList();
          });
    }
  }
}
