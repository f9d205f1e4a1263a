package eu.smek.calendar.ical;

import java.util.Objects;

/**
 * The organiser of an event: a name (may be null) and an e-mail address.
 *
 * @param name shown by calendar programs, may be null
 * @param email a plain address ({@code jan@example.org}), checked by {@link IcsAddresses}
 */
public record IcsPerson(String name, String email) {

  public IcsPerson {
    name = IcsAddresses.name(name);
    email = IcsAddresses.email(Objects.requireNonNull(email, "email"));
  }
}
