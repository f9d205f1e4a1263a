package eu.smek.membership;

import eu.smek.faces.Choice;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The network's directory: people of every member town's cell, searched by name, town, country,
 * language spoken, topic and availability for telework, page by page from the database. The
 * criteria are query parameters, so a search can be bookmarked and shared.
 */
@Named
@ViewScoped
public class SearchDirectory implements Serializable {

  /** The table's sortable columns (the field of their sortBy) and the orders they stand for. */
  private static final Map<String, DirectorySort> SORTS =
      Map.of(
          "familyName", DirectorySort.NAME,
          "cell.organisation.name", DirectorySort.ORGANISATION,
          "cell.organisation.country", DirectorySort.COUNTRY,
          "role", DirectorySort.ROLE);

  @Inject private MembershipService membership;
  @Inject private SpokenLanguages spokenLanguages;

  private String text;
  private Long organisation;
  private Country country;
  private String language;
  private Topic topic;
  private boolean telework;
  private DirectoryQuery query = DirectoryQuery.EVERYONE;
  private LazyDataModel<Person> people;

  /** How many people the search matches; sorting and paging through them do not change it. */
  private Long total;

  @PostConstruct
  void init() {
    people = new People();
  }

  public void search() {
    query =
        new DirectoryQuery(
            text, organisation, country, language, topic, telework, DirectorySort.NAME, false);
    total = null;
  }

  public LazyDataModel<Person> getPeople() {
    return people;
  }

  /**
   * The towns to choose from: those whose cells the directory lists, each in its language. Read
   * when the filter form renders, once per page view, and not kept in the view: Ajax requests of
   * the table do not need them. (Not read by search(), which does not run when a parameter is
   * invalid.)
   */
  public List<Choice> getTownChoices() {
    return membership.directoryTowns().stream()
        .map(town -> new Choice(town.id(), town.name(), town.language(), organisation))
        .toList();
  }

  public List<Choice> getLanguageChoices() {
    return spokenLanguages.choices(language);
  }

  public List<Country> getCountries() {
    return Arrays.asList(Country.values());
  }

  public List<Topic> getTopics() {
    return Arrays.asList(Topic.values());
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public Long getOrganisation() {
    return organisation;
  }

  public void setOrganisation(Long organisation) {
    this.organisation = organisation;
  }

  public Country getCountry() {
    return country;
  }

  public void setCountry(Country country) {
    this.country = country;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public Topic getTopic() {
    return topic;
  }

  public void setTopic(Topic topic) {
    this.topic = topic;
  }

  public boolean isTelework() {
    return telework;
  }

  public void setTelework(boolean telework) {
    this.telework = telework;
  }

  /** One page of people, sorted as the table's header says. */
  private class People extends LazyDataModel<Person> {

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      if (total == null) {
        total = membership.countDirectory(query);
      }
      return (int) Math.min(Integer.MAX_VALUE, total);
    }

    @Override
    public List<Person> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      DirectoryQuery sorted = query;
      for (SortMeta sort : sortBy.values()) {
        sorted =
            new DirectoryQuery(
                query.text(),
                query.organisationId(),
                query.country(),
                query.language(),
                query.topic(),
                query.teleworkOnly(),
                SORTS.getOrDefault(sort.getField(), DirectorySort.NAME),
                sort.getOrder() == SortOrder.DESCENDING);
      }
      return membership.searchDirectory(sorted, first, pageSize);
    }

    @Override
    public String getRowKey(Person person) {
      return String.valueOf(person.getId());
    }
  }
}
