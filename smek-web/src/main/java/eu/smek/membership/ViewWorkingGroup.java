package eu.smek.membership;

import eu.smek.faces.ActiveLocale;
import eu.smek.shared.Language;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * One working group: what it is about, its status, coordinator and members with their towns.
 * Association administrators and the group's coordinator find people in the directory and add or
 * remove members; administrators also name the coordinator and pause, close or reopen the group.
 */
@Named
@ViewScoped
public class ViewWorkingGroup implements Serializable {

  /** The directory's people offered to add at one time; a narrower search finds the others. */
  static final int CANDIDATES = 20;

  @Inject private MembershipService membership;
  @Inject private ActiveLocale activeLocale;

  private Long id;
  private String find;
  private WorkingGroup group;
  private List<Person> members = List.of();
  private List<Person> candidates = List.of();
  private boolean mayManageMembers;
  private WorkingGroupStatus newStatus;

  public void load() {
    group = membership.getWorkingGroup(id);
    Collator collator = Collator.getInstance(activeLocale.getLocale());
    members =
        group.getMembers().stream()
            .sorted(
                Comparator.comparing(Person::getFamilyName, collator)
                    .thenComparing(Person::getGivenName, collator))
            .toList();
    mayManageMembers =
        group.getStatus() != WorkingGroupStatus.CLOSED
            && membership.mayManageWorkingGroupMembers(id);
    if (mayManageMembers && find != null && !find.isBlank()) {
      candidates =
          membership
              .searchDirectory(
                  new DirectoryQuery(find, null, null, null, null, false, null, false),
                  0,
                  CANDIDATES)
              .stream()
              .filter(person -> !group.hasMember(person.getId()))
              .filter(
                  person ->
                      person.getCell().getOrganisation().getStatus() == MembershipStatus.MEMBER)
              .toList();
    }
  }

  public void addMember(Person person) throws IOException {
    membership.addWorkingGroupMember(id, person.getId());
    done("membership.workingGroup.memberAdded", person.getFullName());
  }

  public void removeMember(Person person) throws IOException {
    membership.removeWorkingGroupMember(id, person.getId());
    done("membership.workingGroup.memberRemoved", person.getFullName());
  }

  public void nameCoordinator(Person person) throws IOException {
    membership.nameWorkingGroupCoordinator(id, person.getId());
    done("membership.workingGroup.coordinatorNamed", person.getFullName());
  }

  public void changeStatus() throws IOException {
    membership.changeWorkingGroupStatus(id, newStatus);
    done("membership.workingGroup.statusChanged", newStatus);
  }

  /** Says what was done and shows the group again (a reload does not repeat it). */
  private void done(String key, Object argument) throws IOException {
    Messages.addFlashGlobalInfo(eu.smek.shared.Messages.format(Faces.getLocale(), key, argument));
    Faces.redirect(Faces.getRequestContextPath() + "/membership/view-working-group?id=" + id);
  }

  /** The statuses the group may move to, for administrators. */
  public List<WorkingGroupStatus> getNextStatuses() {
    return List.copyOf(group.getStatus().next());
  }

  public Language getLanguage() {
    return activeLocale.getLanguage();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  /** What to look for in the directory, to add someone. */
  public String getFind() {
    return find;
  }

  public void setFind(String find) {
    this.find = find;
  }

  public WorkingGroup getGroup() {
    return group;
  }

  /** The members by family name. */
  public List<Person> getMembers() {
    return members;
  }

  /** People of member towns that the search found and who are not members yet. */
  public List<Person> getCandidates() {
    return candidates;
  }

  public boolean isMayManageMembers() {
    return mayManageMembers;
  }

  public WorkingGroupStatus getNewStatus() {
    return newStatus;
  }

  public void setNewStatus(WorkingGroupStatus newStatus) {
    this.newStatus = newStatus;
  }
}
