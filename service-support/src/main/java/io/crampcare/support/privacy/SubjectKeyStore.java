package io.crampcare.support.privacy;

import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.sql.ColumnArrays;
import io.crampcare.support.sql.NamedSql;
import io.crampcare.support.sql.Row;

/** The SQL of the key ring ({@code privacy.subject_key}). */
@ApplicationScoped
public class SubjectKeyStore {

    // A person whose erasure is complete gets no key again: their events could otherwise be read once more.
    private static final NamedSql ADD = NamedSql.of("""
            INSERT INTO privacy.subject_key (subject_ref, user_id, secret)
            SELECT n.subject_ref, n.user_id, decode(n.secret, 'hex')
            FROM unnest(:refs::uuid[], :users::text[], :secrets::text[]) AS n (subject_ref, user_id, secret)
            WHERE NOT EXISTS (SELECT 1 FROM privacy.erasure e
                              WHERE e.subject_hash = encode(sha256(convert_to(n.user_id, 'UTF8')), 'hex')
                                AND e.completed_at IS NOT NULL)
            ON CONFLICT (user_id) DO NOTHING
            """);
    private static final String SELECT = "SELECT subject_ref, user_id, encode(secret, 'hex') AS secret"
            + " FROM privacy.subject_key";
    private static final NamedSql BY_USERS = NamedSql.of(SELECT + " WHERE user_id = ANY(:users::text[])");
    private static final NamedSql BY_REFS = NamedSql.of(SELECT + " WHERE subject_ref = ANY(:refs::uuid[])");
    private static final NamedSql SHRED = NamedSql.of("""
            UPDATE privacy.subject_key SET user_id = NULL, secret = NULL, shredded_at = now() WHERE user_id = :userId
            RETURNING subject_ref
            """);

    private final AgroalDataSource dataSource;

    SubjectKeyStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds the given new keys, but for people who have one already or whose erasure is complete. */
    void add(List<SubjectKey> keys) {
        HexFormat hex = HexFormat.of();
        ColumnArrays.update(dataSource, ADD, Map.of(
                "refs", keys.stream().map(k -> k.subjectRef().toString()).toArray(String[]::new),
                "users", keys.stream().map(SubjectKey::userId).toArray(String[]::new),
                "secrets", keys.stream().map(k -> hex.formatHex(k.secret())).toArray(String[]::new)));
    }

    List<SubjectKey> ofUsers(Collection<String> userIds) {
        return ColumnArrays.list(dataSource, BY_USERS, Map.of("users", userIds.toArray(String[]::new)),
                SubjectKeyStore::key);
    }

    List<SubjectKey> byRefs(Collection<String> subjectRefs) {
        return ColumnArrays.list(dataSource, BY_REFS, Map.of("refs", subjectRefs.toArray(String[]::new)),
                SubjectKeyStore::key);
    }

    /** Shreds the person's key; returns its subjectRef, empty when they had none. */
    Optional<UUID> shred(String userId) {
        return ColumnArrays.list(dataSource, SHRED, Map.of("userId", userId), row -> row.uuid("subject_ref")).stream()
                .findFirst();
    }

    private static SubjectKey key(Row row) throws java.sql.SQLException {
        String secret = row.text("secret");
        return new SubjectKey(row.uuid("subject_ref"), row.text("user_id"),
                secret == null ? null : HexFormat.of().parseHex(secret));
    }
}
