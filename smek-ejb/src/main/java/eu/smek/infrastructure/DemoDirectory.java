package eu.smek.infrastructure;

import eu.smek.membership.Cell;
import eu.smek.membership.CellRole;
import eu.smek.membership.Country;
import eu.smek.membership.LanguageLevel;
import eu.smek.membership.LanguageSkill;
import eu.smek.membership.Person;
import eu.smek.membership.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The people of the founding partners' cells on the demo database: a coordinator, a deputy and
 * members per cell, with the languages and topics a guided tour can search for. Deterministic, so
 * every fresh demo looks the same.
 */
final class DemoDirectory {

  private static final String[][] POLISH = {
    {"Katarzyna", "Wiśniewska"}, {"Tomasz", "Wójcik"}, {"Magdalena", "Kamińska"},
    {"Paweł", "Lewandowski"}, {"Agnieszka", "Zielińska"}, {"Michał", "Szymański"},
    {"Joanna", "Woźniak"}, {"Krzysztof", "Dąbrowski"}, {"Ewa", "Kozłowska"},
    {"Marcin", "Jankowski"}, {"Barbara", "Mazur"}, {"Łukasz", "Kwiatkowski"},
    {"Monika", "Krawczyk"}, {"Grzegorz", "Piotrowski"}, {"Dorota", "Grabowska"},
    {"Jakub", "Pawłowski"}, {"Aleksandra", "Michalska"}, {"Wojciech", "Król"},
    {"Natalia", "Wieczorek"}, {"Adam", "Jabłoński"}, {"Beata", "Nowakowska"},
    {"Rafał", "Majewski"}, {"Iwona", "Olszewska"}, {"Sebastian", "Stępień"}
  };

  private static final String[][] SLOVAK = {
    {"Mária", "Kováčová"}, {"Peter", "Horváth"}, {"Zuzana", "Balážová"}, {"Ján", "Tóth"},
    {"Lucia", "Szabóová"}, {"Martin", "Varga"}, {"Katarína", "Molnárová"}, {"Tomáš", "Nagy"},
    {"Eva", "Lukáčová"}, {"Michal", "Šimko"}, {"Jana", "Ďuricová"}, {"Marek", "Polák"},
    {"Ivana", "Kollárová"}, {"Juraj", "Hudák"}, {"Andrea", "Čičová"}, {"Ľubomír", "Rusnák"}
  };

  /** Positions as the town halls write them, in their own language. */
  private static final String[] POLISH_POSITIONS = {
    "Naczelnik Wydziału Promocji",
    "Specjalista ds. funduszy UE",
    "Inspektor ds. turystyki",
    "Koordynator ds. kultury i wydarzeń",
    "Inspektor ds. transportu",
    "Informatyk",
    "Inspektor ds. ochrony środowiska",
    "Sekretarz Miasta"
  };

  private static final String[] SLOVAK_POSITIONS = {
    "Vedúca oddelenia propagácie",
    "Referent pre fondy EÚ",
    "Referentka cestovného ruchu",
    "Koordinátor kultúry a podujatí",
    "Referent dopravy",
    "Správca IT",
    "Referentka životného prostredia",
    "Prednosta mestského úradu"
  };

  private static final Topic[] TOPICS = Topic.values();

  private DemoDirectory() {}

  /** Three or four people for the cell, the coordinator first. */
  static List<Person> peopleFor(Cell cell, int index) {
    Country country = cell.getOrganisation().getCountry();
    String[][] names = country == Country.SK ? SLOVAK : POLISH;
    String domain =
        cell.getOrganisation().getCode().toLowerCase(Locale.ROOT) + ".demo.smek.example";
    int count = 3 + index % 2;
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String[] name = names[(index * 4 + i) % names.length];
      CellRole role = i == 0 ? CellRole.COORDINATOR : i == 1 ? CellRole.DEPUTY : CellRole.MEMBER;
      Person person = new Person(cell, name[0], name[1], role);
      String[] positions = country == Country.SK ? SLOVAK_POSITIONS : POLISH_POSITIONS;
      person.setPosition(positions[(index + i) % positions.length]);
      person.setEmail(ascii(name[0]) + "." + ascii(name[1]) + "@" + domain);
      person.setPhone((country == Country.SK ? "+421 57 " : "+48 16 ") + (7000 + index * 10 + i));
      person.setTeleworkAvailable((index + i) % 3 != 0);
      String own = country.language().code();
      person.getLanguages().add(new LanguageSkill(own, LanguageLevel.NATIVE));
      person.getLanguages().add(new LanguageSkill(own.equals("pl") ? "sk" : "pl", level(i)));
      person
          .getLanguages()
          .add(new LanguageSkill("en", LanguageLevel.values()[2 + (index + i) % 3]));
      if ((index + i) % 4 == 0) {
        person.getLanguages().add(new LanguageSkill("uk", LanguageLevel.B1));
      }
      if ((index + i) % 5 == 1) {
        person.getLanguages().add(new LanguageSkill("hu", LanguageLevel.A2));
      }
      person.getTopics().add(TOPICS[(index + i) % TOPICS.length]);
      person.getTopics().add(TOPICS[(index * 3 + i + 5) % TOPICS.length]);
      people.add(person);
    }
    return people;
  }

  private static LanguageLevel level(int i) {
    return LanguageLevel.values()[1 + i % 4];
  }

  private static String ascii(String name) {
    return eu.smek.shared.SearchKeys.fold(name).replace(' ', '-');
  }
}
