package eu.smek.security;

import java.util.Set;

/** The roles and permissions of an account, as the realm hands them to Shiro. */
public record Authorization(Set<String> roles, Set<String> permissions) {

  /** What an inactive or deleted account may do: nothing. */
  public static final Authorization NONE = new Authorization(Set.of(), Set.of());
}
