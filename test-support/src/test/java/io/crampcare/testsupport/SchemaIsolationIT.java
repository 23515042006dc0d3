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
        assertDenied("advice_svc", "SELECT * FROM intake.probe", "advice read intake");
    }

    @Test
    void noRoleReachesAnotherServicesSchema() throws SQLException {
        for (String role : SERVICES) {
            for (String other : SERVICES) {
                if (!other.equals(role)) {
                    assertDenied(role + "_svc", "SELECT * FROM " + other + ".probe", role + " read " + other);
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
        assertDenied("intake_svc", "CREATE TABLE public.sneaky (id int)", "intake created in public");
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

    /** Running {@code sql} as {@code role} fails: permission denied. */
    private static void assertDenied(String role, String sql, String what) throws SQLException {
        try (Connection connection = database.connectAs(role); Statement statement = connection.createStatement()) {
            SQLException denied = assertThrows(SQLException.class, () -> statement.execute(sql), what);
            assertEquals(PERMISSION_DENIED, denied.getSQLState(), what + ": " + denied.getMessage());
        }
    }
}
