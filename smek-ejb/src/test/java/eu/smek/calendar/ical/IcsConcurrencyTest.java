package eu.smek.calendar.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many requests write and read at once (an export while invitations go out): no shared state. */
class IcsConcurrencyTest {

  private static final List<String> ZONES =
      List.of(
          "Europe/Warsaw",
          "Europe/Bratislava",
          "Europe/Budapest",
          "Europe/Bucharest",
          "Europe/Prague",
          "Europe/Vienna",
          "Europe/Berlin",
          "Europe/Chisinau");

  @Test
  void writersAndReadersInParallelEachGetTheirOwnEventsBack() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(ZONES.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (String zone : ZONES) {
        Callable<Integer> task =
            () -> {
              start.await();
              int checked = 0;
              for (int i = 0; i < 20; i++) {
                ZonedDateTime begin =
                    ZonedDateTime.of(2026, 1 + i % 12, 10, 9, 0, 0, 0, ZoneId.of(zone));
                IcsEvent event =
                    Events.telesession().toBuilder().summary(zone + " " + i).build().toBuilder()
                        .build();
                IcsEvent zoned =
                    IcsEvent.builder(event.uid() + "-" + zone + "-" + i, begin, begin.plusHours(1))
                        .stamp(Events.STAMP)
                        .summary(event.summary())
                        .organizer(Events.ORGANIZER)
                        .attendees(event.attendees())
                        .rrule(i % 2 == 0 ? "FREQ=WEEKLY;COUNT=10" : null)
                        .build();
                String text = IcsWriter.write(IcsMethod.REQUEST, List.of(zoned));
                assertThat(Ics.read(text).events()).containsExactly(zoned);
                assertThat(Ics.resource("google.ics").events()).hasSize(4);
                checked++;
              }
              return checked;
            };
        results.add(pool.submit(task));
      }
      start.countDown();
      for (Future<Integer> result : results) {
        assertThat(result.get(120, TimeUnit.SECONDS)).isEqualTo(20);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
