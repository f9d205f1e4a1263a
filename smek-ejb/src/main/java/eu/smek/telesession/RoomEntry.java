package eu.smek.telesession;

import eu.smek.security.Account;
import java.io.Serializable;

/**
 * Someone in a telesession's room: who, for which organisation, and whether they are in (present)
 * or still in the lobby. Travels between cluster nodes, so it holds only plain values.
 */
public record RoomEntry(
    long telesessionId,
    long accountId,
    String name,
    long organisationId,
    String organisation,
    boolean admitted)
    implements Serializable {

  static RoomEntry of(long telesessionId, Account account, boolean admitted) {
    return new RoomEntry(
        telesessionId,
        account.getId(),
        account.getDisplayName(),
        account.getOrganisation().getId(),
        account.getOrganisation().getName(),
        admitted);
  }
}
