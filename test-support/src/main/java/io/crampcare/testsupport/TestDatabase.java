package io.crampcare.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * A PostgreSQL database that belongs to one test run, with {@code deploy/postgres/init.sql} applied, dropped
 * on {@link #close()}. The server is the one psql would use: {@code PGHOST}, {@code PGPORT}, {@code PGUSER},
 * {@code PGPASSWORD}, defaulting to the superuser {@code postgres} on 127.0.0.1:5432.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String INIT_SQL = "/crampcare/init.sql";
    private static final String HOST = LocalServices.env("PGHOST").orElse("127.0.0.1");
    private static final String PORT = LocalServices.env("PGPORT").orElse("5432");
    static final String ADMIN_USER = LocalServices.env("PGUSER").orElse("postgres");
    static final String ADMIN_PASSWORD = LocalServices.env("PGPASSWORD").orElse("");

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** Whether the PostgreSQL server answers as the admin user. */
    public static boolean serverReachable() {
        try (Connection ignored = adminConnection("postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Where the tests look for PostgreSQL, for messages. */
    public static String serverAddress() {
        return HOST + ":" + PORT;
    }

    /** Creates a uniquely named database (the server is shared with other runs) and applies init.sql. */
    public static TestDatabase create(String purpose) {
        String name = ("crampcare_test_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection admin = adminConnection("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + serverAddress() + ": " + e.getMessage(), e);
        }
        TestDatabase database = new TestDatabase(name);
        try (Connection admin = adminConnection(name); Statement statement = admin.createStatement()) {
            statement.execute(initSql());
        } catch (SQLException e) {
            database.close();
            throw new IllegalStateException("init.sql failed in " + name + ": " + e.getMessage(), e);
        }
        return database;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return url(name);
    }

    /** Connects as one of init.sql's service roles (e.g. {@code advice_svc}) with its development password. */
    public Connection connectAs(String role) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), role, role);
    }

    /** The key ring of sealed events in this database, read and written as the admin role. */
    public TestKeyring keyring() {
        return new TestKeyring(jdbcUrl(), ADMIN_USER, ADMIN_PASSWORD);
    }

    /** Connects as the admin (superuser) role. */
    public Connection connectAsAdmin() throws SQLException {
        return adminConnection(name);
    }

    /** Applies init.sql once more, as a redeploy would. */
    public void applyInitSql() throws SQLException {
        try (Connection admin = adminConnection(name); Statement statement = admin.createStatement()) {
            statement.execute(initSql());
        }
    }

    @Override
    public void close() {
        try (Connection admin = adminConnection("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static Connection adminConnection(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", ADMIN_USER);
        properties.setProperty("password", ADMIN_PASSWORD);
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(url(database), properties);
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String initSql() {
        try (InputStream in = TestDatabase.class.getResourceAsStream(INIT_SQL)) {
            if (in == null) {
                throw new IllegalStateException(INIT_SQL + " is missing from the test-support jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + INIT_SQL, e);
        }
    }
}
