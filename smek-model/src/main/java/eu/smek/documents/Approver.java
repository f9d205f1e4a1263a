package eu.smek.documents;

import java.io.Serial;
import java.io.Serializable;

/** Someone asked to approve a version: an account, or an organisation through its coordinator. */
public record Approver(ApproverKind kind, long id, String name) implements Serializable {
  @Serial private static final long serialVersionUID = 1L;
}
