package eu.smek.membership;

import static eu.smek.membership.MembershipStatus.APPLICANT;
import static eu.smek.membership.MembershipStatus.MEMBER;
import static eu.smek.membership.MembershipStatus.PROSPECT;
import static eu.smek.membership.MembershipStatus.REJECTED;
import static eu.smek.membership.MembershipStatus.SUSPENDED;
import static eu.smek.membership.MembershipStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of statuses: exactly the allowed changes are allowed, all others refused. */
class MembershipLifecycleTest {

  private static final Set<String> ALLOWED =
      Set.of(
          "PROSPECT>APPLICANT",
          "APPLICANT>MEMBER",
          "APPLICANT>REJECTED",
          "MEMBER>SUSPENDED",
          "MEMBER>WITHDRAWN",
          "SUSPENDED>MEMBER",
          "SUSPENDED>WITHDRAWN",
          "WITHDRAWN>APPLICANT",
          "REJECTED>APPLICANT");

  static Stream<Arguments> everyPair() {
    return EnumSet.allOf(MembershipStatus.class).stream()
        .flatMap(
            from ->
                EnumSet.allOf(MembershipStatus.class).stream().map(to -> Arguments.of(from, to)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("everyPair")
  void allowsExactlyTheLifecyclesChanges(MembershipStatus from, MembershipStatus to) {
    boolean expected = ALLOWED.contains(from + ">" + to);
    assertThat(MembershipLifecycle.allows(from, to)).isEqualTo(expected);
    assertThat(MembershipLifecycle.next(from).contains(to)).isEqualTo(expected);
  }

  @Test
  void nothingStaysWhereItIs() {
    for (MembershipStatus status : MembershipStatus.values()) {
      assertThat(MembershipLifecycle.allows(status, status)).as(status.name()).isFalse();
    }
  }

  @Test
  void refusalsSuspensionsAndDeparturesNeedAReason() {
    assertThat(EnumSet.allOf(MembershipStatus.class))
        .filteredOn(MembershipLifecycle::needsReason)
        .containsExactlyInAnyOrder(REJECTED, SUSPENDED, WITHDRAWN);
  }

  @Test
  void admissionsSuspensionsAndDeparturesNeedADocument() {
    assertThat(EnumSet.allOf(MembershipStatus.class))
        .filteredOn(MembershipLifecycle::needsDocument)
        .containsExactlyInAnyOrder(MEMBER, SUSPENDED, WITHDRAWN);
    assertThat(MembershipLifecycle.needsDocument(APPLICANT)).isFalse();
    assertThat(MembershipLifecycle.needsDocument(PROSPECT)).isFalse();
  }

  @Test
  void theResultOfNextCannotChangeTheRules() {
    MembershipLifecycle.next(MEMBER).add(PROSPECT);
    assertThat(MembershipLifecycle.allows(MEMBER, PROSPECT)).isFalse();
  }
}
