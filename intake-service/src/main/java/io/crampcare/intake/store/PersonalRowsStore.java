package io.crampcare.intake.store;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.privacy.PersonalRows;
import io.crampcare.support.sql.ColumnArrays;
import io.crampcare.support.sql.NamedSql;

/** The intake service's part of an erasure: the person's reports (service-support erases its shared tables). */
@ApplicationScoped
public class PersonalRowsStore implements PersonalRows {

    private static final NamedSql REPORTS = NamedSql.of("DELETE FROM cramp_report WHERE user_id = :userId");

    private final AgroalDataSource dataSource;

    PersonalRowsStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public int erase(String userId) {
        return ColumnArrays.update(dataSource, REPORTS, Map.of("userId", userId));
    }
}
