package io.crampcare.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import org.junit.jupiter.api.Test;

/**
 * What every CrampCare service must hold on real PostgreSQL and Kafka: it is live and ready (database, outbox and event
 * processing checked; the broker too where the service cannot work without it), it connects as its own role, Flyway migrated its own schema, and its settings are documented. A service's
 * {@code @QuarkusTest} extends this and names the service.
 */
public abstract class ServiceFoundationChecks {

    @Inject
    DataSource dataSource;
    @Inject
    Config config;

    /** The service's schema, e.g. {@code intake}; its role is {@code <schema>_svc}. */
    protected abstract String service();

    /**
     * Whether the service is ready only while it reaches Kafka: the consumers are (they cannot work without it); intake
     * is not (its outbox accepts reports while the broker is away).
     */
    protected boolean readyOnlyWithKafka() {
        return true;
    }

    @Test
    void readinessChecksWhatTheServiceNeedsToWork() {
        List<String> checks = given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check", "Outbox", "Event processing"))
                .extract().jsonPath().getList("checks.name", String.class);
        assertEquals(readyOnlyWithKafka(), checks.contains("Kafka connection health check"), checks.toString());
    }

    /** Every crampcare.* setting this service has (defaults included) is in the runbook's configuration reference. */
    @Test
    void everySettingIsInTheOperationsReference() {
        Set<String> documented = OperationsReference.documentedVariables();
        List<String> settings = StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("crampcare.") && !name.startsWith("crampcare.test.")
                        && !name.startsWith("crampcare.repo.")) // set by the test resources, not by ops
                .sorted().toList();
        assertTrue(settings.size() > 5, "the service's crampcare.* settings are visible: " + settings);
        assertEquals(List.of(), settings.stream()
                .filter(name -> !documented.contains(OperationsReference.environmentName(name))).toList(),
                "settings missing from docs/operations.md (as environment variables)");
    }

    @Test
    void isLive() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void connectsAsItsOwnRoleIntoItsOwnSchema() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_user, current_schema()")) {
            row.next();
            assertEquals(service() + "_svc", row.getString(1));
            assertEquals(service(), row.getString(2));
        }
    }

    @Test
    void flywayMigratedItsOwnSchema() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FILTER (WHERE success), count(*) FILTER (WHERE NOT success) FROM "
                        + service() + ".flyway_schema_history")) {
            row.next();
            assertTrue(row.getInt(1) >= 1, "no successful migration in " + service() + ".flyway_schema_history");
            assertEquals(0, row.getInt(2), "failed migrations in " + service() + ".flyway_schema_history");
        }
    }
}
