package io.crampcare.support.audit;

import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.paging.PageRequest;
import io.crampcare.support.sql.ColumnArrays;
import io.crampcare.support.sql.NamedSql;
import io.crampcare.support.sql.Row;

/**
 * The SQL of the audit of access (table {@code access_audit}, service-support's migrations): its own table, read
 * and written only here and never joined with business tables. Statements run in the caller's transaction.
 */
@ApplicationScoped
class AuditStore {

    private static final String COLUMNS = "id, at, actor, actor_role, subject_user_id, operation, reason, service";
    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO access_audit (id, at, actor, actor_role, subject_user_id, operation, reason, service)
            VALUES (:id, now(), :actor, :actorRole, :subject, :operation, :reason, :service)
            """);
    // Newest first, by (at, id); each filter applies when given.
    private static final NamedSql PAGE = NamedSql.of("SELECT " + COLUMNS + """
             FROM access_audit
            WHERE (CAST(:subject AS text) IS NULL OR subject_user_id = :subject)
              AND (CAST(:from AS timestamptz) IS NULL OR at >= :from)
              AND (CAST(:to AS timestamptz) IS NULL OR at < :to)
              AND (CAST(:afterAt AS timestamptz) IS NULL OR (at, id) < (:afterAt, :afterId))
            ORDER BY at DESC, id DESC
            LIMIT :limit
            """);
    private static final NamedSql ABOUT = NamedSql.of("SELECT " + COLUMNS + """
             FROM access_audit WHERE subject_user_id = :subject ORDER BY at, id
            """);

    // The retention's batch (AuditRetention), on index access_audit_at; skips entries another sweep holds.
    private static final NamedSql DELETE_OLDER = NamedSql.of("""
            DELETE FROM access_audit WHERE id IN (
                SELECT id FROM access_audit WHERE at < :cutoff LIMIT :limit FOR UPDATE SKIP LOCKED)
            """);

    private final AgroalDataSource dataSource;

    AuditStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(UUID id, String actor, String actorRole, String subject, String operation, String reason,
            String service) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("actor", actor);
        parameters.put("actorRole", actorRole);
        parameters.put("subject", subject); // null: a record id that named nobody
        parameters.put("operation", operation);
        parameters.put("reason", reason);
        parameters.put("service", service);
        ColumnArrays.update(dataSource, INSERT, parameters);
    }

    /** Up to {@link PageRequest#fetchSize()} entries of the page, newest first; a null filter is no filter. */
    List<AuditEntry> page(String subject, Instant from, Instant to, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("subject", subject);
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("afterAt", page.after() == null ? null : page.after().time());
        parameters.put("afterId", page.after() == null ? null : page.after().id());
        parameters.put("limit", page.fetchSize());
        return ColumnArrays.list(dataSource, PAGE, parameters, AuditStore::entry);
    }

    /** Every entry about {@code subject}, oldest first. */
    List<AuditEntry> about(String subject) {
        return ColumnArrays.list(dataSource, ABOUT, Map.of("subject", subject), AuditStore::entry);
    }

    /** Deletes at most {@code limit} entries from before {@code cutoff}; returns how many. */
    int deleteOlderThan(Instant cutoff, int limit) {
        return ColumnArrays.update(dataSource, DELETE_OLDER, Map.of("cutoff", cutoff, "limit", limit));
    }

    private static AuditEntry entry(Row row) throws SQLException {
        return new AuditEntry(row.uuid("id"), row.instant("at"), row.text("actor"), row.text("actor_role"),
                row.text("subject_user_id"), row.text("operation"), row.text("reason"), row.text("service"));
    }
}
