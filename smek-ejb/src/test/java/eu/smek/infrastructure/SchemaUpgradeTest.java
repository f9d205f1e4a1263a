package eu.smek.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upgrades: a database made by an older version of SMEK-int, with data in it, is brought to the
 * current schema by the same migrations as at start-up ({@link SchemaMigrations#configuration()}),
 * losing nothing. For every version before the latest: migrate an empty database to it, fill every
 * table with rows of that time (plain SQL, as that version's application wrote them), migrate to
 * the latest, and compare. Every row of every table is still there with the same values in the
 * columns it had, except those that a later migration is meant to fill in; the rules added later
 * hold for the old rows too. A new migration is tested against all older schemas without any change
 * here; a migration that adds tables adds rows for them to {@link #ROWS}.
 *
 * <p>On H2, the embedded database, always; on PostgreSQL when {@code SMEK_DB_URL} names one (as in
 * {@code .ci/run}'s second stage): in databases of its own on that server, dropped afterwards.
 */
class SchemaUpgradeTest {

  /**
   * Columns that a later migration fills in or replaces for old rows on purpose: migration 9 (Java)
   * gives the organisations registered before migration 8 their search key; migration 19 replaces
   * the events' long_range (17), worked out from their range, by range_class.
   */
  private static final Set<String> FILLED_IN_LATER =
      Set.of("organisation.search_key", "calendar_event.long_range");

  /**
   * Representative rows for every table, by the version that created the table, as that version
   * wrote them. Ids from 500 on: below the sequences' 1000, above the seeded rows.
   */
  private static final NavigableMap<Integer, List<Row>> ROWS = new TreeMap<>();

  static {
    ROWS.put(
        1,
        List.of(
            sql(
                "insert into organisation (id, version, code, name, country, type, lead_partner)"
                    + " values (500, 0, 'UP1', 'Mesto Stará Ľubovňa', 'SK', 'TOWN', false)"),
            sql(
                "insert into account (id, version, login, display_name, email, password_hash,"
                    + " active, language, organisation_id, created_at) values (500, 3,"
                    + " 'upgrade', 'Ján Šťastný', 'jan@example.sk', '$shiro2$argon2id$v=19$x',"
                    + " true, 'sk', 500, current_timestamp)"),
            sql("insert into account_role (account_id, role) values (500, 'TOWN_COORDINATOR')"),
            sql(
                "insert into api_token (id, version, account_id, name, token_hash, prefix,"
                    + " created_at, last_used_at, revoked_at) values (500, 0, 500, 'Skript',"
                    + " '"
                    + "a".repeat(64)
                    + "', 'smek_abc', current_timestamp, current_timestamp, null)"),
            sql(
                "insert into login_throttle (login_key, version, failures, last_failure_at,"
                    + " locked_until) values ('upgrade', 1, 2, current_timestamp, null)"),
            sql(
                "insert into audit_entry (id, occurred_at, actor, action, target, details,"
                    + " source_address) values (500, current_timestamp, 'upgrade', 'LOGIN', null,"
                    + " 'Prihlásenie – ąęłńóśźż', '192.0.2.1')")));
    ROWS.put(
        3,
        List.of(
            sql(
                "insert into stored_file (id, name, content_type, size, sha256, uploaded_at,"
                    + " uploaded_by) values (500, 'Uznesenie.pdf', 'application/pdf', 4, '"
                    + "b".repeat(64)
                    + "', current_timestamp, 'upgrade')"),
            sql(
                "insert into stored_file_content (id, data) values (500, ?)",
                new byte[] {'%', 'P', 'D', 'F', 0, (byte) 0xff}),
            sql(
                "update organisation set status = 'MEMBER', membership_number = 'SMEK-500',"
                    + " city = 'Stará Ľubovňa', latitude = 49.298600, longitude = 20.686000,"
                    + " logo_id = 500 where id = 500"),
            sql(
                "insert into organisation_name (organisation_id, language, name) values (500,"
                    + " 'pl', 'Miasto Stara Lubowla')"),
            sql(
                "insert into membership_change (id, organisation_id, from_status, to_status,"
                    + " effective_on, reason, document_id, recorded_at, recorded_by) values"
                    + " (500, 500, 'APPLICANT', 'MEMBER', current_date, 'Uznesenie č. 12/2026',"
                    + " 500, current_timestamp, 'upgrade')")));
    ROWS.put(
        4,
        List.of(
            sql(
                "insert into cell (id, version, organisation_id, email, established_on) values"
                    + " (500, 0, 500, 'bunka@example.sk', current_date)"),
            sql(
                "insert into person (id, version, cell_id, given_name, family_name, position,"
                    + " email, phone, cell_role, telework, photo_id, search_key) values (500, 0,"
                    + " 500, 'Ján', 'Šťastný', 'Koordinátor', 'jan@example.sk', '+421 52 123',"
                    + " 'COORDINATOR', true, null, 'jan stastny koordinator jan@example.sk')"),
            sql(
                "insert into person_language (person_id, sort_order, language, level) values"
                    + " (500, 0, 'pl', 'B2')"),
            sql("insert into person_topic (person_id, topic) values (500, 'TOURISM')"),
            sql("update account set person_id = 500 where id = 500")));
    ROWS.put(
        5,
        List.of(
            sql(
                "insert into invitation (id, version, person_id, role, token_hash, created_at,"
                    + " created_by, expires_at, accepted_at, revoked_at) values (500, 0, 500,"
                    + " 'CLERK', '"
                    + "c".repeat(64)
                    + "', current_timestamp, 'upgrade', current_timestamp, null, null)"),
            sql(
                "insert into notification (id, recipient_id, created_at, title, body, link,"
                    + " read_at) values (500, 500, current_timestamp, 'Nová pozvánka',"
                    + " 'Text', '/membership/view-organisation?id=500', null)"),
            sql(
                "insert into outgoing_mail (id, recipient, subject, body, created_at, attempts,"
                    + " next_attempt_at, sent_at, last_error) values (500, 'jan@example.sk',"
                    + " 'Pozvánka', 'Text', current_timestamp, 2, current_timestamp, null,"
                    + " 'Connection refused')")));
    ROWS.put(
        6,
        List.of(
            sql(
                "insert into membership_case (id, version, organisation_id, kind, state,"
                    + " contact_name, contact_position, contact_email, contact_phone, opened_at,"
                    + " closed_at) values (500, 1, 500, 'ACCESSION', 'UNDER_REVIEW', 'Ján"
                    + " Šťastný', 'Primátor', 'jan@example.sk', null, current_timestamp, null)"),
            sql(
                "insert into membership_case_entry (id, case_id, step, details, document_id,"
                    + " recorded_at, recorded_by) values (500, 500, 'OPENED', 'Žiadosť', 500,"
                    + " current_timestamp, 'upgrade')"),
            sql(
                "insert into membership_case_signature (case_id, ordinal, signer_name, signed_at,"
                    + " reason, location, sub_filter) values (500, 0, 'Ján Šťastný',"
                    + " current_timestamp, 'Schválenie', 'Stará Ľubovňa', 'ETSI.CAdES.detached')")));
    ROWS.put(
        7,
        List.of(
            sql(
                "insert into working_group (id, version, topic, status, coordinator_id,"
                    + " search_key) values (500, 0, 'TRANSPORT', 'ACTIVE', 500, 'doprava')"),
            sql(
                "insert into working_group_name (working_group_id, language, name) values (500,"
                    + " 'sk', 'Doprava')"),
            sql(
                "insert into working_group_description (working_group_id, language,"
                    + " description) values (500, 'sk', 'Cezhraničná doprava')"),
            sql(
                "insert into working_group_member (working_group_id, person_id) values (500,"
                    + " 500)")));
    // From version 8 on the application writes an organisation's search key itself.
    ROWS.put(
        8,
        List.of(
            sql(
                "update organisation set search_key = 'mesto stara lubovna miasto stara lubowla'"
                    + " where id = 500")));
    ROWS.put(
        10,
        List.of(
            sql(
                "insert into library (id, version, space_type, space_id, name, description,"
                    + " visibility, created_at) values (500, 0, 'ORGANISATION', 500, 'Knižnica',"
                    + " null, 'PRIVATE', current_timestamp)"),
            sql(
                "insert into library_right (library_id, role, granted) values (500, 'CLERK',"
                    + " 'UPLOAD')"),
            sql(
                "insert into folder (id, version, library_id, parent_id, name, visibility)"
                    + " values (500, 0, 500, null, 'Zápisnice', null)"),
            sql(
                "insert into document (id, version, library_id, folder_id, title, description,"
                    + " type, language, reference_number, language_group, locked_by,"
                    + " locked_by_name, locked_at, lock_expires_at, created_at, updated_at)"
                    + " values (500, 2, 500, 500, 'Zápisnica', null, 'MINUTES', 'sk', 'Z-1/2026',"
                    + " 500, 500, 'Ján Šťastný', current_timestamp, current_timestamp,"
                    + " current_timestamp, current_timestamp)"),
            sql("insert into document_tag (document_id, tag) values (500, 'rada')"),
            sql(
                "insert into document_version (id, document_id, number, file_name, content_type,"
                    + " size, sha256, comment, author_id, author_name, created_at, restored_from,"
                    + " approval_state, thumbnail_sha256) values (500, 500, 1, 'Zápisnica.pdf',"
                    + " 'application/pdf', 1234, '"
                    + "d".repeat(64)
                    + "', 'Prvá verzia', 500, 'Ján Šťastný', current_timestamp, null, 'PENDING',"
                    + " '"
                    + "e".repeat(64)
                    + "')"),
            sql(
                "insert into approval (id, version_id, approver_kind, approver_id, approver_name,"
                    + " decision, comment, decided_at, decided_by) values (500, 500, 'ACCOUNT',"
                    + " 500, 'Ján Šťastný', 'PENDING', null, null, null)")));
    ROWS.put(
        11,
        List.of(
            sql(
                "insert into document_text (version_id, content, outcome, extracted_at) values"
                    + " (500, 'Zápisnica zo zasadnutia', 'COMPLETE', current_timestamp)")));
    ROWS.put(
        12,
        List.of(
            sql(
                "insert into search_journal (id, entity, entity_id, recorded_at) values (500,"
                    + " 'Document', 500, current_timestamp)")));
    ROWS.put(
        13,
        List.of(
            sql(
                "insert into calendar (id, version, space_type, space_id, colour, created_at)"
                    + " values (500, 0, 'ORGANISATION', 500, '#aa3300', current_timestamp)"),
            sql(
                "insert into calendar_event (id, version, calendar_id, uid, sequence_number,"
                    + " master_id, recurrence_id, title, description, language, location, all_day,"
                    + " starts_at, ends_at, time_zone, rrule, visibility, organiser_account_id,"
                    + " organiser_name, range_start, range_end, created_at, created_by, updated_at,"
                    + " updated_by) values (500, 1, 500, 'a@smek-int', 2, null, null, 'Zasadnutie',"
                    + " 'Program', 'sk', 'Radnica', false, timestamp '2026-03-19 10:00:00',"
                    + " timestamp '2026-03-19 11:00:00', 'Europe/Bratislava',"
                    + " 'FREQ=WEEKLY;BYDAY=TH', 'NETWORK', 500, 'Ján Šťastný', current_timestamp,"
                    + " null, current_timestamp, 'jan', current_timestamp, 'jan')"),
            sql(
                "insert into calendar_event (id, version, calendar_id, uid, sequence_number,"
                    + " master_id, recurrence_id, title, description, language, location, all_day,"
                    + " starts_at, ends_at, time_zone, rrule, visibility, organiser_account_id,"
                    + " organiser_name, range_start, range_end, created_at, created_by, updated_at,"
                    + " updated_by) values (501, 0, 500, 'a@smek-int', 3, 500, timestamp"
                    + " '2026-03-26 10:00:00', 'Zasadnutie (presunuté)', null, 'sk', null, false,"
                    + " timestamp '2026-03-27 10:00:00', timestamp '2026-03-27 11:00:00',"
                    + " 'Europe/Bratislava', null, 'NETWORK', 500, 'Ján Šťastný',"
                    + " current_timestamp, current_timestamp, current_timestamp, 'jan',"
                    + " current_timestamp, 'jan')"),
            sql(
                "insert into calendar_event (id, version, calendar_id, uid, sequence_number,"
                    + " title, all_day, starts_at, ends_at, time_zone, rrule, visibility,"
                    + " range_start, range_end, created_at, updated_at) values (502, 0, 500,"
                    + " 'b@smek-int', 0, 'Dyżur', false, timestamp '2026-03-05 10:00:00',"
                    + " timestamp '2026-03-05 11:00:00', 'Europe/Warsaw',"
                    + " 'FREQ=WEEKLY;COUNT=6', 'PRIVATE',"
                    + " timestamp with time zone '2026-03-05 09:00:00+00',"
                    + " timestamp with time zone '2026-04-09 09:00:00+00', current_timestamp,"
                    + " current_timestamp)"),
            sql(
                "insert into calendar_event_text (event_id, language, title, description) values"
                    + " (500, 'pl', 'Posiedzenie', null)"),
            sql(
                "insert into calendar_event_exdate (event_id, excluded_start) values (500,"
                    + " timestamp '2026-04-02 10:00:00')"),
            sql(
                "insert into calendar_event_category (event_id, category) values (500,"
                    + " 'rada')")));
    ROWS.put(
        16,
        List.of(
            sql(
                "insert into calendar_feed (id, account_id, token_hash, created_at, last_used_at)"
                    + " values (500, 500, '"
                    + "f".repeat(64)
                    + "', current_timestamp, null)"),
            sql(
                "insert into calendar_reminder (id, event_id, account_id, minutes_before,"
                    + " by_email, in_app) values (500, 500, 500, 15, true, false)"),
            sql(
                "insert into calendar_reminder_sent (reminder_id, occurrence_start, sent_at)"
                    + " values (500, timestamp with time zone '2026-03-19 09:00:00+00',"
                    + " current_timestamp)")));
    ROWS.put(
        20,
        List.of(
            sql(
                "insert into telesession (id, version, title, description, organisation_id,"
                    + " chair_account_id, secretary_account_id, event_id, status, visibility,"
                    + " quorum_numerator, quorum_denominator, quorum_strict, created_at,"
                    + " created_by, opened_at, closed_at) values (500, 0, 'Rada siete',"
                    + " 'Program', 500, 500, 500, 500, 'CLOSED', 'NETWORK', 1, 2, true,"
                    + " current_timestamp, 'jan', current_timestamp, current_timestamp)"),
            sql(
                "insert into telesession_organisation (telesession_id, organisation_id)"
                    + " values (500, 500)"),
            sql("insert into telesession_account (telesession_id, account_id) values (500, 500)"),
            sql(
                "insert into telesession_delegate (telesession_id, organisation_id, account_id)"
                    + " values (500, 500, 500)"),
            sql(
                "insert into telesession_agenda_item (id, version, telesession_id, position,"
                    + " title, presenter, planned_minutes) values (500, 0, 500, 0, 'Rozpočet',"
                    + " 'Ján Šťastný', 20)"),
            sql(
                "insert into telesession_attendance (id, version, telesession_id, account_id,"
                    + " organisation_id, joined_at, left_at, source, note, corrected_by) values"
                    + " (500, 1, 500, 500, 500, current_timestamp, current_timestamp,"
                    + " 'CORRECTED', 'telefonicky', 'jan')"),
            sql(
                "insert into telesession_motion (id, version, telesession_id, agenda_item_id,"
                    + " text, kind, status, opened_at, closed_at, yes_count, no_count,"
                    + " abstain_count, present_count, member_count, quorum_reached, adopted,"
                    + " resolution_year, resolution_number) values (500, 2, 500, 500,"
                    + " 'Schvaľuje rozpočet', 'ROLL_CALL', 'CLOSED', current_timestamp,"
                    + " current_timestamp, 1, 0, 0, 1, 1, true, true, 2027, 1)"),
            sql(
                "insert into telesession_ballot (id, motion_id, organisation_id, account_id,"
                    + " choice, cast_at) values (500, 500, 500, 500, 'YES', current_timestamp)"),
            sql(
                "insert into telesession_resolution_counter (resolution_year, last_number)"
                    + " values (2027, 1)")));
    ROWS.put(
        18,
        List.of(
            sql(
                "insert into calendar_event_document (id, event_id, document_id, attached_at,"
                    + " attached_by) values (500, 500, 500, current_timestamp, 'jan')")));
    ROWS.put(
        15,
        List.of(
            sql(
                "insert into calendar_resource (id, version, organisation_id, kind, name,"
                    + " capacity, description, active, created_at, updated_at, updated_by) values"
                    + " (500, 0, 500, 'ROOM', 'Zasadačka mestského zastupiteľstva', 40,"
                    + " 'Projektor, ozvučenie', true, current_timestamp, current_timestamp,"
                    + " 'jan')"),
            sql(
                "insert into calendar_booking (id, resource_id, event_id, booked_at, booked_by)"
                    + " values (500, 500, 500, current_timestamp, 'jan')")));
    ROWS.put(
        14,
        List.of(
            sql(
                "insert into calendar_attendee (id, version, event_id, account_id, person_id,"
                    + " email, display_name, language, role, part_stat, answered_at, token_hash,"
                    + " invited_through_type, invited_through_id, invited_through_name,"
                    + " invited_at, invited_by) values (500, 1, 500, 500, 500, 'jan@example.sk',"
                    + " 'Ján Šťastný', 'sk', 'REQ_PARTICIPANT', 'ACCEPTED', current_timestamp,"
                    + " '"
                    + "ab".repeat(32)
                    + "', 'CELL', 500, 'Humenné', current_timestamp, 'jan')"),
            sql(
                "insert into outgoing_mail (id, recipient, subject, body, created_at, attempts,"
                    + " next_attempt_at, sent_at, last_error, calendar_method, calendar_text)"
                    + " values (501, 'jan@example.sk', 'Pozvánka: Zasadnutie', 'Text',"
                    + " current_timestamp, 0, current_timestamp, null, null, 'REQUEST',"
                    + " 'BEGIN:VCALENDAR')")));
  }

  static Stream<Target> earlierVersions() throws Exception {
    List<Target> targets = new ArrayList<>();
    for (Engine engine : Engine.available()) {
      List<Integer> versions = engine.withEmptyDatabase(SchemaUpgradeTest::versions);
      for (int version : versions.subList(0, versions.size() - 1)) {
        targets.add(new Target(engine, version));
      }
    }
    return targets.stream();
  }

  @ParameterizedTest
  @MethodSource("earlierVersions")
  void aDatabaseWithDataAtAnEarlierVersionUpgradesToTheLatestWithoutLoss(Target target)
      throws Exception {
    target
        .engine()
        .withEmptyDatabase(
            url -> {
              migrate(url, target.version());
              try (Connection connection = target.engine().connect(url)) {
                for (var rows : ROWS.entrySet()) {
                  if (rows.getKey() <= target.version()) {
                    for (Row row : rows.getValue()) {
                      row.insert(connection);
                    }
                  }
                }
              }
              Map<String, List<String>> before = contents(target.engine(), url, Map.of());
              assertThat(before)
                  .as("tables at version %d", target.version())
                  .containsKey("account");
              Map<String, Set<String>> columns = new TreeMap<>();
              try (Connection connection = target.engine().connect(url)) {
                for (String table : before.keySet()) {
                  columns.put(table, columnsOf(connection, table));
                }
              }

              migrate(url, null);

              Map<String, List<String>> after = contents(target.engine(), url, columns);
              for (var table : before.entrySet()) {
                // Later migrations may add rows (seed data), never lose or change one.
                assertThat(after.get(table.getKey()))
                    .as("%s from version %d", table.getKey(), target.version())
                    .containsAll(table.getValue());
              }
              try (Connection connection = target.engine().connect(url)) {
                rulesAddedLaterHold(connection, target.version());
              }
              return null;
            });
  }

  /** The representative rows cover every table of the newest version that has them. */
  @ParameterizedTest
  @MethodSource("engines")
  void everyTableHasRepresentativeRows(Engine engine) throws Exception {
    int newest = ROWS.lastKey();
    Set<String> filled = new TreeSet<>();
    ROWS.values().stream().flatMap(List::stream).map(Row::table).forEach(filled::add);
    Set<String> tables =
        engine.withEmptyDatabase(
            url -> {
              migrate(url, newest);
              return contents(engine, url, Map.of()).keySet();
            });
    assertThat(filled).containsAll(tables);
  }

  static List<Engine> engines() {
    return Engine.available();
  }

  /**
   * The rules that later migrations added, checked on the rows of the older version: every
   * organisation gets a status (3) and a search key (8, 9); membership numbers stay unique (3); a
   * person has at most one account (4); calendar events are in the slice of their range's length
   * (19).
   */
  private static void rulesAddedLaterHold(Connection connection, int version) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet organisation =
            statement.executeQuery(
                "select status, membership_number, search_key from organisation where id = 500")) {
      assertThat(organisation.next()).isTrue();
      if (version < 3) {
        assertThat(organisation.getString(1)).isEqualTo("PROSPECT");
        assertThat(organisation.getString(2)).isNull();
      } else {
        assertThat(organisation.getString(1)).isEqualTo("MEMBER");
        assertThat(organisation.getString(2)).isEqualTo("SMEK-500");
      }
      assertThat(organisation.getString(3))
          .as("filled in by migration 9")
          .contains("mesto stara lubovna")
          .contains(version >= 3 ? "miasto stara lubowla" : "mesto");
    }
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "update organisation set membership_number = 'SMEK-777' where id = 500");
      assertThatThrownBy(
              () ->
                  statement.executeUpdate(
                      "update organisation set membership_number = 'SMEK-777' where id = 4"))
          .isInstanceOf(SQLException.class);
    }
    if (version >= 4) {
      try (Statement statement = connection.createStatement()) {
        assertThatThrownBy(
                () ->
                    statement.executeUpdate(
                        "insert into account (id, version, login, display_name, email, active,"
                            + " language, organisation_id, created_at, person_id) values (501,"
                            + " 0, 'second', 'Second', 's@example.sk', true, 'sk', 500,"
                            + " current_timestamp, 500)"))
            .isInstanceOf(SQLException.class);
      }
    }
    // Migration 19 classifies the events that existed before it; rows written at version 19 or
    // later come with the class the application gave them (the rows of 13 here have none).
    if (version >= 13 && version < 19) {
      try (Statement statement = connection.createStatement();
          ResultSet events =
              statement.executeQuery(
                  "select range_class from calendar_event where id in (500, 501, 502) order by id")) {
        List<String> classes = new ArrayList<>();
        while (events.next()) {
          classes.add(events.getString(1));
        }
        // Unending, one instant, five weeks.
        assertThat(classes).containsExactly("LONG", "BRIEF", "SHORT");
      }
    }
  }

  private static void migrate(String url, Integer target) {
    var configuration =
        SchemaMigrations.configuration().dataSource(url, Engine.user(url), Engine.password(url));
    if (target != null) {
      configuration.target(MigrationVersion.fromVersion(Integer.toString(target)));
    }
    configuration.load().migrate();
  }

  private static List<Integer> versions(String url) {
    Flyway flyway =
        SchemaMigrations.configuration()
            .dataSource(url, Engine.user(url), Engine.password(url))
            .load();
    return Stream.of(flyway.info().all())
        .map(MigrationInfo::getVersion)
        .map(version -> Integer.parseInt(version.getVersion()))
        .sorted()
        .toList();
  }

  /**
   * Every table's rows, each as one string of its columns' values (only {@code only}'s columns of
   * the tables named there, without the columns filled in later), sorted by column name.
   */
  private static Map<String, List<String>> contents(
      Engine engine, String url, Map<String, Set<String>> only) throws SQLException {
    Map<String, List<String>> contents = new TreeMap<>();
    try (Connection connection = engine.connect(url)) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows =
          connection
              .getMetaData()
              .getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
        while (rows.next()) {
          String table = rows.getString("TABLE_NAME").toLowerCase();
          if (!table.equals("flyway_schema_history")) {
            tables.add(table);
          }
        }
      }
      for (String table : tables) {
        Set<String> wanted = only.isEmpty() ? columnsOf(connection, table) : only.get(table);
        if (wanted == null) {
          continue;
        }
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("select * from " + table)) {
          ResultSetMetaData meta = rows.getMetaData();
          while (rows.next()) {
            Map<String, String> line = new TreeMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              String column = meta.getColumnName(i).toLowerCase();
              if (wanted.contains(column) && !FILLED_IN_LATER.contains(table + "." + column)) {
                Object value = rows.getObject(i);
                line.put(
                    column,
                    value instanceof byte[] bytes
                        ? HexFormat.of().formatHex(bytes)
                        : String.valueOf(value));
              }
            }
            lines.add(line.toString());
          }
        }
        contents.put(table, lines);
      }
    }
    return contents;
  }

  private static Set<String> columnsOf(Connection connection, String table) throws SQLException {
    Set<String> columns = new TreeSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select * from " + table + " where 1 = 0")) {
      for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
        columns.add(rows.getMetaData().getColumnName(i).toLowerCase());
      }
    }
    return columns;
  }

  private static final Pattern INSERT = Pattern.compile("(?:insert into|update) (\\w+).*");

  private static Row sql(String sql, Object... parameters) {
    return new Row(sql, parameters);
  }

  /** One statement of representative data, as the application of its version wrote it. */
  record Row(String sql, Object... parameters) {
    String table() {
      Matcher matcher = INSERT.matcher(sql);
      if (!matcher.matches()) {
        throw new IllegalArgumentException(sql);
      }
      return matcher.group(1);
    }

    void insert(Connection connection) throws SQLException {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          statement.setObject(i + 1, parameters[i]);
        }
        assertThat(statement.executeUpdate()).as(sql).isEqualTo(1);
      }
    }
  }

  record Target(Engine engine, int version) {
    @Override
    public String toString() {
      return engine + " from version " + version;
    }
  }

  /** A database product with a way to make and drop empty databases. */
  enum Engine {
    H2,
    POSTGRESQL;

    private static final Pattern POSTGRESQL_URL =
        Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(.*)");

    /** H2 always; PostgreSQL when SMEK_DB_URL names a server to make databases on. */
    static List<Engine> available() {
      String url = System.getenv("SMEK_DB_URL");
      return url != null && POSTGRESQL_URL.matcher(url).matches()
          ? List.of(H2, POSTGRESQL)
          : List.of(H2);
    }

    Connection connect(String url) throws SQLException {
      return DriverManager.getConnection(url, user(url), password(url));
    }

    static String user(String url) {
      return url.startsWith("jdbc:h2:")
          ? "sa"
          : System.getenv().getOrDefault("SMEK_DB_USER", "postgres");
    }

    static String password(String url) {
      return url.startsWith("jdbc:h2:")
          ? "sa"
          : System.getenv().getOrDefault("SMEK_DB_PASSWORD", "");
    }

    /** Runs {@code work} on a new empty database, which is gone afterwards. */
    <T> T withEmptyDatabase(Work<T> work) throws Exception {
      String suffix = "_upgrade_" + UUID.randomUUID().toString().substring(0, 8);
      if (this == H2) {
        // The server's H2 options (02-datasource.cli); the database lives as long as the work.
        String url =
            "jdbc:h2:mem:smek"
                + suffix
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (Connection keepAlive = DriverManager.getConnection(url, "sa", "sa")) {
          return work.on(url);
        }
      }
      Matcher server = POSTGRESQL_URL.matcher(System.getenv("SMEK_DB_URL"));
      Assumptions.assumeTrue(server.matches());
      // Named after the database the build was given, so that whose it is stays clear.
      String name = server.group(2) + suffix;
      String maintenance = server.group(1) + "postgres" + server.group(3);
      try (Connection admin = connect(maintenance);
          Statement statement = admin.createStatement()) {
        statement.execute("create database " + name);
      }
      try {
        return work.on(server.group(1) + name + server.group(3));
      } finally {
        try (Connection admin = connect(maintenance);
            Statement statement = admin.createStatement()) {
          statement.execute("drop database if exists " + name);
        }
      }
    }
  }

  @FunctionalInterface
  interface Work<T> {
    T on(String url) throws Exception;
  }
}
