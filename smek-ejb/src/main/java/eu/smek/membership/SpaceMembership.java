package eu.smek.membership;

import eu.smek.security.Account;
import eu.smek.security.Role;
import eu.smek.shared.RecordNotFoundException;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.telesession.Telesession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Who belongs to a space and who coordinates it, for the features that hang things on spaces
 * (documents, calendars; telesessions and procedures later). A town and its cell have the town's
 * accounts as members and its coordinators as coordinators; a working group has the accounts of its
 * members, and its coordinator; the network has every account as member and the association
 * administrators as coordinators; a person is the only member and coordinator of their own space.
 * Runs in the caller's transaction and checks nothing itself.
 */
@ApplicationScoped
public class SpaceMembership {

  /** The network's own name, the same in every language. */
  public static final String NETWORK_NAME = "SMEK";

  @PersistenceContext private EntityManager em;

  public boolean includes(SpaceRef space, Account account) {
    return switch (space.getType()) {
      case ORGANISATION -> account.getOrganisation().getId() == space.getId();
      case CELL -> organisationOfCell(space.getId()) == account.getOrganisation().getId();
      case WORKING_GROUP ->
          account.getPerson() != null
              && em.createQuery(
                          "select count(g) from WorkingGroup g where g.id = :group and (:person"
                              + " member of g.members or g.coordinator = :person)",
                          Long.class)
                      .setParameter("group", space.getId())
                      .setParameter("person", account.getPerson())
                      .getSingleResult()
                  > 0;
      case NETWORK -> true;
      case PERSON -> account.getPerson() != null && account.getPerson().getId() == space.getId();
      case TELESESSION -> {
        Telesession session = find(Telesession.class, space);
        long organisation = account.getOrganisation().getId();
        yield organisation == session.getOrganisationId()
            || session.getChairAccountId() == account.getId()
            || session.getSecretaryAccountId() == account.getId()
            || session.getInvitedAccounts().contains(account.getId())
            || session.getInvitedOrganisations().contains(organisation);
      }
    };
  }

  public boolean coordinates(SpaceRef space, Account account) {
    return switch (space.getType()) {
      case ORGANISATION, CELL ->
          account.getRoles().contains(Role.TOWN_COORDINATOR) && includes(space, account);
      case WORKING_GROUP -> {
        WorkingGroup group = em.find(WorkingGroup.class, space.getId());
        yield group != null
            && group.getCoordinator() != null
            && account.getPerson() != null
            && group.getCoordinator().getId().equals(account.getPerson().getId());
      }
      case NETWORK -> account.getRoles().contains(Role.ASSOCIATION_ADMINISTRATOR);
      case PERSON -> includes(space, account);
      // Those who keep the session's papers: its chair, its secretary, the organiser's coordinator.
      case TELESESSION -> {
        Telesession session = find(Telesession.class, space);
        yield session.getChairAccountId() == account.getId()
            || session.getSecretaryAccountId() == account.getId()
            || (account.getRoles().contains(Role.TOWN_COORDINATOR)
                && account.getOrganisation().getId() == session.getOrganisationId());
      }
    };
  }

  /**
   * Every organisation, cell and working group the account belongs to, to find what it may read
   * (the network and the account's person, which belong to it too, are not listed).
   */
  public List<SpaceRef> spacesOf(Account account) {
    long organisation = account.getOrganisation().getId();
    List<SpaceRef> spaces = new ArrayList<>();
    spaces.add(new SpaceRef(SpaceType.ORGANISATION, organisation));
    em.createQuery("select c.id from Cell c where c.organisation.id = :organisation", Long.class)
        .setParameter("organisation", organisation)
        .getResultList()
        .forEach(cell -> spaces.add(new SpaceRef(SpaceType.CELL, cell)));
    if (account.getPerson() != null) {
      em.createQuery(
              "select g.id from WorkingGroup g where :person member of g.members"
                  + " or g.coordinator = :person",
              Long.class)
          .setParameter("person", account.getPerson())
          .getResultList()
          .forEach(group -> spaces.add(new SpaceRef(SpaceType.WORKING_GROUP, group)));
    }
    return spaces;
  }

  /** The space's name as its members know it; throws if there is no such space. */
  public String nameOf(SpaceRef space) {
    return switch (space.getType()) {
      case ORGANISATION -> find(Organisation.class, space).getName();
      case CELL -> find(Cell.class, space).getName();
      case WORKING_GROUP -> find(WorkingGroup.class, space).getName();
      case NETWORK -> NETWORK_NAME;
      case PERSON -> find(Person.class, space).getFullName();
      case TELESESSION -> find(Telesession.class, space).getTitle();
    };
  }

  private <T> T find(Class<T> type, SpaceRef space) {
    T found = em.find(type, space.getId());
    if (found == null) {
      throw new RecordNotFoundException(type, space.getId());
    }
    return found;
  }

  private long organisationOfCell(long cellId) {
    return find(Cell.class, new SpaceRef(SpaceType.CELL, cellId)).getOrganisation().getId();
  }
}
