package eu.smek.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads the text fields of multipart forms as UTF-8, as browsers and HTTP clients send them (RFC
 * 7578) and as Jakarta REST 3.1 says. Without it RESTEasy reads a field that names no charset as
 * US-ASCII, and "Žiadosť" arrives as "��iados��".
 */
@Provider
@PreMatching
public class MultipartCharsetFilter implements ContainerRequestFilter {

  /** RESTEasy's {@code InputPart.DEFAULT_CHARSET_PROPERTY}. */
  static final String DEFAULT_PART_CHARSET = "resteasy.provider.multipart.inputpart.defaultCharset";

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(DEFAULT_PART_CHARSET, "UTF-8");
  }
}
