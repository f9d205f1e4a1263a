package eu.smek.calendar.ical;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * What one deployment of the EAR does with ical4j: write an invitation and read Outlook's. Loaded
 * by {@link Ical4jInTheServerTest} in class loaders of its own, as WildFly loads a redeployed EAR.
 */
public class RedeployProbe implements Supplier<Integer> {

  @Override
  public Integer get() {
    String written = IcsWriter.write(IcsMethod.REQUEST, List.of(Events.telesession()));
    try (InputStream outlook = RedeployProbe.class.getResourceAsStream("outlook.ics")) {
      IcsReader reader = new IcsReader();
      ZoneId warsaw = ZoneId.of("Europe/Warsaw");
      return reader
              .read(written.getBytes(java.nio.charset.StandardCharsets.UTF_8), warsaw)
              .events()
              .size()
          + reader.read(outlook.readAllBytes(), warsaw).events().size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
