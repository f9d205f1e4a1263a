package eu.smek.membership;

import eu.smek.faces.ActiveLocale;
import eu.smek.shared.Language;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The network's working groups, filtered by status, topic and name (in any language); the criteria
 * are query parameters, so a list can be bookmarked. Active groups come first, each group under its
 * name in the reader's language.
 */
@Named
@RequestScoped
public class ListWorkingGroups {

  @Inject private MembershipService membership;
  @Inject private ActiveLocale activeLocale;

  private WorkingGroupStatus status;
  private Topic topic;
  private String text;
  private List<WorkingGroup> groups = List.of();

  public void load() {
    Language language = activeLocale.getLanguage();
    Collator collator = Collator.getInstance(language.locale());
    groups =
        membership.listWorkingGroups(new WorkingGroupQuery(status, topic, text)).stream()
            .sorted(
                Comparator.comparing(WorkingGroup::getStatus)
                    .thenComparing(group -> group.nameIn(language), collator))
            .toList();
  }

  public List<WorkingGroup> getGroups() {
    return groups;
  }

  public List<WorkingGroupStatus> getStatuses() {
    return Arrays.asList(WorkingGroupStatus.values());
  }

  public List<Topic> getTopics() {
    return Arrays.asList(Topic.values());
  }

  public WorkingGroupStatus getStatus() {
    return status;
  }

  public void setStatus(WorkingGroupStatus status) {
    this.status = status;
  }

  public Topic getTopic() {
    return topic;
  }

  public void setTopic(Topic topic) {
    this.topic = topic;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
