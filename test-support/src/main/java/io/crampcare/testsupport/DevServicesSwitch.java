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

    private final Map<String, String> properties = LocalServices.containers()
            ? Map.of()
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
