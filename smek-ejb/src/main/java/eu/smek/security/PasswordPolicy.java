package eu.smek.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be (OWASP ASVS 5.0 §6.2): long enough, not absurdly long, not the login
 * name and not one of the passwords that attackers try first. No composition rules: they make
 * passwords harder to remember, not harder to guess.
 */
public final class PasswordPolicy {

  public static final int MINIMUM_LENGTH = 12;
  public static final int MAXIMUM_LENGTH = 128;

  private static final Set<String> COMMON = loadCommonPasswords();

  private PasswordPolicy() {}

  /** Checks a new password; throws {@link WeakPasswordException} with the rule it breaks. */
  public static void check(String login, String password) {
    int length = password == null ? 0 : password.codePointCount(0, password.length());
    if (length < MINIMUM_LENGTH) {
      throw new WeakPasswordException("security.password.tooShort", MINIMUM_LENGTH);
    }
    if (length > MAXIMUM_LENGTH) {
      throw new WeakPasswordException("security.password.tooLong", MAXIMUM_LENGTH);
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (login != null && !login.isBlank() && lower.contains(login.toLowerCase(Locale.ROOT))) {
      throw new WeakPasswordException("security.password.containsLogin");
    }
    if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
      throw new WeakPasswordException("security.password.common");
    }
  }

  private static Set<String> loadCommonPasswords() {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
