package io.crampcare.support.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.clock.DatabaseClock;
import io.crampcare.support.errors.KeyReused;
import io.crampcare.support.errors.RequestInProgress;
import io.quarkus.scheduler.Scheduled;

/**
 * Idempotency-Key handling for POSTs (table idempotent_request, service-support's migrations). A request first claims
 * its key in a transaction of its own (so that a second request sees it in flight); the business transaction then
 * completes the claim together with its own writes, so a key is completed exactly when what it made was stored. Safe
 * across replicas: the key's primary key and its claim token decide who owns it. {@link IdempotentRequests} speaks
 * the HTTP side.
 */
@ApplicationScoped
public class IdempotencyService {

    private static final Logger LOG = Logger.getLogger(IdempotencyService.class);
    private static final String FIND = """
            SELECT request_hash, claim_token, state, response_status, response_location, response_body, claimed_at,
                   expires_at
            FROM idempotent_request WHERE idempotency_key = ?
            """;
    private static final String INSERT = """
            INSERT INTO idempotent_request (idempotency_key, request_hash, claim_token, state, claimed_at, expires_at)
            VALUES (?, ?, ?, 'IN_FLIGHT', ?, ?)
            ON CONFLICT (idempotency_key) DO NOTHING
            """;
    private static final String TAKE_OVER = """
            UPDATE idempotent_request
            SET request_hash = ?, claim_token = ?, state = 'IN_FLIGHT', response_status = NULL, response_location = NULL,
                response_body = NULL, claimed_at = ?, expires_at = ?
            WHERE idempotency_key = ? AND claim_token = ?
            """;
    private static final String COMPLETE = """
            UPDATE idempotent_request
            SET state = 'COMPLETED', response_status = ?, response_location = ?, response_body = ?
            WHERE idempotency_key = ? AND claim_token = ? AND state = 'IN_FLIGHT'
            """;
    private static final String RELEASE = """
            DELETE FROM idempotent_request WHERE idempotency_key = ? AND claim_token = ? AND state = 'IN_FLIGHT'
            """;

    /** The outcome of claiming a key. */
    public sealed interface Claim {
    }

    /** This request owns the key and goes ahead. */
    public record Granted(String key, UUID token) implements Claim {
    }

    /** The key's first request completed with the same body: answer as it was answered. */
    public record Replay(int status, String location, String body) implements Claim {
    }

    /** The answer to record for a granted key, as it will be replayed. */
    public record Answer(Granted claim, int status, String location, String body) {
    }

    /** A key as stored. */
    private record Stored(String requestHash, UUID token, boolean completed, Integer status, String location,
            String body, Instant claimedAt, Instant expiresAt) {
    }

    private final AgroalDataSource dataSource;
    private final IdempotencyConfig config;
    private final DatabaseClock clock;

    IdempotencyService(AgroalDataSource dataSource, IdempotencyConfig config, DatabaseClock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Claims {@code key} for a request whose canonical body hashes to {@code requestHash}.
     *
     * @throws KeyReused when the key was used with another body; RequestInProgress while its first request is in flight
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(String key, String requestHash) {
        // Look before inserting: an INSERT would wait on the row while the first request is completing it, and a
        // request in flight must be answered 409 at once.
        for (int attempt = 0; attempt < 3; attempt++) {
            // The database's clock, as every replica reads it: a replica whose own clock runs ahead must not take
            // over a key that is still in flight, nor expire one early.
            Instant now = clock.now();
            // Random, not TimeOrderedIds: no index orders it, and a rival claimant must not be able to predict it.
            UUID token = UUID.randomUUID();
            Stored existing = find(key);
            if (existing == null) {
                if (update(INSERT, key, requestHash, token, utc(now), utc(now.plus(config.ttl()))) == 1) {
                    return new Granted(key, token);
                }
                continue; // a concurrent request inserted it first: look again
            }
            boolean expired = existing.expiresAt().isBefore(now);
            boolean abandoned = !existing.completed()
                    && existing.claimedAt().isBefore(now.minus(config.inFlightTimeout()));
            if (expired || (abandoned && existing.requestHash().equals(requestHash))) {
                if (update(TAKE_OVER, requestHash, token, utc(now), utc(now.plus(config.ttl())), key,
                        existing.token()) == 1) {
                    if (abandoned) {
                        LOG.warnf("Idempotency-Key %s was in flight since %s; taken over as abandoned", key,
                                existing.claimedAt());
                    }
                    return new Granted(key, token);
                }
                throw inFlight(); // another request took it over first
            }
            if (!existing.requestHash().equals(requestHash)) {
                throw new KeyReused("This Idempotency-Key was already used with a different request body. Use a new key for a new request.");
            }
            if (existing.completed()) {
                return new Replay(existing.status(), existing.location(), existing.body());
            }
            throw inFlight();
        }
        throw inFlight();
    }

    /** Records the answer of the granted request, inside the business transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Answer answer) {
        Granted claim = answer.claim();
        if (update(COMPLETE, answer.status(), answer.location(), answer.body(), claim.key(), claim.token()) != 1) {
            // Another request took the key over meanwhile; rolling back keeps one result per key.
            throw inFlight();
        }
    }

    /** Gives the key up after the request failed, so that the client may retry with it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(Granted claim) {
        update(RELEASE, claim.key(), claim.token());
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void deleteExpired() {
        int deleted = update("DELETE FROM idempotent_request WHERE expires_at < now()");
        if (deleted > 0) {
            LOG.infof("Deleted %d expired Idempotency-Keys", deleted);
        }
    }

    private Stored find(String key) {
        // The data source hands out the transaction's own connection.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(FIND)) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new Stored(row.getString(1), row.getObject(2, UUID.class), "COMPLETED".equals(row.getString(3)),
                        row.getObject(4, Integer.class), row.getString(5), row.getString(6),
                        row.getObject(7, OffsetDateTime.class).toInstant(),
                        row.getObject(8, OffsetDateTime.class).toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading Idempotency-Key " + key + " failed", e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency-Key statement failed", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static RequestInProgress inFlight() {
        return new RequestInProgress("The first request with this Idempotency-Key is still being processed; retry shortly.");
    }
}
