package eu.smek.membership;

import eu.smek.shared.Language;
import eu.smek.shared.SearchKeys;
import eu.smek.shared.Space;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A thematic team of people from several member towns (tourism, culture, transport, ...), with a
 * name and description in each language its members write in, and one of them as its coordinator. A
 * space: documents, calendars, telesessions and procedures of the group hang on it. Serializable,
 * because the group's pages keep it in their (replicated) view state.
 */
@Entity
@Table(name = "working_group")
public class WorkingGroup implements Space, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public static final int NAME_LENGTH = 200;
  public static final int DESCRIPTION_LENGTH = 2000;

  /** The languages whose text is shown when there is none in the reader's, in this order. */
  private static final List<Language> FALLBACKS =
      List.of(Language.EN, Language.PL, Language.SK, Language.UK, Language.HU, Language.RO);

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "working_group_seq")
  @SequenceGenerator(
      name = "working_group_seq",
      sequenceName = "working_group_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @ElementCollection
  @CollectionTable(
      name = "working_group_name",
      joinColumns = @JoinColumn(name = "working_group_id"))
  @MapKeyEnumerated(EnumType.STRING)
  @MapKeyColumn(name = "language", length = 2)
  @Column(name = "name", nullable = false, length = NAME_LENGTH)
  private Map<Language, @NotBlank @Size(max = NAME_LENGTH) String> names =
      new EnumMap<>(Language.class);

  @ElementCollection
  @CollectionTable(
      name = "working_group_description",
      joinColumns = @JoinColumn(name = "working_group_id"))
  @MapKeyEnumerated(EnumType.STRING)
  @MapKeyColumn(name = "language", length = 2)
  @Column(name = "description", nullable = false, length = DESCRIPTION_LENGTH)
  private Map<Language, @NotBlank @Size(max = DESCRIPTION_LENGTH) String> descriptions =
      new EnumMap<>(Language.class);

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private Topic topic;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private WorkingGroupStatus status = WorkingGroupStatus.ACTIVE;

  /** One of the members; none while a new group is being put together. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "coordinator_id")
  private Person coordinator;

  @ManyToMany
  @JoinTable(
      name = "working_group_member",
      joinColumns = @JoinColumn(name = "working_group_id"),
      inverseJoinColumns = @JoinColumn(name = "person_id"))
  private Set<Person> members = new HashSet<>();

  /** The names in every language, folded for searching (see {@link SearchKeys}). */
  @Column(name = "search_key", nullable = false, length = 1300)
  private String searchKey = "";

  /** A new group for a form; the service makes it active. */
  public WorkingGroup() {}

  public WorkingGroup(Topic topic) {
    this.topic = topic;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  /** The names by language; change them with {@link #setName}. */
  public Map<Language, String> getNames() {
    return Collections.unmodifiableMap(names);
  }

  /** Sets the name in a language; a blank name removes it. */
  public void setName(Language language, String name) {
    put(names, language, name);
    searchKey = SearchKeys.fold(String.join(" ", names.values()));
  }

  /** The name in a language, else in English, Polish, Slovak, ... whichever it has first. */
  public String nameIn(Language language) {
    return shown(names, language).map(names::get).orElse("");
  }

  /**
   * The language of the name {@link #nameIn} shows, for the {@code lang} attribute of pages; the
   * reader's own if there is no name at all.
   */
  public Language nameLanguage(Language language) {
    return shown(names, language).orElse(language);
  }

  @Override
  public String getName() {
    return nameIn(Language.DEFAULT);
  }

  public Map<Language, String> getDescriptions() {
    return Collections.unmodifiableMap(descriptions);
  }

  /** Sets the description in a language; a blank one removes it. */
  public void setDescription(Language language, String description) {
    put(descriptions, language, description);
  }

  /** The description in a language, else in another as {@link #nameIn} chooses; may be empty. */
  public String descriptionIn(Language language) {
    return shown(descriptions, language).map(descriptions::get).orElse("");
  }

  /** The language of the description {@link #descriptionIn} shows, like {@link #nameLanguage}. */
  public Language descriptionLanguage(Language language) {
    return shown(descriptions, language).orElse(language);
  }

  public Topic getTopic() {
    return topic;
  }

  public void setTopic(Topic topic) {
    this.topic = topic;
  }

  public WorkingGroupStatus getStatus() {
    return status;
  }

  /** Only {@code MembershipService} changes the status, following {@link WorkingGroupStatus}. */
  public void setStatus(WorkingGroupStatus status) {
    this.status = status;
  }

  public Person getCoordinator() {
    return coordinator;
  }

  /** Only {@code MembershipService} names the coordinator, who must be a member. */
  public void setCoordinator(Person coordinator) {
    this.coordinator = coordinator;
  }

  public Set<Person> getMembers() {
    return members;
  }

  /** Whether the person is a member (compared by id, so also for detached copies). */
  public boolean hasMember(long personId) {
    return members.stream().anyMatch(member -> member.getId() == personId);
  }

  /** Whether the person is the coordinator (compared by id, so also for detached copies). */
  public boolean isCoordinator(long personId) {
    return coordinator != null && coordinator.getId() == personId;
  }

  /** The organisations the members come from, each once, by name. */
  public List<Organisation> getTowns() {
    Map<Long, Organisation> towns = new HashMap<>();
    members.forEach(
        member ->
            towns.putIfAbsent(
                member.getCell().getOrganisation().getId(), member.getCell().getOrganisation()));
    return towns.values().stream().sorted(Comparator.comparing(Organisation::getName)).toList();
  }

  @Override
  public SpaceRef toSpaceRef() {
    return new SpaceRef(SpaceType.WORKING_GROUP, id);
  }

  /** The reader's language if there is a text in it, else the first fallback that has one. */
  private static Optional<Language> shown(Map<Language, String> texts, Language language) {
    return Stream.concat(Stream.of(language), FALLBACKS.stream())
        .filter(texts::containsKey)
        .findFirst();
  }

  private static void put(Map<Language, String> texts, Language language, String text) {
    if (text == null || text.isBlank()) {
      texts.remove(language);
    } else {
      texts.put(language, text.strip());
    }
  }
}
