package eu.smek.membership;

import static eu.smek.membership.MembershipStatus.APPLICANT;
import static eu.smek.membership.MembershipStatus.MEMBER;
import static eu.smek.membership.MembershipStatus.PROSPECT;
import static eu.smek.membership.MembershipStatus.REJECTED;
import static eu.smek.membership.MembershipStatus.SUSPENDED;
import static eu.smek.membership.MembershipStatus.WITHDRAWN;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The membership lifecycle: which status may follow which, and what each change needs. A prospect
 * applies; an application is admitted or rejected; a member may be suspended, reinstated or leave;
 * a town that was rejected or has left may apply again.
 */
public final class MembershipLifecycle {

  private static final Map<MembershipStatus, Set<MembershipStatus>> NEXT =
      Map.of(
          PROSPECT, EnumSet.of(APPLICANT),
          APPLICANT, EnumSet.of(MEMBER, REJECTED),
          MEMBER, EnumSet.of(SUSPENDED, WITHDRAWN),
          SUSPENDED, EnumSet.of(MEMBER, WITHDRAWN),
          WITHDRAWN, EnumSet.of(APPLICANT),
          REJECTED, EnumSet.of(APPLICANT));

  private MembershipLifecycle() {}

  /** The statuses an organisation with the given status may move to. */
  public static Set<MembershipStatus> next(MembershipStatus from) {
    return EnumSet.copyOf(NEXT.get(from));
  }

  public static boolean allows(MembershipStatus from, MembershipStatus to) {
    return NEXT.get(from).contains(to);
  }

  /**
   * Whether a change to this status must say why: a refusal, a suspension or a departure is
   * explained to the town and recorded for the network.
   */
  public static boolean needsReason(MembershipStatus to) {
    return to == REJECTED || to == SUSPENDED || to == WITHDRAWN;
  }

  /**
   * Whether a change to this status must be backed by a document: the signed declaration or the
   * associations' decision (admission, reinstatement, suspension, withdrawal).
   */
  public static boolean needsDocument(MembershipStatus to) {
    return to == MEMBER || to == SUSPENDED || to == WITHDRAWN;
  }
}
