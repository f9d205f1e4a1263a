package eu.smek.membership;

import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.ImageType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Photo;
import ezvcard.property.StructuredName;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;

/**
 * People as vCards (RFC 6350, version 4.0), which every address book and phone imports: one person,
 * or a whole cell in one file. Written by ez-vcard, which folds long lines and escapes what must be
 * escaped.
 */
final class VCards {

  static final String MEDIA_TYPE = "text/vcard;charset=utf-8";

  private VCards() {}

  static String of(Person person, byte[] photoPng) {
    return write(List.of(card(person, photoPng)));
  }

  static String of(Collection<Person> people) {
    return write(people.stream().map(person -> card(person, null)).toList());
  }

  // Not the Ezvcard facade: it loads the hCard (FreeMarker) classes, which are left out.
  private static String write(List<VCard> cards) {
    StringWriter out = new StringWriter();
    try (VCardWriter writer = new VCardWriter(out, VCardVersion.V4_0)) {
      writer.setAddProdId(false);
      for (VCard card : cards) {
        writer.write(card);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return out.toString();
  }

  private static VCard card(Person person, byte[] photoPng) {
    VCard card = new VCard();
    StructuredName name = new StructuredName();
    name.setGiven(person.getGivenName());
    name.setFamily(person.getFamilyName());
    card.setStructuredName(name);
    card.setFormattedName(person.getFullName());
    Organisation organisation = person.getCell().getOrganisation();
    card.setOrganization(organisation.getName());
    if (person.getPosition() != null) {
      card.addTitle(person.getPosition());
    }
    if (person.getEmail() != null) {
      card.addEmail(person.getEmail(), EmailType.WORK);
    }
    if (person.getPhone() != null) {
      card.addTelephoneNumber(person.getPhone(), TelephoneType.WORK);
    }
    eu.smek.membership.Address office = organisation.getAddress();
    if (office.getCity() != null) {
      Address address = new Address();
      address.setStreetAddress(office.getStreet());
      address.setPostalCode(office.getPostalCode());
      address.setLocality(office.getCity());
      address.setCountry(organisation.getCountry().name());
      card.addAddress(address);
    }
    person.getLanguages().forEach(skill -> card.addLanguage(skill.getLanguage()));
    if (photoPng != null) {
      card.addPhoto(new Photo(photoPng, ImageType.PNG));
    }
    return card;
  }
}
