package io.crampcare.support.privacy;

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
 * service does, so none has to start first; Flyway's lock on the history table lets only one at a time.
 */
@Singleton
public class PrivacySchema implements FlywayConfigurationCustomizer {

    static final String SCHEMA = "privacy";

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
            Flyway.configure().dataSource(context.getConfiguration().getDataSource())
                    .schemas(SCHEMA).defaultSchema(SCHEMA).createSchemas(false)
                    .locations("classpath:db/privacy").load().migrate();
        }

        @Override
        public String getCallbackName() {
            return "crampcare-privacy-schema";
        }
    }
}
