package eu.smek.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikeTest {

  @Test
  void searchTextIsTakenLiterallyInLikePatterns() {
    assertThat(Like.contains(" Anna ")).isEqualTo("%anna%");
    assertThat(Like.contains("100%_done\\")).isEqualTo("%100\\%\\_done\\\\%");
    assertThat(Like.contains("' or 1=1 --")).isEqualTo("%' or 1=1 --%");
  }
}
