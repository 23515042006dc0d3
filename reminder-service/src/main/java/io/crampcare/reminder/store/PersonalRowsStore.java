package io.crampcare.reminder.store;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.privacy.PersonalRows;
import io.crampcare.support.sql.ColumnArrays;
import io.crampcare.support.sql.NamedSql;

/**
 * The reminder service's part of an erasure: the person's drinks, nudges, water days and plan, workouts and
 * preferences (service-support erases its shared tables).
 */
@ApplicationScoped
public class PersonalRowsStore implements PersonalRows {

    private static final NamedSql ERASE = NamedSql.of("""
            WITH drinks AS (DELETE FROM drink WHERE user_id = :userId RETURNING 1),
                 nudges AS (DELETE FROM nudge WHERE user_id = :userId RETURNING 1),
                 days AS (DELETE FROM hydration_day WHERE user_id = :userId RETURNING 1),
                 targets AS (DELETE FROM hydration_target WHERE user_id = :userId RETURNING 1),
                 workouts AS (DELETE FROM workout WHERE user_id = :userId RETURNING 1),
                 preferences AS (DELETE FROM preferences WHERE user_id = :userId RETURNING 1)
            SELECT (SELECT count(*) FROM drinks) + (SELECT count(*) FROM nudges) + (SELECT count(*) FROM days)
                 + (SELECT count(*) FROM targets) + (SELECT count(*) FROM workouts)
                 + (SELECT count(*) FROM preferences) AS rows
            """);

    private final AgroalDataSource dataSource;

    PersonalRowsStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public int erase(String userId) {
        return (int) ColumnArrays.list(dataSource, ERASE, Map.of("userId", userId), row -> row.longValue("rows"))
                .get(0).longValue();
    }
}
