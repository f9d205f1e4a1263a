package eu.smek.membership;

import eu.smek.shared.Translatable;

/** A field of town-hall work in which people are competent and working groups are active. */
public enum Topic implements Translatable {
  TOURISM,
  CULTURE,
  TRANSPORT,
  ENVIRONMENT,
  ECONOMY,
  EDUCATION,
  SOCIAL_AFFAIRS,
  HEALTH,
  SPORT,
  SAFETY,
  EU_FUNDS,
  DIGITAL,
  SPATIAL_PLANNING,
  ADMINISTRATION;

  @Override
  public String messageKey() {
    return "membership.topic." + name();
  }
}
