package eu.smek.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** The REST API, version 1. Authentication is done by ApiAuthenticationFilter before JAX-RS. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "SMEK-int API",
            version = "1",
            description =
                "The cooperation platform of the Carpathian Euroregion Cities Network. Errors are"
                    + " RFC 9457 problem details (application/problem+json)."),
    security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "token")})
@SecuritySchemes({
  @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic"),
  @SecurityScheme(
      securitySchemeName = "token",
      type = SecuritySchemeType.HTTP,
      scheme = "bearer",
      description = "A personal API token, created on the API tokens page")
})
public class RestApplication extends Application {}
