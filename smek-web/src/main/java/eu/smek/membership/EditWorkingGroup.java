package eu.smek.membership;

import eu.smek.shared.Language;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Faces;

/**
 * Sets up a working group or edits one: its name and description in each language and its topic.
 * Members, coordinator and status are changed on the group's page. A closed group is not edited.
 */
@Named
@ViewScoped
public class EditWorkingGroup implements Serializable {

  @Inject private MembershipService membership;

  private Long id;
  private WorkingGroup group;
  private final Map<Language, String> names = new EnumMap<>(Language.class);
  private final Map<Language, String> descriptions = new EnumMap<>(Language.class);

  public void load() {
    group = id == null ? new WorkingGroup() : membership.getWorkingGroup(id);
    names.putAll(group.getNames());
    descriptions.putAll(group.getDescriptions());
  }

  /** Saves and opens the group's page. */
  public void save() throws IOException {
    for (Language language : Language.values()) {
      group.setName(language, names.get(language));
      group.setDescription(language, descriptions.get(language));
    }
    WorkingGroup saved =
        id == null ? membership.createWorkingGroup(group) : membership.updateWorkingGroup(group);
    Faces.redirect(
        Faces.getRequestContextPath() + "/membership/view-working-group?id=" + saved.getId());
  }

  public boolean isClosed() {
    return group.getStatus() == WorkingGroupStatus.CLOSED;
  }

  /** Every language the network's towns write in; Polish, Slovak and English first. */
  public List<Language> getLanguages() {
    return Arrays.asList(Language.values());
  }

  public List<Topic> getTopics() {
    return Arrays.asList(Topic.values());
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public boolean isNew() {
    return id == null;
  }

  public WorkingGroup getGroup() {
    return group;
  }

  public Map<Language, String> getNames() {
    return names;
  }

  public Map<Language, String> getDescriptions() {
    return descriptions;
  }
}
