/**
 * The calendar's iCalendar interoperability, without a container: {@link
 * eu.smek.calendar.ical.IcsWriter} writes {@link eu.smek.calendar.ical.IcsEvent}s as a VCALENDAR
 * for export, feeds, invitations, cancellations and replies (RFC 5545 and 5546, validated by
 * ical4j); {@link eu.smek.calendar.ical.ImipBuilder} wraps one in an iMIP e-mail (RFC 6047); {@link
 * eu.smek.calendar.ical.IcsReader} reads other programs' files into events and notices for an
 * import preview, within {@link eu.smek.calendar.ical.IcsLimits}. All iCalendar text is built,
 * folded, escaped and parsed by ical4j. Inside WildFly its jar sits in the EAR's lib, so nothing
 * relies on an {@code ical4j.properties} found by some deployment's class loader: the parsing hints
 * are set in code ({@code Ical4j}), time-zone definitions are read from ical4j's jar by this
 * package's own parser, and every parse and write resolves TZIDs through a registry of its own
 * ({@code IcsZones.LocalRegistry}), because ical4j's default registry registers each VTIMEZONE it
 * meets with java.time, JVM-wide, and a redeployed EAR then fails on the same zone ids.
 */
package eu.smek.calendar.ical;
