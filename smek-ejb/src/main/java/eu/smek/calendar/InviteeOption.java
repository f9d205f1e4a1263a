package eu.smek.calendar;

import java.io.Serializable;

/**
 * Someone or something that may be invited, as the invitation form suggests it.
 *
 * @param detail the town of an account or person, else null
 */
public record InviteeOption(InviteeType type, long id, String name, String detail)
    implements Serializable {

  public Invitee invitee() {
    return new Invitee(type, id);
  }
}
