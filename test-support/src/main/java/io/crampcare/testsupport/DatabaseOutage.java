package io.crampcare.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL unavailable to one service, as that service sees it: every connection of its role dropped and new ones
 * refused ("too many connections for role", the role's connection limit at 0) until {@link #close()}. Roles are
 * cluster-wide, so other runs on the same server using the role see the same outage while it lasts: keep it short.
 */
public final class DatabaseOutage implements AutoCloseable {

    private final Connection admin;
    private final String role;

    private DatabaseOutage(Connection admin, String role) {
        this.admin = admin;
        this.role = role;
    }

    /**
     * Starts an outage for {@code role} (e.g. {@code intake_svc}), with a superuser connection to {@code jdbcUrl} (the
     * test database's superuser: PGUSER / PGPASSWORD, also on containers, see {@link DevServicesSwitch}).
     */
    public static DatabaseOutage of(String jdbcUrl, String role) throws SQLException {
        Connection admin = DriverManager.getConnection(jdbcUrl, TestDatabase.ADMIN_USER, TestDatabase.ADMIN_PASSWORD);
        try (Statement statement = admin.createStatement()) {
            statement.execute("ALTER ROLE " + role + " CONNECTION LIMIT 0");
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + role + "'");
        } catch (SQLException e) {
            admin.close();
            throw e;
        }
        return new DatabaseOutage(admin, role);
    }

    /** Ends the outage: the role may connect again. */
    @Override
    public void close() throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("ALTER ROLE " + role + " CONNECTION LIMIT -1");
        } finally {
            admin.close();
        }
    }
}
