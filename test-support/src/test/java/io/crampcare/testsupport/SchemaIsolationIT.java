package io.crampcare.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** init.sql on real PostgreSQL: each service role works in its own schema and nowhere else. */
class SchemaIsolationIT {

    private static final List<String> SERVICES = List.of("intake", "advice", "reminder");
    private static final String PERMISSION_DENIED = "42501";

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = TestDatabase.create("isolation");
        // Each service keeps a row in a table of its own schema, as its migrations would.
        for (String service : SERVICES) {
            try (Connection connection = database.connectAs(service + "_svc"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE probe (id int PRIMARY KEY)");
                statement.execute("INSERT INTO probe VALUES (1)");
            }
        }
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void adviceRoleCannotReadIntakeTables() throws SQLException {
        try (Connection advice = database.connectAs("advice_svc"); Statement statement = advice.createStatement()) {
            SQLException denied = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM intake.probe"));

            assertEquals(PERMISSION_DENIED, denied.getSQLState(), denied.getMessage());
        }
    }

    @Test
    void noRoleReachesAnotherServicesSchema() throws SQLException {
        for (String role : SERVICES) {
            try (Connection connection = database.connectAs(role + "_svc"); Statement statement = connection.createStatement()) {
                for (String other : SERVICES) {
                    if (other.equals(role)) {
                        continue;
                    }
                    SQLException denied = assertThrows(SQLException.class,
                            () -> statement.executeQuery("SELECT * FROM " + other + ".probe"), role + " read " + other);
                    assertEquals(PERMISSION_DENIED, denied.getSQLState(), role + " on " + other + ": " + denied.getMessage());
                }
            }
        }
    }

    @Test
    void eachRoleFindsItsOwnTablesUnqualified() throws SQLException {
        for (String service : SERVICES) {
            try (Connection connection = database.connectAs(service + "_svc");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT current_schema(), count(*) FROM probe GROUP BY 1")) {
                rows.next();
                assertEquals(service, rows.getString(1));
                assertEquals(1, rows.getInt(2));
            }
        }
    }

    @Test
    void serviceRolesCannotCreateInPublic() throws SQLException {
        try (Connection intake = database.connectAs("intake_svc"); Statement statement = intake.createStatement()) {
            SQLException denied = assertThrows(SQLException.class, () -> statement.execute("CREATE TABLE public.sneaky (id int)"));

            assertEquals(PERMISSION_DENIED, denied.getSQLState(), denied.getMessage());
        }
    }

    @Test
    void initSqlRunsAgainWithoutHarm() throws SQLException {
        database.applyInitSql();

        try (Connection intake = database.connectAs("intake_svc");
                Statement statement = intake.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM intake.probe")) {
            rows.next();
            assertEquals(1, rows.getInt(1), "re-running init.sql must keep existing data");
        }
    }
}
