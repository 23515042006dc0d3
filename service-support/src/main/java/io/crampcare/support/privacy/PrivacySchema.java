package io.crampcare.support.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * Migrates the privacy registry's schema ({@code privacy}, migrations in {@code db/privacy}, its own history table)
 * right after the service's own schema, wherever the service migrates (the one-shot migrate run, dev mode, tests). Every
 * service does, so none has to start first; an advisory lock lets one at a time.
 */
@Singleton
public class PrivacySchema implements FlywayConfigurationCustomizer {

    static final String SCHEMA = "privacy";
    /** The advisory lock of the privacy schema's migration: a constant of its own ("privacy" in ASCII). */
    private static final long LOCK_KEY = 0x70726976616379L;

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.callbacks(new AfterMigrate());
    }

    private static final class AfterMigrate implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            DataSource dataSource = context.getConfiguration().getDataSource();
            // Services migrate side by side (compose, ./stack, the system tests), and Flyway does not guard the
            // creation of a schema's history table: one session-level advisory lock lets one service at a time.
            try (Connection lock = dataSource.getConnection(); Statement statement = lock.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
                try {
                    Flyway.configure().dataSource(dataSource).schemas(SCHEMA).defaultSchema(SCHEMA)
                            .createSchemas(false).locations("classpath:db/privacy").load().migrate();
                } finally {
                    statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Migrating schema " + SCHEMA + " failed", e);
            }
        }

        @Override
        public String getCallbackName() {
            return "crampcare-privacy-schema";
        }
    }
}
