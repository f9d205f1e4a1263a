package eu.smek.membership;

import eu.smek.faces.Navigation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * A town's cooperation cell: its coordinator, deputies and members with how to reach them, the
 * languages they speak and what they work on. Who manages the cell gets the links to change it.
 */
@Named
@RequestScoped
public class ViewCell {

  @Inject private MembershipService membership;
  @Inject private Navigation navigation;

  private Long organisationId;
  private Organisation organisation;
  private Cell cell;
  private List<Person> people = List.of();
  private boolean mayManage;

  public void load() {
    organisation = membership.getOrganisation(organisationId);
    cell = membership.findCell(organisationId).orElse(null);
    if (cell != null) {
      people = membership.people(cell.getId());
    }
    // Asked once: the page shows each person's edit link by it.
    mayManage = navigation.mayManageCell(organisationId);
  }

  public boolean isMayManage() {
    return mayManage;
  }

  public List<Person> peopleIn(CellRole role) {
    return people.stream().filter(person -> person.getRole() == role).toList();
  }

  public List<CellRole> getRoles() {
    return List.of(CellRole.values());
  }

  public Long getOrganisationId() {
    return organisationId;
  }

  public void setOrganisationId(Long organisationId) {
    this.organisationId = organisationId;
  }

  public Organisation getOrganisation() {
    return organisation;
  }

  public Cell getCell() {
    return cell;
  }

  public List<Person> getPeople() {
    return people;
  }
}
