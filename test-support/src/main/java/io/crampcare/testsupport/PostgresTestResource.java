package io.crampcare.testsupport;

import java.util.Map;

import org.jboss.logging.Logger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * PostgreSQL for a service's tests, with init.sql applied so the service connects as its own role. In order
 * of precedence:
 * <ol>
 * <li>{@code QUARKUS_DATASOURCE_JDBC_URL} is set: that database is used (Quarkus reads the variable itself);</li>
 * <li>a Docker engine answers: Quarkus Dev Services start one (each service sets init.sql as its init script);</li>
 * <li>otherwise a database of this run's own on the local server (see {@link TestDatabase}), dropped at the end.</li>
 * </ol>
 * With none of these the run stops at once with one line saying what to start.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(PostgresTestResource.class);

    private String service = "service";
    private TestDatabase database;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
    }

    @Override
    public Map<String, String> start() {
        if (LocalServices.env("QUARKUS_DATASOURCE_JDBC_URL").isPresent()) {
            LOG.info("Tests use the database in QUARKUS_DATASOURCE_JDBC_URL");
            return Map.of();
        }
        if (LocalServices.containers()) {
            LOG.info("PostgreSQL comes from Quarkus Dev Services (CRAMPCARE_TEST_INFRA)");
            return Map.of();
        }
        if (!TestDatabase.serverReachable()) {
            String problem = "No PostgreSQL at " + TestDatabase.serverAddress()
                    + ": start PostgreSQL (e.g. `pg_ctlcluster 15 main start`), set QUARKUS_DATASOURCE_JDBC_URL, or run "
                    + "on a Docker engine with CRAMPCARE_TEST_INFRA=containers";
            System.err.println("CrampCare tests: " + problem);
            throw new IllegalStateException(problem);
        }
        database = TestDatabase.create(service);
        LOG.infof("Tests use the database %s on %s", database.name(), TestDatabase.serverAddress());
        return Map.of("quarkus.datasource.jdbc.url", database.jdbcUrl());
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
