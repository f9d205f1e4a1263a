package eu.smek.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

  private static final long MIB = 1024L * 1024;

  @Test
  void hashesRunOneACoreWithinAnEighthOfTheHeap() {
    assertThat(Passwords.concurrentHashes(2, 1024 * MIB)).isEqualTo(2);
    assertThat(Passwords.concurrentHashes(8, 1024 * MIB)).isEqualTo(2);
    assertThat(Passwords.concurrentHashes(8, 4096 * MIB)).isEqualTo(4);
    assertThat(Passwords.concurrentHashes(16, 16384 * MIB)).isEqualTo(4);
    assertThat(Passwords.concurrentHashes(1, 4096 * MIB)).isEqualTo(1);
    assertThat(Passwords.concurrentHashes(4, 256 * MIB)).isEqualTo(1);
  }

  @Test
  void aPasswordMatchesItsHashOnlyAndAMissingHashNever() {
    Passwords passwords = new Passwords();
    passwords.createDecoy();
    String hash = passwords.hash("Humenne-2026");

    assertThat(passwords.matches("Humenne-2026", hash)).isTrue();
    assertThat(passwords.matches("Humenne-2027", hash)).isFalse();
    assertThat(passwords.matches("Humenne-2026", null)).isFalse();
    assertThat(passwords.matches("x".repeat(100_000), hash)).isFalse();
  }
}
