package eu.smek.membership;

import java.util.List;
import java.util.Set;

/** A person of the directory as the REST API shows and takes it. */
public record PersonView(
    long id,
    long version,
    long organisationId,
    String organisation,
    String givenName,
    String familyName,
    String position,
    String email,
    String phone,
    CellRole role,
    List<Skill> languages,
    Set<Topic> topics,
    boolean teleworkAvailable,
    boolean hasPhoto) {

  /** A language (ISO 639 code) and how well the person speaks it. */
  public record Skill(String language, LanguageLevel level) {}

  static PersonView of(Person person) {
    Organisation organisation = person.getCell().getOrganisation();
    return new PersonView(
        person.getId(),
        person.getVersion(),
        organisation.getId(),
        organisation.getName(),
        person.getGivenName(),
        person.getFamilyName(),
        person.getPosition(),
        person.getEmail(),
        person.getPhone(),
        person.getRole(),
        person.getLanguages().stream().map(s -> new Skill(s.getLanguage(), s.getLevel())).toList(),
        Set.copyOf(person.getTopics()),
        person.isTeleworkAvailable(),
        person.getPhoto() != null);
  }

  /** Copies what a client may write onto a person; the cell and photo are not among it. */
  void applyTo(Person person) {
    person.setGivenName(givenName);
    person.setFamilyName(familyName);
    person.setPosition(position);
    person.setEmail(email);
    person.setPhone(phone);
    person.setRole(role == null ? CellRole.MEMBER : role);
    person.setTeleworkAvailable(teleworkAvailable);
    person.getLanguages().clear();
    if (languages != null) {
      languages.forEach(
          skill -> person.getLanguages().add(new LanguageSkill(skill.language(), skill.level())));
    }
    person.getTopics().clear();
    if (topics != null) {
      person.getTopics().addAll(topics);
    }
  }
}
