package io.crampcare.testsupport;

import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

/** Tests share one broker and one database per module: each test works with users nobody else uses. */
public final class TestUsers {

    private TestUsers() {
    }

    /** A user id no other test shares, readable in logs: {@code <purpose>-<8 hex>}. */
    public static String newUser(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The Kafka bootstrap servers the service under test uses (from the test resource or the environment). */
    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
