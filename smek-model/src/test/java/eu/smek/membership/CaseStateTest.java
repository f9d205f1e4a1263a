package eu.smek.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseStateTest {

  private static Set<CaseStep> allowed(CaseState state) {
    Set<CaseStep> steps = EnumSet.noneOf(CaseStep.class);
    for (CaseStep step : CaseStep.values()) {
      if (state.allows(step)) {
        steps.add(step);
      }
    }
    return steps;
  }

  @Test
  void aCaseUnderReviewCanBeCommentedSentBackOrDecided() {
    assertEquals(
        EnumSet.of(
            CaseStep.COMMENTED,
            CaseStep.COMPLETION_REQUESTED,
            CaseStep.APPROVED,
            CaseStep.REJECTED),
        allowed(CaseState.UNDER_REVIEW));
    assertEquals(
        CaseState.COMPLETION_REQUESTED,
        CaseState.UNDER_REVIEW.after(CaseStep.COMPLETION_REQUESTED));
    assertEquals(CaseState.APPROVED, CaseState.UNDER_REVIEW.after(CaseStep.APPROVED));
    assertEquals(CaseState.REJECTED, CaseState.UNDER_REVIEW.after(CaseStep.REJECTED));
    assertEquals(CaseState.UNDER_REVIEW, CaseState.UNDER_REVIEW.after(CaseStep.COMMENTED));
  }

  @Test
  void aCompletionBringsTheCaseBackToReviewAndOnlyAnApprovedCaseIsCompleted() {
    assertEquals(
        EnumSet.of(CaseStep.COMMENTED, CaseStep.SUPPLEMENTED),
        allowed(CaseState.COMPLETION_REQUESTED));
    assertEquals(
        CaseState.UNDER_REVIEW, CaseState.COMPLETION_REQUESTED.after(CaseStep.SUPPLEMENTED));
    assertEquals(EnumSet.of(CaseStep.COMMENTED, CaseStep.COMPLETED), allowed(CaseState.APPROVED));
    assertEquals(CaseState.COMPLETED, CaseState.APPROVED.after(CaseStep.COMPLETED));
  }

  @Test
  void aClosedCaseTakesNoMoreSteps() {
    for (CaseState closed : EnumSet.of(CaseState.REJECTED, CaseState.COMPLETED)) {
      assertFalse(closed.isOpen());
      assertTrue(allowed(closed).isEmpty(), closed.name());
      assertThrows(IllegalStateException.class, () -> closed.after(CaseStep.COMMENTED));
    }
    assertThrows(
        IllegalStateException.class, () -> CaseState.UNDER_REVIEW.after(CaseStep.COMPLETED));
    assertThrows(IllegalStateException.class, () -> CaseState.APPROVED.after(CaseStep.REJECTED));
  }

  @Test
  void takingTheLastStepClosesTheCase() {
    MembershipCase accession =
        new MembershipCase(
            new Organisation("X-1", "Misto Sambir", Country.UA, OrganisationType.TOWN),
            CaseKind.ACCESSION);
    accession.take(CaseStep.APPROVED);
    assertEquals(null, accession.getClosedAt());
    accession.take(CaseStep.COMPLETED);
    assertEquals(CaseState.COMPLETED, accession.getState());
    assertTrue(accession.getClosedAt() != null);
    assertEquals(MembershipStatus.MEMBER, accession.getKind().outcome());
  }
}
