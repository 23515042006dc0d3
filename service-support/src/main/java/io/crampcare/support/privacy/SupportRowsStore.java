package io.crampcare.support.privacy;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.sql.ColumnArrays;
import io.crampcare.support.sql.NamedSql;

/**
 * A person's rows in the tables service-support keeps in every service's schema: outbox events (sent or not) and Idempotency-Key records (stored as {@code <userId>/<key>}) go; the audit of access
 * keeps its entries under a pseudonym. Processed-event ids name nobody and stay.
 */
@ApplicationScoped
public class SupportRowsStore implements PersonalRows {

    // Sealed, and keyed by the person's subjectRef; deleted all the same, sent or not.
    private static final NamedSql OUTBOX = NamedSql.of("""
            DELETE FROM outbox_event
            WHERE message_key = (SELECT subject_ref::text FROM privacy.subject_key WHERE user_id = :userId)
            """);
    // The audit of access keeps who looked at an erased person's data, and why, but no longer whom: the subject becomes
    // a pseudonym (the registry's hash), also where an admin's reason named the person.
    private static final NamedSql AUDIT = NamedSql.of("""
            UPDATE access_audit SET subject_user_id = :pseudonym, reason = replace(reason, :userId, :pseudonym)
            WHERE subject_user_id = :userId
            """);
    // A prefix match without LIKE: a user id may hold % or _.
    private static final NamedSql IDEMPOTENCY = NamedSql.of("""
            DELETE FROM idempotent_request WHERE left(idempotency_key, length(:prefix)) = :prefix
            """);

    private final AgroalDataSource dataSource;

    SupportRowsStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public int erase(String userId) {
        return ColumnArrays.update(dataSource, OUTBOX, Map.of("userId", userId))
                + ColumnArrays.update(dataSource, IDEMPOTENCY, Map.of("prefix", userId + "/"))
                + ColumnArrays.update(dataSource, AUDIT, Map.of("userId", userId,
                        "pseudonym", "erased:" + SubjectHash.of(userId)));
    }
}
