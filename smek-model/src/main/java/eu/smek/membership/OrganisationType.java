package eu.smek.membership;

/** What kind of organisation belongs to the network. */
public enum OrganisationType {
  /** A town (gmina, mesto): has a cooperation cell and casts one vote. */
  TOWN,
  /** A euroregion association: coordinates the network and administers membership. */
  ASSOCIATION
}
