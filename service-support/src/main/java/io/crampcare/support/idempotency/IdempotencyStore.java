package io.crampcare.support.idempotency;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.sql.ColumnArrays;
import io.crampcare.support.sql.NamedSql;

/**
 * The SQL of Idempotency-Keys (table {@code idempotent_request}, service-support's migrations). Statements run in the
 * caller's transaction ({@link IdempotencyService} decides which one); every change names the claim token it
 * expects, so a request that lost its key changes nothing.
 */
@ApplicationScoped
class IdempotencyStore {

    private static final NamedSql FIND = NamedSql.of("""
            SELECT request_hash, claim_token, state, response_status, response_location, response_body, claimed_at,
                   expires_at
            FROM idempotent_request WHERE idempotency_key = :key
            """);
    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO idempotent_request (idempotency_key, request_hash, claim_token, state, claimed_at, expires_at)
            VALUES (:key, :requestHash, :token, 'IN_FLIGHT', :claimedAt, :expiresAt)
            ON CONFLICT (idempotency_key) DO NOTHING
            """);
    private static final NamedSql TAKE_OVER = NamedSql.of("""
            UPDATE idempotent_request
            SET request_hash = :requestHash, claim_token = :token, state = 'IN_FLIGHT', response_status = NULL,
                response_location = NULL, response_body = NULL, claimed_at = :claimedAt, expires_at = :expiresAt
            WHERE idempotency_key = :key AND claim_token = :previousToken
            """);
    private static final NamedSql COMPLETE = NamedSql.of("""
            UPDATE idempotent_request
            SET state = 'COMPLETED', response_status = :status, response_location = :location, response_body = :body
            WHERE idempotency_key = :key AND claim_token = :token AND state = 'IN_FLIGHT'
            """);
    private static final NamedSql RELEASE = NamedSql.of("""
            DELETE FROM idempotent_request WHERE idempotency_key = :key AND claim_token = :token AND state = 'IN_FLIGHT'
            """);
    private static final NamedSql DELETE_EXPIRED = NamedSql.of("""
            DELETE FROM idempotent_request WHERE expires_at < now()
            """);

    /** A key as stored. */
    record Stored(String requestHash, UUID token, boolean completed, Integer status, String location, String body,
            Instant claimedAt, Instant expiresAt) {
    }

    /** A claim of a key: by whom ({@code token}), for which body, from when, until when. */
    record ClaimRow(String key, String requestHash, UUID token, Instant claimedAt, Instant expiresAt) {

        Map<String, Object> parameters() {
            return Map.of("key", key, "requestHash", requestHash, "token", token, "claimedAt", claimedAt,
                    "expiresAt", expiresAt);
        }
    }

    private final AgroalDataSource dataSource;

    IdempotencyStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The key as stored, or null when no request has claimed it. */
    Stored find(String key) {
        return ColumnArrays.one(dataSource, FIND, Map.of("key", key), row -> new Stored(row.text("request_hash"),
                row.uuid("claim_token"), "COMPLETED".equals(row.text("state")), row.integer("response_status"),
                row.text("response_location"), row.text("response_body"), row.instant("claimed_at"),
                row.instant("expires_at")));
    }

    /** Claims a key no request holds; false when a concurrent request inserted it first. */
    boolean insert(ClaimRow claim) {
        return ColumnArrays.update(dataSource, INSERT, claim.parameters()) == 1;
    }

    /** Takes over a key from the claim {@code previousToken}; false when another request took it over first. */
    boolean takeOver(ClaimRow claim, UUID previousToken) {
        Map<String, Object> parameters = new HashMap<>(claim.parameters());
        parameters.put("previousToken", previousToken);
        return ColumnArrays.update(dataSource, TAKE_OVER, parameters) == 1;
    }

    /** Records the answer of the claim {@code token}; false when the key is no longer that claim's, in flight. */
    boolean complete(String key, UUID token, int status, String location, String body) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("key", key);
        parameters.put("token", token);
        parameters.put("status", status);
        parameters.put("location", location); // null for an answer without one
        parameters.put("body", body);
        return ColumnArrays.update(dataSource, COMPLETE, parameters) == 1;
    }

    /** Gives up the claim {@code token} of a key still in flight. */
    void release(String key, UUID token) {
        ColumnArrays.update(dataSource, RELEASE, Map.of("key", key, "token", token));
    }

    /** Deletes keys past their expiry; returns how many. */
    int deleteExpired() {
        return ColumnArrays.update(dataSource, DELETE_EXPIRED, Map.of());
    }
}
