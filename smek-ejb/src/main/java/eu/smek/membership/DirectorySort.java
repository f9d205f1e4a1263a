package eu.smek.membership;

/** How the directory can be ordered; ties are broken by name, then by id, so paging is stable. */
public enum DirectorySort {
  NAME,
  ORGANISATION,
  COUNTRY,
  ROLE
}
