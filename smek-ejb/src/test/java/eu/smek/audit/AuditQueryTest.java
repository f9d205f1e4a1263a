package eu.smek.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

  private final Instant monday = Instant.parse("2026-11-23T00:00:00Z");
  private final Instant tuesday = Instant.parse("2026-11-24T00:00:00Z");

  @Test
  void aRangeMustEndAfterItStarts() {
    assertThat(new AuditQuery(null, null, monday, tuesday, null).from()).isEqualTo(monday);
    assertThatThrownBy(() -> new AuditQuery(null, null, tuesday, monday, null))
        .isInstanceOf(InvalidDateRangeException.class);
    assertThatThrownBy(() -> new AuditQuery(null, null, monday, monday, null))
        .isInstanceOf(InvalidDateRangeException.class);
  }

  @Test
  void openRangesAreFine() {
    assertThat(new AuditQuery(null, null, monday, null, null).to()).isNull();
    assertThat(new AuditQuery(null, null, null, monday, null).from()).isNull();
  }
}
