package eu.smek.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smek.security.Role;
import eu.smek.shared.Language;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DocumentTest {

  private static final Instant NOON = Instant.parse("2026-11-28T12:00:00Z");
  private static final Author ANNA = new Author(1L, "Anna Nowak", NOON);
  private static final Author JAN = new Author(2L, "Ján Kováč", NOON.plusSeconds(60));
  private static final StoredContent FILE =
      new StoredContent("umowa.pdf", "application/pdf", 10, "a".repeat(64));

  private final Library library =
      new Library(new SpaceRef(SpaceType.ORGANISATION, 7), "Umowy", Visibility.PRIVATE);
  private final Document document =
      new Document(library, null, "Umowa", DocumentType.AGREEMENT, Language.PL);

  @Test
  void nobodyElseAddsAVersionWhileTheDocumentIsCheckedOut() {
    document.addVersion(FILE, null, ANNA);
    document.checkOut(ANNA, Duration.ofHours(8));

    assertThatThrownBy(() -> document.addVersion(FILE, "mine", JAN))
        .isInstanceOf(DocumentLockedException.class)
        .hasMessage("documents.rule.locked");
    assertThatThrownBy(() -> document.checkOut(JAN, Duration.ofHours(8)))
        .isInstanceOf(DocumentLockedException.class);
    assertThatThrownBy(() -> document.checkIn(JAN)).isInstanceOf(DocumentLockedException.class);

    document.addVersion(FILE, "holder may", new Author(1L, "Anna Nowak", NOON.plusSeconds(120)));
    assertThat(document.getVersions()).extracting(DocumentVersion::getNumber).containsExactly(1, 2);
    assertThat(document.lockAt(NOON.plusSeconds(120)).orElseThrow().getHolderName())
        .isEqualTo("Anna Nowak");
  }

  @Test
  void aCheckOutExpiresAndCanBeExtendedOrBroken() {
    document.addVersion(FILE, null, ANNA);
    document.checkOut(ANNA, Duration.ofHours(1));
    document.checkOut(new Author(1L, "Anna Nowak", NOON.plusSeconds(1800)), Duration.ofHours(1));

    CheckOut lock = document.lockAt(NOON.plusSeconds(3700)).orElseThrow();
    assertThat(lock.getSince()).as("extending keeps when it began").isEqualTo(NOON);
    assertThat(lock.getExpiresAt()).isEqualTo(NOON.plusSeconds(1800 + 3600));
    assertThat(document.lockAt(NOON.plusSeconds(5400))).as("expired").isEmpty();

    Author later = new Author(2L, "Ján Kováč", NOON.plusSeconds(5400));
    document.addVersion(FILE, "after expiry", later);
    document.checkOut(later, Duration.ofHours(1));
    assertThat(document.breakLock(NOON.plusSeconds(5500)).getHolderName()).isEqualTo("Ján Kováč");
    assertThat(document.lockAt(NOON.plusSeconds(5500))).isEmpty();
    assertThatThrownBy(() -> document.breakLock(NOON.plusSeconds(5500)))
        .isInstanceOf(NotCheckedOutException.class);
    assertThatThrownBy(() -> document.checkIn(later)).isInstanceOf(NotCheckedOutException.class);
  }

  @Test
  void aVersionIsApprovedWhenEveryoneApprovedAndRejectedByAnyone() {
    DocumentVersion first = document.addVersion(FILE, null, ANNA);
    document.submitForApproval(
        1,
        List.of(
            new Approver(ApproverKind.ACCOUNT, 2, "Ján Kováč"),
            new Approver(ApproverKind.ORGANISATION, 9, "Humenné")));
    assertThat(first.getApprovalState()).isEqualTo(ApprovalState.PENDING);
    assertThatThrownBy(() -> document.submitForApproval(1, List.of(approver())))
        .isInstanceOf(ApprovalNotAllowedException.class)
        .hasMessage("documents.approval.rule.alreadySubmitted");

    Approval jan = first.getApprovals().get(0);
    Approval town = first.getApprovals().get(1);
    document.decide(1, jan, true, "OK", "jan", NOON);
    assertThat(first.getApprovalState()).isEqualTo(ApprovalState.PENDING);
    assertThatThrownBy(() -> document.decide(1, jan, false, "changed my mind", "jan", NOON))
        .isInstanceOf(ApprovalNotAllowedException.class);
    document.decide(1, town, true, null, "coordinator", NOON);
    assertThat(first.getApprovalState()).isEqualTo(ApprovalState.APPROVED);

    DocumentVersion second = document.addVersion(FILE, "typo", JAN);
    assertThat(second.getApprovalState())
        .as("a new version resets")
        .isEqualTo(ApprovalState.NOT_SUBMITTED);
    assertThat(document.getLastApprovedVersion()).contains(first);
    assertThatThrownBy(() -> document.submitForApproval(1, List.of(approver())))
        .hasMessage("documents.approval.rule.notCurrent");

    document.submitForApproval(2, List.of(approver()));
    document.decide(2, second.getApprovals().get(0), false, "wrong date", "jan", NOON);
    assertThat(second.getApprovalState()).isEqualTo(ApprovalState.REJECTED);
    document.submitForApproval(2, List.of(approver()));
    assertThat(second.getApprovalState())
        .as("resubmitted after rejection")
        .isEqualTo(ApprovalState.PENDING);
  }

  @Test
  void aNewVersionEndsAnOpenApprovalRoundUndecided() {
    DocumentVersion first = document.addVersion(FILE, null, ANNA);
    document.submitForApproval(1, List.of(approver()));
    document.addVersion(FILE, null, ANNA);
    assertThat(first.getApprovalState()).isEqualTo(ApprovalState.NOT_SUBMITTED);
    assertThat(first.getApprovals()).isEmpty();
    assertThatThrownBy(() -> document.submitForApproval(1, List.of()))
        .isInstanceOf(ApprovalNotAllowedException.class);
    assertThatThrownBy(() -> document.submitForApproval(2, List.of()))
        .hasMessage("documents.approval.rule.noApprovers");
  }

  @Test
  void restoringAddsTheOldFileAsANewVersion() {
    document.addVersion(FILE, null, ANNA);
    document.addVersion(
        new StoredContent("umowa-v2.pdf", "application/pdf", 20, "b".repeat(64)), null, ANNA);
    DocumentVersion restored = document.restore(1, "back", JAN);
    assertThat(restored.getNumber()).isEqualTo(3);
    assertThat(restored.getSha256()).isEqualTo("a".repeat(64));
    assertThat(restored.getRestoredFrom()).isEqualTo(1);
    assertThat(document.getCurrentVersion()).contains(restored);
  }

  @Test
  void membersGetTheirRolesRightAndOthersWhatTheVisibilityAllows() {
    assertThat(library.rightOf(Set.of(Role.CLERK), true, null)).isEqualTo(LibraryRight.UPLOAD);
    assertThat(library.rightOf(Set.of(Role.CLERK, Role.TOWN_COORDINATOR), true, null))
        .isEqualTo(LibraryRight.MANAGE);
    assertThat(library.rightOf(Set.of(Role.IT_OPERATOR), true, null)).isEqualTo(LibraryRight.READ);
    assertThat(library.rightOf(Set.of(Role.TOWN_COORDINATOR), false, null))
        .as("a private library is closed to other towns")
        .isEqualTo(LibraryRight.NONE);

    library.setVisibility(Visibility.NETWORK);
    assertThat(library.rightOf(Set.of(Role.CLERK), false, null)).isEqualTo(LibraryRight.READ);
    assertThat(library.rightOf(Set.of(), false, null)).as("visitor").isEqualTo(LibraryRight.NONE);
    Folder closed = new Folder(library, null, "Internal", Visibility.PRIVATE);
    Folder inside = new Folder(library, closed, "Drafts", Visibility.PUBLIC);
    assertThat(inside.effectiveVisibility())
        .as("never wider than above")
        .isEqualTo(Visibility.PRIVATE);
    assertThat(library.rightOf(Set.of(Role.CLERK), false, inside)).isEqualTo(LibraryRight.NONE);

    library.setVisibility(Visibility.PUBLIC);
    assertThat(library.rightOf(Set.of(), false, null)).isEqualTo(LibraryRight.READ);
    library.getRights().put(Role.CLERK, LibraryRight.READ);
    assertThat(library.rightOf(Set.of(Role.CLERK), true, null)).isEqualTo(LibraryRight.READ);
  }

  private static Approver approver() {
    return new Approver(ApproverKind.ACCOUNT, 2, "Ján Kováč");
  }
}
