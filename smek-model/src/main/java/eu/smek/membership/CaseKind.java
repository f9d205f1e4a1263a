package eu.smek.membership;

import eu.smek.shared.Translatable;

/**
 * What a membership case decides: a town joining, a member suspended, or a member leaving. Each
 * ends, when approved and its signed document is in, with the organisation in {@link #outcome()}.
 */
public enum CaseKind implements Translatable {
  ACCESSION(MembershipStatus.MEMBER),
  SUSPENSION(MembershipStatus.SUSPENDED),
  WITHDRAWAL(MembershipStatus.WITHDRAWN);

  private final MembershipStatus outcome;

  CaseKind(MembershipStatus outcome) {
    this.outcome = outcome;
  }

  /** The status the organisation gets when the case is completed. */
  public MembershipStatus outcome() {
    return outcome;
  }

  /** The status the organisation has while an accession is under way. */
  public MembershipStatus whileOpen(MembershipStatus current) {
    return this == ACCESSION ? MembershipStatus.APPLICANT : current;
  }

  @Override
  public String messageKey() {
    return "membership.case.kind." + name();
  }
}
