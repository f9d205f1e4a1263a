package eu.smek.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Przemysl-2026",
        "koń jedzie przez łąkę",
        "Humenné je pekné mesto",
        "correct horse battery"
      })
  void acceptsLongUnusualPasswords(String password) {
    assertThatCode(() -> PasswordPolicy.check("anna", password)).doesNotThrowAnyException();
  }

  @Test
  void refusesShortPasswords() {
    assertThatThrownBy(() -> PasswordPolicy.check("anna", "Short-1"))
        .isInstanceOf(WeakPasswordException.class)
        .extracting("messageKey")
        .isEqualTo("security.password.tooShort");
  }

  @Test
  void countsCharactersNotBytes() {
    // Twelve characters, more than twelve bytes in UTF-8 and UTF-16 for the emoji.
    assertThatCode(() -> PasswordPolicy.check("anna", "żółć-ĄĘ-🙂🙂🙂-x"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> PasswordPolicy.check("anna", "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂"))
        .isInstanceOf(WeakPasswordException.class);
  }

  @Test
  void refusesOversizedPasswords() {
    assertThatThrownBy(() -> PasswordPolicy.check("anna", "x1y2z3".repeat(30)))
        .isInstanceOf(WeakPasswordException.class)
        .extracting("messageKey")
        .isEqualTo("security.password.tooLong");
  }

  @Test
  void refusesPasswordsContainingTheLogin() {
    assertThatThrownBy(() -> PasswordPolicy.check("coordinator", "my-Coordinator-2026"))
        .isInstanceOf(WeakPasswordException.class)
        .extracting("messageKey")
        .isEqualTo("security.password.containsLogin");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "qwerty123456",
        "PASSWORD1234",
        "1qaz2wsx3edc",
        "aaaaaaaaaaaaaaaa",
        "abababababab"
      })
  void refusesCommonAndMonotonousPasswords(String password) {
    assertThatThrownBy(() -> PasswordPolicy.check("anna", password))
        .isInstanceOf(WeakPasswordException.class)
        .extracting("messageKey")
        .isEqualTo("security.password.common");
  }

  @Test
  void refusesMissingPasswords() {
    assertThatThrownBy(() -> PasswordPolicy.check("anna", null))
        .isInstanceOf(WeakPasswordException.class);
  }
}
