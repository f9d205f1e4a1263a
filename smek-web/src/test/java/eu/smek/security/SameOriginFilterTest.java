package eu.smek.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SameOriginFilterTest {

  @Test
  void changesFromAnotherSiteAreRefused() {
    assertThat(SameOriginFilter.isCrossSiteChange("POST", "cross-site")).isTrue();
    assertThat(SameOriginFilter.isCrossSiteChange("POST", "same-site")).isTrue();
    assertThat(SameOriginFilter.isCrossSiteChange("DELETE", "cross-site")).isTrue();
  }

  @Test
  void ownPagesLinksAndOtherClientsAreNot() {
    assertThat(SameOriginFilter.isCrossSiteChange("POST", "same-origin")).isFalse();
    assertThat(SameOriginFilter.isCrossSiteChange("POST", "none")).isFalse();
    assertThat(SameOriginFilter.isCrossSiteChange("POST", null)).isFalse();
    assertThat(SameOriginFilter.isCrossSiteChange("GET", "cross-site")).isFalse();
  }
}
