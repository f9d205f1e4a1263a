package eu.smek.infrastructure;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request comes from, for the audit log. Filled in by the web module's filter;
 * null when not serving a web request.
 */
@RequestScoped
public class RequestOrigin {

  private String address;

  public void setAddress(String address) {
    this.address = address;
  }

  /** The client's IP address as the server saw it. */
  public String address() {
    return address;
  }
}
