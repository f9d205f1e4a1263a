package eu.smek.membership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 9: gives the organisations registered before migration 8 their search key. A Java
 * migration, because folding diacritics ({@link eu.smek.shared.SearchKeys}) is Java, not SQL; the
 * entity keeps the key current from then on.
 */
public final class OrganisationSearchKeyMigration implements JavaMigration {

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("9");
  }

  @Override
  public String getDescription() {
    return "organisation search keys";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    Map<Long, String> names = new LinkedHashMap<>();
    Map<Long, List<String>> translations = new LinkedHashMap<>();
    try (PreparedStatement select =
            connection.prepareStatement("select id, name from organisation");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        names.put(rows.getLong(1), rows.getString(2));
      }
    }
    try (PreparedStatement select =
            connection.prepareStatement(
                "select organisation_id, name from organisation_name order by language");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        translations
            .computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
            .add(rows.getString(2));
      }
    }
    try (PreparedStatement update =
        connection.prepareStatement("update organisation set search_key = ? where id = ?")) {
      for (var name : names.entrySet()) {
        update.setString(
            1,
            Organisation.searchKeyOf(
                name.getValue(), translations.getOrDefault(name.getKey(), List.of())));
        update.setLong(2, name.getKey());
        update.addBatch();
      }
      update.executeBatch();
    }
  }
}
