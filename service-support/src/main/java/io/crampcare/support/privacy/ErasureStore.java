package io.crampcare.support.privacy;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.sql.ColumnArrays;
import io.crampcare.support.sql.NamedSql;

/** The SQL of the privacy registry's erasures (schema {@code privacy}, {@code db/privacy}). */
@ApplicationScoped
public class ErasureStore {

    // One erasure per person: a second request finds the first (ON CONFLICT), whoever wins a race.
    private static final NamedSql INSERT = NamedSql.of("""
            WITH erasure AS (
                INSERT INTO privacy.erasure (id, subject_hash, user_id, requested_at, requested_by)
                VALUES (:id, :hash, :userId, now(), :requestedBy)
                ON CONFLICT (subject_hash) DO NOTHING
                RETURNING id)
            INSERT INTO privacy.erasure_step (erasure_id, service)
            SELECT erasure.id, service FROM erasure CROSS JOIN unnest(:services::text[]) AS service
            """);
    private static final String SELECT_ERASURE = """
            SELECT e.id, e.requested_at, e.requested_by, e.completed_at, s.service, s.erased_at
            FROM privacy.erasure e JOIN privacy.erasure_step s ON s.erasure_id = e.id
            """;
    private static final NamedSql BY_ID = NamedSql.of(SELECT_ERASURE + " WHERE e.id = :id ORDER BY s.service");
    private static final NamedSql BY_HASH = NamedSql.of(SELECT_ERASURE
            + " WHERE e.subject_hash = :hash ORDER BY s.service");
    private static final NamedSql SUBJECT_HASH = NamedSql.of("SELECT subject_hash FROM privacy.erasure WHERE id = :id");
    // Replicas of one service take different erasures; the oldest first. A step is due for its first pass at once,
    // for its second once secondPassAfter has gone by since the first.
    private static final NamedSql CLAIM = NamedSql.of("""
            SELECT s.erasure_id, e.user_id, s.first_pass_at IS NOT NULL AS second_pass
            FROM privacy.erasure_step s JOIN privacy.erasure e ON e.id = s.erasure_id
            WHERE s.service = :service AND s.erased_at IS NULL
              AND (s.first_pass_at IS NULL OR s.first_pass_at < now() - make_interval(secs => :secondPassAfter))
            ORDER BY e.requested_at, e.id
            LIMIT 1
            FOR UPDATE OF s SKIP LOCKED
            """);
    private static final NamedSql FIRST_PASS = NamedSql.of("""
            UPDATE privacy.erasure_step SET first_pass_at = now(), rows_erased = :rows
            WHERE erasure_id = :id AND service = :service
            """);
    // Services finishing at once: each takes the erasure's row first, so the last one sees every other step erased.
    private static final NamedSql LOCK = NamedSql.of("SELECT id FROM privacy.erasure WHERE id = :id FOR UPDATE");
    private static final NamedSql MARK_ERASED = NamedSql.of("""
            UPDATE privacy.erasure_step SET erased_at = now(), rows_erased = coalesce(rows_erased, 0) + :rows
            WHERE erasure_id = :id AND service = :service
            """);
    private static final NamedSql COMPLETE = NamedSql.of("""
            UPDATE privacy.erasure SET user_id = NULL, completed_at = now()
            WHERE id = :id AND completed_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM privacy.erasure_step WHERE erasure_id = :id AND erased_at IS NULL)
            """);
    private static final NamedSql ERASED_AMONG = NamedSql.of("""
            SELECT subject_hash FROM privacy.erasure WHERE subject_hash = ANY(:hashes::text[])
            """);

    private final AgroalDataSource dataSource;

    ErasureStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records an erasure of {@code userId} with a pending step per service, unless the person has one already. */
    public void insert(UUID id, String userId, Erasure.RequestedBy requestedBy, List<String> services) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("hash", SubjectHash.of(userId));
        parameters.put("userId", userId);
        parameters.put("requestedBy", requestedBy.name());
        parameters.put("services", services.toArray(String[]::new));
        ColumnArrays.update(dataSource, INSERT, parameters);
    }

    public Optional<Erasure> find(UUID id) {
        return read(BY_ID, Map.of("id", id));
    }

    Optional<Erasure> ofSubject(String userId) {
        return read(BY_HASH, Map.of("hash", SubjectHash.of(userId)));
    }

    /** The subject hash of erasure {@code id}, when there is one. */
    Optional<String> subjectHash(UUID id) {
        return ColumnArrays.list(dataSource, SUBJECT_HASH, Map.of("id", id), row -> row.text("subject_hash"))
                .stream().findFirst();
    }

    /**
     * Claims the oldest step of {@code service} due for a pass (locked until the transaction ends): erasure id, user
     * and which pass.
     */
    Optional<Claimed> claim(String service, Duration secondPassAfter) {
        return ColumnArrays.list(dataSource, CLAIM, Map.of("service", service,
                "secondPassAfter", (double) secondPassAfter.toMillis() / 1000),
                row -> new Claimed(row.uuid("erasure_id"), row.text("user_id"), row.bool("second_pass")))
                .stream().findFirst();
    }

    /** Records the claimed step's first pass; its second is due after the configured pause. */
    void markFirstPass(UUID id, String service, int rows) {
        ColumnArrays.update(dataSource, FIRST_PASS, Map.of("id", id, "service", service, "rows", rows));
    }

    /**
     * Marks the claimed step erased (after its second pass) and, when it was the last, completes the erasure
     * (forgetting the user id).
     */
    public boolean markErased(UUID id, String service, int rows) {
        ColumnArrays.list(dataSource, LOCK, Map.of("id", id), row -> row.uuid("id"));
        ColumnArrays.update(dataSource, MARK_ERASED, Map.of("id", id, "service", service, "rows", rows));
        return ColumnArrays.update(dataSource, COMPLETE, Map.of("id", id)) == 1;
    }

    /** Which of {@code subjectHashes} are erased (or being erased). */
    Set<String> erasedAmong(Set<String> subjectHashes) {
        if (subjectHashes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(ColumnArrays.list(dataSource, ERASED_AMONG,
                Map.of("hashes", subjectHashes.toArray(String[]::new)), row -> row.text("subject_hash")));
    }

    private Optional<Erasure> read(NamedSql query, Map<String, ?> parameters) {
        List<Erasure.Row> rows = ColumnArrays.list(dataSource, query, parameters, row -> new Erasure.Row(
                row.uuid("id"), row.instant("requested_at"), Erasure.RequestedBy.valueOf(row.text("requested_by")),
                row.instant("completed_at"), row.text("service"), row.instant("erased_at")));
        return Erasure.of(rows);
    }

    /** A pending step this replica now holds, for its first or its second pass. */
    record Claimed(UUID erasureId, String userId, boolean secondPass) {
    }
}
