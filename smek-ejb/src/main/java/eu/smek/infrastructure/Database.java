package eu.smek.infrastructure;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Facts about the database behind {@code SmekDS}. */
public record Database(String product, String version, String url) {

  /** The JNDI name of the datasource that wildfly-config defines. */
  public static final String JNDI_NAME = "java:jboss/datasources/SmekDS";

  public static Database of(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      return new Database(
          meta.getDatabaseProductName(), meta.getDatabaseProductVersion(), meta.getURL());
    } catch (SQLException e) {
      throw new IllegalStateException("The database is not reachable", e);
    }
  }

  /**
   * Whether this is the embedded H2 database of the quick start. Demo accounts are only ever
   * created there, so a production database on PostgreSQL never gets them.
   */
  public boolean embedded() {
    return "H2".equalsIgnoreCase(product);
  }
}
