package eu.smek.infrastructure;

import eu.smek.calendar.BookableResource;
import eu.smek.calendar.ResourceKind;
import eu.smek.membership.Organisation;
import java.util.List;
import java.util.function.Function;

/**
 * The rooms and equipment of the demo database, named as each town hall would name them: Przemyśl's
 * council chamber, meeting room and projector (and a room under renovation, no longer offered),
 * Humenné's meeting room and Jasło's conference hall.
 */
final class DemoResources {

  private DemoResources() {}

  static List<BookableResource> all(Function<String, Organisation> organisation) {
    Organisation przemysl = organisation.apply("PP3");
    Organisation humenne = organisation.apply("LP");
    Organisation jaslo = organisation.apply("PP6");
    BookableResource renovated = room(przemysl, "Sala nr 12", 12, "W remoncie do odwołania.");
    renovated.setActive(false);
    return List.of(
        room(przemysl, "Sala Rady Miejskiej", 60, "Rynek 1, I piętro; nagłośnienie, tłumaczenie."),
        room(przemysl, "Sala konferencyjna", 20, "Rynek 1, parter; ekran i kamera do telesesji."),
        equipment(przemysl, "Projektor przenośny", "Full HD, HDMI; wydaje sekretariat."),
        renovated,
        room(humenne, "Zasadačka mestského úradu", 30, "Kukorelliho 34, 2. poschodie."),
        room(jaslo, "Sala konferencyjna Urzędu Miasta", 45, "Rynek 12; dostępna dla wózków."));
  }

  private static BookableResource room(
      Organisation town, String name, int capacity, String description) {
    BookableResource room = new BookableResource(town, ResourceKind.ROOM, name);
    room.setCapacity(capacity);
    room.setDescription(description);
    return room;
  }

  private static BookableResource equipment(Organisation town, String name, String description) {
    BookableResource equipment = new BookableResource(town, ResourceKind.EQUIPMENT, name);
    equipment.setDescription(description);
    return equipment;
  }
}
