package eu.smek.membership;

import eu.smek.faces.Navigation;
import eu.smek.security.AccountState;
import eu.smek.security.Role;
import eu.smek.security.SecurityService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Adds a person to a town's cooperation cell or edits one: name, position, contacts, role in the
 * cell, languages with levels, topics, telework and photo; and the person's account: invitation,
 * deactivation. Who manages that cell opens it, and everyone for their own entry.
 */
@Named
@ViewScoped
public class EditPerson implements Serializable {

  /** One row of the languages table, edited in place before it becomes a {@link LanguageSkill}. */
  public static class LanguageRow implements Serializable {
    private String language;
    private LanguageLevel level;

    public String getLanguage() {
      return language;
    }

    public void setLanguage(String language) {
      this.language = language;
    }

    public LanguageLevel getLevel() {
      return level;
    }

    public void setLevel(LanguageLevel level) {
      this.level = level;
    }
  }

  @Inject private MembershipService membership;
  @Inject private Navigation navigation;
  @Inject private SecurityService security;

  private Long id;
  private Long organisationId;
  private Person person;
  private String organisationName;
  private List<Topic> topics = new ArrayList<>();
  private final List<LanguageRow> languages = new ArrayList<>();
  // Only used within the request that uploads it; never kept in the view state.
  private transient Part photo;
  private boolean ownEntry;
  private AccountState account;
  private Role inviteRole = Role.CLERK;

  public void load() throws IOException {
    if (id != null) {
      person = membership.getPerson(id);
      organisationId = person.getCell().getOrganisation().getId();
      organisationName = person.getCell().getOrganisation().getName();
      topics = new ArrayList<>(person.getTopics());
      for (LanguageSkill skill : person.getLanguages()) {
        LanguageRow row = new LanguageRow();
        row.setLanguage(skill.getLanguage());
        row.setLevel(skill.getLevel());
        languages.add(row);
      }
    } else if (organisationId != null) {
      person = new Person();
      organisationName = membership.getOrganisation(organisationId).getName();
    } else {
      Faces.responseSendError(404, "no person or cell given");
      Faces.responseComplete();
      return;
    }
    Person own = id == null ? null : security.getCurrentAccount().getPerson();
    ownEntry = own != null && own.getId().equals(id);
    if (!navigation.mayManageCell(organisationId) && !ownEntry) {
      Faces.responseSendError(403, "not this cell's manager");
      Faces.responseComplete();
      return;
    }
    if (id != null && navigation.mayManageAccounts(organisationId)) {
      account = security.accountState(id);
    }
  }

  /** Sends the person an invitation to get an account, with the chosen role. */
  public void invite() {
    security.invite(id, inviteRole);
    account = security.accountState(id);
    Messages.addGlobalInfo(
        eu.smek.shared.Messages.format(
            Faces.getLocale(), "security.invitation.sent", person.getEmail()));
  }

  public void deactivate() {
    security.deactivateAccount(account.accountId());
    account = security.accountState(id);
  }

  public void reactivate() {
    security.reactivateAccount(account.accountId());
    account = security.accountState(id);
  }

  public void addLanguage() {
    languages.add(new LanguageRow());
  }

  public void removeLanguage(LanguageRow row) {
    languages.remove(row);
  }

  /** Saves and shows the cell with the person in it. */
  public void save() throws IOException {
    person.getTopics().clear();
    person.getTopics().addAll(topics);
    person.getLanguages().clear();
    for (LanguageRow row : languages) {
      if (row.getLanguage() != null && !row.getLanguage().isBlank() && row.getLevel() != null) {
        person.getLanguages().add(new LanguageSkill(row.getLanguage(), row.getLevel()));
      }
    }
    Person saved =
        id == null ? membership.addPerson(organisationId, person) : membership.updatePerson(person);
    showCell(saved);
  }

  public void uploadPhoto() throws IOException {
    showCell(membership.changePhoto(id, Uploads.of(photo)));
  }

  public void remove() throws IOException {
    membership.removePerson(id);
    Faces.redirect(
        Faces.getRequestContextPath() + "/membership/view-cell?organisation=" + organisationId);
  }

  private void showCell(Person saved) throws IOException {
    Faces.redirect(
        Faces.getRequestContextPath()
            + "/membership/view-cell?organisation="
            + organisationId
            + "#person-"
            + saved.getId());
  }

  /** Whether the user edits their own entry (then they cannot change their role). */
  public boolean isOwnEntry() {
    return ownEntry;
  }

  /** The person's account, for who manages accounts of the town; null for others. */
  public AccountState getAccount() {
    return account;
  }

  /** The roles a town's accounts may have; association roles only for administrators. */
  public List<Role> getGrantableRoles() {
    return navigation.mayManageAllAccounts()
        ? Arrays.asList(Role.values())
        : List.of(Role.CLERK, Role.TOWN_COORDINATOR);
  }

  public Role getInviteRole() {
    return inviteRole;
  }

  public void setInviteRole(Role inviteRole) {
    this.inviteRole = inviteRole;
  }

  public boolean isNew() {
    return id == null;
  }

  public List<CellRole> getRoles() {
    return Arrays.asList(CellRole.values());
  }

  public List<LanguageLevel> getLevels() {
    return Arrays.asList(LanguageLevel.values());
  }

  public List<Topic> getAllTopics() {
    return Arrays.asList(Topic.values());
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Long getOrganisationId() {
    return organisationId;
  }

  public void setOrganisationId(Long organisationId) {
    this.organisationId = organisationId;
  }

  public String getOrganisationName() {
    return organisationName;
  }

  public Person getPerson() {
    return person;
  }

  public List<Topic> getTopics() {
    return topics;
  }

  public void setTopics(List<Topic> topics) {
    this.topics = topics;
  }

  public List<LanguageRow> getLanguages() {
    return languages;
  }

  public Part getPhoto() {
    return photo;
  }

  public void setPhoto(Part photo) {
    this.photo = photo;
  }
}
