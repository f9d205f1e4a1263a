package eu.smek.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pure helpers of SecurityService; its transactional behaviour is tested in SecurityIT. */
class SecurityServiceTest {

  @Test
  void loginNamesAreComparedTrimmedAndInLowerCase() {
    assertThat(SecurityService.loginKey("  Anna.Nowak ")).isEqualTo("anna.nowak");
    assertThat(SecurityService.loginKey(null)).isEmpty();
  }

  @Test
  void oversizedLoginNamesAreCutToTheColumn() {
    assertThat(SecurityService.loginKey("a".repeat(10_000))).hasSize(254);
  }

  @Test
  void tokensAreStoredAsSha256Hex() {
    assertThat(SecurityService.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
