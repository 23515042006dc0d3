package io.crampcare.advice.store;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.privacy.PersonalRows;
import io.crampcare.support.sql.ColumnArrays;
import io.crampcare.support.sql.NamedSql;

/**
 * The advice service's part of an erasure: the person's advice, the reports it remembers and the nudge answers it
 * counts (service-support erases its shared tables).
 */
@ApplicationScoped
public class PersonalRowsStore implements PersonalRows {

    private static final NamedSql ERASE = NamedSql.of("""
            WITH advice AS (DELETE FROM advice WHERE user_id = :userId RETURNING 1),
                 history AS (DELETE FROM report_history WHERE user_id = :userId RETURNING 1),
                 acks AS (DELETE FROM nudge_ack WHERE user_id = :userId RETURNING 1)
            SELECT (SELECT count(*) FROM advice) + (SELECT count(*) FROM history) + (SELECT count(*) FROM acks) AS rows
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
