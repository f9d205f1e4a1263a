package eu.smek.telesession;

import static eu.smek.telesession.TelesessionStatus.CLOSED;
import static eu.smek.telesession.TelesessionStatus.MINUTES_APPROVED;
import static eu.smek.telesession.TelesessionStatus.MINUTES_DRAFTED;
import static eu.smek.telesession.TelesessionStatus.OPEN;
import static eu.smek.telesession.TelesessionStatus.PLANNED;
import static eu.smek.telesession.TelesessionStatus.PUBLISHED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelesessionStatusTest {

  @Test
  void eachStatusMovesOnlyToTheNextOne() {
    List<TelesessionStatus> order =
        List.of(PLANNED, OPEN, CLOSED, MINUTES_DRAFTED, MINUTES_APPROVED, PUBLISHED);
    for (TelesessionStatus from : TelesessionStatus.values()) {
      for (TelesessionStatus to : TelesessionStatus.values()) {
        boolean legal = order.indexOf(to) == order.indexOf(from) + 1;
        assertThat(from.mayMoveTo(to)).as("%s -> %s", from, to).isEqualTo(legal);
      }
      assertThat(from.mayMoveTo(null)).isFalse();
    }
    assertThat(PUBLISHED.next()).isEmpty();
  }

  @Test
  void noStepIsSkippedNorTakenBack() {
    assertThat(PLANNED.mayMoveTo(CLOSED)).isFalse();
    assertThat(OPEN.mayMoveTo(PLANNED)).isFalse();
    assertThat(CLOSED.mayMoveTo(OPEN)).isFalse();
    assertThat(PLANNED.mayMoveTo(PLANNED)).isFalse();
    assertThat(MINUTES_APPROVED.mayMoveTo(MINUTES_DRAFTED)).isFalse();
    assertThat(CLOSED.mayMoveTo(PUBLISHED)).isFalse();
  }

  @Test
  void onlyAPlannedSessionIsEditable() {
    for (TelesessionStatus status : TelesessionStatus.values()) {
      assertThat(status.isEditable()).isEqualTo(status == PLANNED);
    }
  }

  @Test
  void aSessionStampsOpeningAndClosingAndRefusesAnIllegalMove() {
    Telesession session = new Telesession("Rada sieci", 4, 1000, "jan");
    Instant opened = Instant.parse("2027-03-19T09:00:00Z");
    Instant closed = Instant.parse("2027-03-19T11:00:00Z");
    assertThatThrownBy(() -> session.moveTo(CLOSED, closed))
        .isInstanceOf(IllegalStateException.class);
    session.moveTo(OPEN, opened);
    session.moveTo(CLOSED, closed);
    assertThat(session.getStatus()).isEqualTo(CLOSED);
    assertThat(session.getOpenedAt()).isEqualTo(opened);
    assertThat(session.getClosedAt()).isEqualTo(closed);
  }
}
