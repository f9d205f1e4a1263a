package eu.smek.membership;

import eu.smek.shared.Translatable;

/** Where an organisation stands in the network; {@link MembershipLifecycle} says how it moves. */
public enum MembershipStatus implements Translatable {
  /** Known to the network, e.g. after the portal presented the network to it. */
  PROSPECT,
  /** Has applied to join; the accession is under way. */
  APPLICANT,
  /** Belongs to the network, with a membership number and a cooperation cell. */
  MEMBER,
  /** A member whose rights are suspended by a decision of the associations. */
  SUSPENDED,
  /** Has left the network. */
  WITHDRAWN,
  /** Its application was refused. */
  REJECTED;

  @Override
  public String messageKey() {
    return "membership.status." + name();
  }
}
