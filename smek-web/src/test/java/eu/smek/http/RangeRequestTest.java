package eu.smek.http;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smek.http.RangeRequest.Part;
import eu.smek.http.RangeRequest.Unsatisfiable;
import eu.smek.http.RangeRequest.Whole;
import org.junit.jupiter.api.Test;

class RangeRequestTest {

  private static final long SIZE = 10_000;

  @Test
  void oneRangeIsServedAsAPart() {
    assertThat(RangeRequest.of("bytes=0-499", SIZE)).isEqualTo(new Part(0, 499, SIZE));
    assertThat(RangeRequest.of("bytes=9500-", SIZE)).isEqualTo(new Part(9500, 9999, SIZE));
    assertThat(RangeRequest.of("bytes=-500", SIZE)).isEqualTo(new Part(9500, 9999, SIZE));
    assertThat(RangeRequest.of("Bytes=0-0", SIZE)).isEqualTo(new Part(0, 0, SIZE));
    Part tail = (Part) RangeRequest.of("bytes=9990-", SIZE);
    assertThat(tail.length()).isEqualTo(10);
    assertThat(tail.contentRange()).isEqualTo("bytes 9990-9999/10000");
  }

  @Test
  void rangesBeyondTheEndAreCutToTheFile() {
    assertThat(RangeRequest.of("bytes=9000-20000", SIZE)).isEqualTo(new Part(9000, 9999, SIZE));
    assertThat(RangeRequest.of("bytes=-20000", SIZE)).isEqualTo(new Part(0, 9999, SIZE));
    assertThat(RangeRequest.of("bytes=0-99999999999999999999999", SIZE))
        .isEqualTo(new Part(0, 9999, SIZE));
  }

  @Test
  void aRangeOutsideTheFileIsUnsatisfiable() {
    assertThat(RangeRequest.of("bytes=10000-", SIZE)).isEqualTo(new Unsatisfiable(SIZE));
    assertThat(RangeRequest.of("bytes=99999999999999999999999-", SIZE))
        .isEqualTo(new Unsatisfiable(SIZE));
    assertThat(RangeRequest.of("bytes=-0", SIZE)).isEqualTo(new Unsatisfiable(SIZE));
    assertThat(RangeRequest.of("bytes=0-", 0)).isEqualTo(new Unsatisfiable(0));
    assertThat(((Unsatisfiable) RangeRequest.of("bytes=-0", SIZE)).contentRange())
        .isEqualTo("bytes */10000");
  }

  @Test
  void whatCannotBeServedAsOnePartGetsTheWholeFile() {
    for (String ignored :
        new String[] {
          null,
          "",
          "bytes=",
          "bytes=-",
          "bytes=500-100",
          "bytes=0-1,5-9",
          "items=0-10",
          "bytes=a-b",
          "bytes=1-2\r\nX-Evil: 1",
          "bytes=--5",
          "bytes=0x10-"
        }) {
      assertThat(RangeRequest.of(ignored, SIZE)).as(ignored).isEqualTo(new Whole());
    }
  }
}
