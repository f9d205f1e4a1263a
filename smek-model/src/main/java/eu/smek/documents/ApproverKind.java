package eu.smek.documents;

/**
 * Who is asked to approve: one person (by their account), or a town or association, for which its
 * coordinator answers.
 */
public enum ApproverKind {
  ACCOUNT,
  ORGANISATION
}
