package eu.smek.infrastructure;

import eu.smek.membership.Person;
import eu.smek.membership.Topic;
import eu.smek.membership.WorkingGroup;
import eu.smek.membership.WorkingGroupStatus;
import eu.smek.shared.Language;
import java.util.List;

/**
 * The working groups of the demo database, named and described in Polish, Slovak and English as the
 * network would write them.
 */
final class DemoWorkingGroups {

  private DemoWorkingGroups() {}

  /** Active, coordinated from a Polish town, with members from Polish and Slovak towns. */
  static WorkingGroup tourism(Person coordinator, List<Person> members) {
    WorkingGroup group = new WorkingGroup(Topic.TOURISM);
    group.setName(Language.PL, "Turystyka transgraniczna");
    group.setName(Language.SK, "Cezhraničný cestovný ruch");
    group.setName(Language.EN, "Cross-border tourism");
    group.setDescription(
        Language.PL,
        "Wspólne szlaki, pakiety turystyczne i promocja miast sieci po obu stronach granicy.");
    group.setDescription(
        Language.SK,
        "Spoločné trasy, turistické balíky a propagácia miest siete na oboch stranách hranice.");
    group.setDescription(
        Language.EN,
        "Shared trails, tourist packages and promotion of the network’s towns on both sides of the"
            + " border.");
    group.getMembers().add(coordinator);
    group.getMembers().addAll(members);
    group.setCoordinator(coordinator);
    return group;
  }

  /** Paused; the first member coordinates it. */
  static WorkingGroup transport(List<Person> members) {
    WorkingGroup group = new WorkingGroup(Topic.TRANSPORT);
    group.setName(Language.PL, "Transport");
    group.setName(Language.SK, "Doprava");
    group.setName(Language.EN, "Transport");
    group.setDescription(
        Language.PL,
        "Połączenia autobusowe i kolejowe między miastami sieci; prace wstrzymane do czasu"
            + " nowego naboru projektów.");
    group.setDescription(
        Language.SK,
        "Autobusové a železničné spojenia medzi mestami siete; práca je pozastavená do novej"
            + " výzvy na projekty.");
    group.setDescription(
        Language.EN,
        "Bus and rail links between the network’s towns; work paused until the next call for"
            + " projects.");
    group.getMembers().addAll(members);
    group.setCoordinator(members.get(0));
    group.setStatus(WorkingGroupStatus.PAUSED);
    return group;
  }
}
