package eu.smek.membership;

import static eu.smek.security.Permissions.MEMBERSHIP_VIEW;

import eu.smek.security.RequiresPermission;
import eu.smek.shared.RecordNotFoundException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reads and changes the network's organisations. */
@Stateless
public class MembershipService {

  @PersistenceContext private EntityManager em;

  /** All organisations, associations first, then by country and name. */
  @RequiresPermission(MEMBERSHIP_VIEW)
  public List<Organisation> listOrganisations() {
    return em.createQuery(
            "select o from Organisation o order by o.type, o.country, o.name", Organisation.class)
        .getResultList();
  }

  @RequiresPermission(MEMBERSHIP_VIEW)
  public Organisation getOrganisation(long id) {
    Organisation organisation = em.find(Organisation.class, id);
    if (organisation == null) {
      throw new RecordNotFoundException(Organisation.class, id);
    }
    return organisation;
  }
}
