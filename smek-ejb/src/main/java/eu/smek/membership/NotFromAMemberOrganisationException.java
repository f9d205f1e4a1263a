package eu.smek.membership;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** Working groups bring together people of the network's member organisations only. */
public class NotFromAMemberOrganisationException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public NotFromAMemberOrganisationException(String person, String organisation) {
    super("membership.workingGroup.rule.notFromMember", person, organisation);
  }
}
