package io.crampcare.testsupport;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Switches Quarkus Dev Services off in tests unless the tests run on containers ({@link LocalServices#infra()}), so
 * the test resources' real local services are used instead, whether or not a Docker engine runs. Dev Services start while Quarkus builds the test application, before any test
 * resource runs, so only a config source on the test classpath can switch them off in time.
 */
public class DevServicesSwitch implements ConfigSource {

    // On containers: PostgreSQL from Dev Services in the image docker-compose.yml runs (QUARKUS_DATASOURCE_DEVSERVICES_
    // IMAGE_NAME overrides it), set up as the local server: superuser PGUSER (postgres) trusted, init.sql's roles for
    // the services, so tests such as DatabaseOutage work alike. Kafka: KafkaTestResource's container, Dev Services off.
    private final Map<String, String> properties = LocalServices.containers()
            ? Map.of("quarkus.datasource.devservices.image-name", "postgres:15",
                    "quarkus.datasource.devservices.username", TestDatabase.ADMIN_USER,
                    "quarkus.datasource.devservices.container-env.POSTGRES_HOST_AUTH_METHOD", "trust",
                    "quarkus.kafka.devservices.enabled", "false")
            : Map.of("quarkus.devservices.enabled", "false");

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "crampcare-dev-services-switch";
    }

    /** Above the default of extension-provided sources, below application.properties and the environment. */
    @Override
    public int getOrdinal() {
        return 110;
    }
}
