package eu.smek.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The user's own API tokens: create one (its secret is shown once, in the response to the request
 * that created it, and kept nowhere) and revoke them.
 */
@Named
@RequestScoped
public class ManageApiTokens {

  @Inject private SecurityService security;

  private List<ApiToken> tokens;
  private String name;
  private String createdSecret;

  @PostConstruct
  void load() {
    tokens = security.listApiTokens();
  }

  public void create() {
    NewApiToken created = security.createApiToken(name);
    createdSecret = created.secret();
    name = null;
    load();
  }

  public void revoke(long tokenId) {
    security.revokeApiToken(tokenId);
    load();
  }

  public List<ApiToken> getTokens() {
    return tokens;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCreatedSecret() {
    return createdSecret;
  }
}
