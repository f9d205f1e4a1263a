package eu.smek.calendar.ical;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.util.ResourceLoader;

/**
 * Time zones: the VTIMEZONE definitions SMEK sends (ical4j's bundled ones, cut to the years the
 * events need) and the names other programs use, mapped to IANA zones.
 */
final class IcsZones {

  static {
    Ical4j.configure();
  }

  /** ical4j's bundled definitions (the zoneinfo/ resources of its jar), as parsed once. */
  private static final Map<String, VTimeZone> BUNDLED = new ConcurrentHashMap<>();

  /**
   * Windows zone names as Outlook and Exchange write them, to the zone the Unicode CLDR names for
   * them ("001" territory), for the region SMEK serves first; ical4j's own table covers the rest.
   */
  private static final Map<String, String> WINDOWS =
      Map.ofEntries(
          Map.entry("Central European Standard Time", "Europe/Warsaw"),
          Map.entry("Central Europe Standard Time", "Europe/Budapest"),
          Map.entry("W. Europe Standard Time", "Europe/Berlin"),
          Map.entry("Romance Standard Time", "Europe/Paris"),
          Map.entry("GMT Standard Time", "Europe/London"),
          Map.entry("Greenwich Standard Time", "Atlantic/Reykjavik"),
          Map.entry("FLE Standard Time", kyiv()),
          Map.entry("GTB Standard Time", "Europe/Bucharest"),
          Map.entry("E. Europe Standard Time", "Europe/Chisinau"),
          Map.entry("Russian Standard Time", "Europe/Moscow"),
          Map.entry("Turkey Standard Time", "Europe/Istanbul"),
          Map.entry("UTC", "Etc/UTC"),
          Map.entry("Coordinated Universal Time", "Etc/UTC"),
          Map.entry("Eastern Standard Time", "America/New_York"),
          Map.entry("Central Standard Time", "America/Chicago"),
          Map.entry("Mountain Standard Time", "America/Denver"),
          Map.entry("Pacific Standard Time", "America/Los_Angeles"));

  private static final Properties ICAL4J_WINDOWS = new Properties();

  static {
    // ical4j's tables of Windows names and Outlook's display names ("(UTC+01:00) Sarajevo, ...").
    for (String table :
        List.of(
            "net/fortuna/ical4j/transform/compliance/msTimezoneNames",
            "net/fortuna/ical4j/transform/compliance/msTimezoneIds")) {
      try (InputStream in = ResourceLoader.getResourceAsStream(table)) {
        if (in != null) {
          ICAL4J_WINDOWS.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final int YEARS_FOR_OPEN_RULES = 100;

  /** java.time's zone names, once: the JDK copies the set on every call. */
  private static final Set<String> IANA = Set.copyOf(ZoneId.getAvailableZoneIds());

  private IcsZones() {}

  private static String kyiv() {
    return ZoneId.getAvailableZoneIds().contains("Europe/Kyiv") ? "Europe/Kyiv" : "Europe/Kiev";
  }

  static boolean isIana(String id) {
    return IANA.contains(id);
  }

  /**
   * The IANA zone a TZID means: an IANA name itself, a Windows or Outlook name, or an IANA name
   * behind a prefix ({@code /mozilla.org/20050126_1/Europe/Warsaw}).
   */
  static Optional<ZoneId> resolve(String tzid) {
    if (tzid == null || tzid.isBlank()) {
      return Optional.empty();
    }
    String id = tzid.strip();
    if (id.startsWith("\"") && id.endsWith("\"") && id.length() > 1) {
      id = id.substring(1, id.length() - 1);
    }
    if (IANA.contains(id) && id.contains("/")) {
      return Optional.of(ZoneId.of(id));
    }
    String windows = WINDOWS.getOrDefault(id, ICAL4J_WINDOWS.getProperty(id));
    if (windows != null && IANA.contains(windows)) {
      return Optional.of(ZoneId.of(windows));
    }
    String[] parts = id.split("/");
    for (int i = 1; i < parts.length - 1; i++) {
      String suffix = String.join("/", List.of(parts).subList(i, parts.length));
      if (IANA.contains(suffix)) {
        return Optional.of(ZoneId.of(suffix));
      }
    }
    if (IANA.contains(id)) {
      // Short legacy names (CET, UTC, GMT) last: prefer the names above.
      return Optional.of(ZoneId.of(id));
    }
    return Optional.empty();
  }

  /**
   * ical4j's definition of a zone, with only the observances in force between {@code from} and
   * {@code to}: what Outlook and Thunderbird need, without two centuries of history.
   *
   * @param to null when a rule repeats without end
   */
  static VTimeZone definition(ZoneId zone, Instant from, Instant to) {
    VTimeZone full = bundled(zone).copy();
    OffsetDateTime start = from.atOffset(ZoneOffset.UTC);
    OffsetDateTime end =
        (to == null
            ? from.atOffset(ZoneOffset.UTC).plusYears(YEARS_FOR_OPEN_RULES)
            : to.atOffset(ZoneOffset.UTC));
    List<Observance> kept = new ArrayList<>();
    Observance inForceAtStart = null;
    OffsetDateTime latestBeforeStart = null;
    for (Observance observance : full.getObservances()) {
      OffsetDateTime lastInRange = observance.getLatestOnset(end);
      if (lastInRange != null && lastInRange.isAfter(start)) {
        kept.add(observance);
      }
      OffsetDateTime beforeStart = observance.getLatestOnset(start);
      if (beforeStart != null
          && (latestBeforeStart == null || beforeStart.isAfter(latestBeforeStart))) {
        latestBeforeStart = beforeStart;
        inForceAtStart = observance;
      }
    }
    if (inForceAtStart != null && !kept.contains(inForceAtStart)) {
      kept.add(0, inForceAtStart);
    }
    // ical4j defines some zones as others (Europe/Bratislava as Europe/Prague): the definition
    // takes the name the events' TZID parameters use, first as is customary.
    List<Property> properties = new ArrayList<>();
    properties.add(new TzId(zone.getId()));
    full.getPropertyList().getAll().stream()
        .filter(p -> !p.getName().equals("TZID") && !p.getName().equals("X-LIC-LOCATION"))
        .forEach(properties::add);
    properties.add(new XProperty("X-LIC-LOCATION", zone.getId()));
    return new VTimeZone(
        new PropertyList(properties),
        new ComponentList<>(kept.isEmpty() ? full.getObservances() : kept));
  }

  /**
   * The zone's definition from ical4j's jar. Parsed here rather than by ical4j's TimeZoneLoader,
   * whose parser registers every definition it reads with java.time (see {@link LocalRegistry}).
   */
  private static VTimeZone bundled(ZoneId zone) {
    return BUNDLED.computeIfAbsent(
        zone.getId(),
        id -> {
          URL resource = ResourceLoader.getResource("zoneinfo/" + id + ".ics");
          if (resource == null) {
            throw new IllegalArgumentException("ical4j has no definition of the zone " + id);
          }
          try (InputStream in = resource.openStream()) {
            Calendar calendar =
                new CalendarBuilder(
                        new CalendarParserImpl(), new ContentHandlerContext(), new LocalRegistry())
                    .build(in);
            return calendar
                .<VTimeZone>getComponent(Component.VTIMEZONE)
                .orElseThrow(() -> new IllegalStateException("No VTIMEZONE in " + resource));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (ParserException e) {
            throw new IllegalStateException("ical4j's definition of " + id + " is unreadable", e);
          }
        });
  }

  /**
   * The registry each parse and write uses: TZIDs become IANA zones (the wall-clock time the sender
   * wrote is kept, in the zone it names), whatever VTIMEZONE the file carries. It never registers
   * zones with java.time, which ical4j's own registry does for every VTIMEZONE it reads: those
   * registrations are JVM-wide, so a redeployed EAR fails on the same zone ids.
   */
  static final class LocalRegistry implements TimeZoneRegistry {

    private final Map<String, VTimeZone> embedded = new ConcurrentHashMap<>();
    private final Map<String, ZoneId> resolved = new ConcurrentHashMap<>();
    private final Set<String> unknown = ConcurrentHashMap.newKeySet();
    private final Map<String, ZoneRules> rules =
        new ConcurrentHashMap<>(Map.of("Etc/UTC", ZoneOffset.UTC.getRules()));

    @Override
    public void register(TimeZone timezone) {
      register(timezone, false);
    }

    @Override
    public void register(TimeZone timezone, boolean update) {
      VTimeZone definition = timezone.getVTimeZone();
      if (definition != null && definition.getTimeZoneId() != null) {
        embedded.put(definition.getTimeZoneId().getValue(), definition);
      }
    }

    @Override
    public void clear() {
      embedded.clear();
      resolved.clear();
      unknown.clear();
    }

    @Override
    public TimeZone getTimeZone(String id) {
      return zoneOf(id).map(zone -> new TimeZone(bundled(zone))).orElse(null);
    }

    @Override
    public Map<String, ZoneRules> getZoneRules() {
      // Never empty: ical4j then asks getZoneId for every TZID instead of its JVM-wide table.
      return rules;
    }

    /** Unknown TZIDs read as UTC here, are noted, and the events using them are left out. */
    @Override
    public ZoneId getZoneId(String tzid) {
      return zoneOf(tzid)
          .orElseGet(
              () -> {
                unknown.add(tzid);
                return ZoneOffset.UTC;
              });
    }

    @Override
    public String getTzId(String zoneId) {
      return zoneId;
    }

    boolean isUnknown(String tzid) {
      return unknown.contains(tzid) || zoneOf(tzid).isEmpty();
    }

    private Optional<ZoneId> zoneOf(String tzid) {
      if (tzid == null) {
        return Optional.empty();
      }
      ZoneId zone = resolved.get(tzid);
      if (zone != null) {
        return Optional.of(zone);
      }
      Optional<ZoneId> found = resolve(tzid).or(() -> fromEmbeddedLocation(tzid));
      found.ifPresent(
          z -> {
            resolved.put(tzid, z);
            rules.put(z.getId(), z.getRules());
          });
      return found;
    }

    /** Thunderbird and others name the IANA zone in X-LIC-LOCATION of their VTIMEZONE. */
    private Optional<ZoneId> fromEmbeddedLocation(String tzid) {
      VTimeZone definition = embedded.get(tzid);
      if (definition == null) {
        return Optional.empty();
      }
      return definition
          .getProperty("X-LIC-LOCATION")
          .flatMap(location -> resolve(location.getValue()));
    }
  }
}
