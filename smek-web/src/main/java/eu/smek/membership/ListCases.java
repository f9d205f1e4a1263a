package eu.smek.membership;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The membership cases of the network: the open ones, or all; for association administrators. */
@Named
@ViewScoped
public class ListCases implements Serializable {

  @Inject private MembershipService membership;

  private boolean all;
  private List<MembershipCase> cases;

  public void load() {
    cases = membership.listCases(null, !all);
  }

  public boolean isAll() {
    return all;
  }

  public void setAll(boolean all) {
    this.all = all;
  }

  public List<MembershipCase> getCases() {
    return cases;
  }
}
