package eu.smek.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterMembersTest {

  @Test
  void readsTheMembersOfAJGroupsView() {
    assertThat(ClusterMembers.members("[node-a|3] (2) [node-a, node-b]"))
        .containsExactly("node-a", "node-b");
    assertThat(ClusterMembers.members("[node-a|0] (1) [node-a]")).containsExactly("node-a");
  }

  @Test
  void aMemberThatRejoinedIsNamedWithoutItsVersion() {
    assertThat(ClusterMembers.members("[node-b|4] (2) [node-b, node-a(v=5.4.8.Final)]"))
        .containsExactly("node-b", "node-a");
  }

  @Test
  void showsAViewItCannotReadAsItIs() {
    assertThat(ClusterMembers.members("no view")).containsExactly("no view");
  }

  @Test
  void aServerWithoutJGroupsIsASingleServer() {
    // The unit tests' JVM has no WildFly management model, as standalone.xml has no channel.
    assertThat(ClusterMembers.read()).isEmpty();
  }
}
