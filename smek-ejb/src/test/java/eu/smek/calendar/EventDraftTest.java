package eu.smek.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventDraftTest {

  @Test
  void textsMayHaveLineBreaksAndTabsButNoOtherControlCharacters() {
    assertThat("Żółw\n\tzielony\r\n<script>").matches(EventDraft.TEXT);
    assertThat("Ž\u0000ltá").doesNotMatch(EventDraft.TEXT);
    assertThat("bell\u0007").doesNotMatch(EventDraft.TEXT);
    assertThat("escape\u001b[31m").doesNotMatch(EventDraft.TEXT);
    assertThat("delete\u007f").doesNotMatch(EventDraft.TEXT);
  }
}
