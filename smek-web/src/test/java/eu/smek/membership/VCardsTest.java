package eu.smek.membership;

import static org.assertj.core.api.Assertions.assertThat;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vCards read back as what was written, also with the network's letters and hostile text. */
class VCardsTest {

  private static Person person(String given, String family) {
    Organisation town =
        new Organisation("PP3", "Gmina Miejska Przemyśl", Country.PL, OrganisationType.TOWN);
    town.getAddress().setCity("Przemyśl");
    town.getAddress().setStreet("Rynek 1");
    Person person = new Person(new Cell(town, null), given, family, CellRole.COORDINATOR);
    person.setPosition("Naczelnik Wydziału; Promocji\nBEGIN:VCARD");
    person.setEmail("m.zolkiewska@przemysl.pl");
    person.setPhone("+48 16 675 20 00");
    person.getLanguages().add(new LanguageSkill("uk", LanguageLevel.B2));
    return person;
  }

  private static List<VCard> read(String text) throws IOException {
    try (VCardReader reader = new VCardReader(text)) {
      return reader.readAll();
    }
  }

  @Test
  void aPersonReadsBackWithAllTheyHave() throws IOException {
    String text = VCards.of(person("Małgorzata", "Żółkiewska"), new byte[] {1, 2, 3});
    List<VCard> cards = read(text);
    assertThat(cards).hasSize(1);
    VCard card = cards.get(0);
    assertThat(card.getFormattedName().getValue()).isEqualTo("Małgorzata Żółkiewska");
    assertThat(card.getStructuredName().getFamily()).isEqualTo("Żółkiewska");
    assertThat(card.getOrganization().getValues()).containsExactly("Gmina Miejska Przemyśl");
    assertThat(card.getTitles().get(0).getValue())
        .isEqualTo("Naczelnik Wydziału; Promocji\nBEGIN:VCARD");
    assertThat(card.getEmails().get(0).getValue()).isEqualTo("m.zolkiewska@przemysl.pl");
    assertThat(card.getTelephoneNumbers().get(0).getText()).isEqualTo("+48 16 675 20 00");
    assertThat(card.getAddresses().get(0).getLocality()).isEqualTo("Przemyśl");
    assertThat(card.getLanguages().get(0).getValue()).isEqualTo("uk");
    assertThat(card.getPhotos().get(0).getData()).containsExactly(1, 2, 3);
  }

  @Test
  void aCellIsOneFileWithOneCardPerPerson() throws IOException {
    String text = VCards.of(List.of(person("Anna", "Nowak"), person("Ján", "Kováč")));
    assertThat(read(text))
        .extracting(card -> card.getFormattedName().getValue())
        .containsExactly("Anna Nowak", "Ján Kováč");
  }
}
