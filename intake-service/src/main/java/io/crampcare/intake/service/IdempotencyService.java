package io.crampcare.intake.service;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.crampcare.intake.config.IntakeConfig;
import io.crampcare.intake.model.IdempotencyRecord;
import io.crampcare.support.problem.Problem;
import io.crampcare.support.problem.ProblemException;
import io.crampcare.support.problem.ProblemTypes;
import io.quarkus.scheduler.Scheduled;

/**
 * Idempotency-Key handling for POSTs. A request first claims its key in a transaction of its own (so that a second
 * request sees it in flight); the business transaction then completes the claim together with its own writes, so a
 * key is completed exactly when its report was stored. Safe across replicas: the key's primary key and its claim token
 * decide who owns it.
 */
@ApplicationScoped
public class IdempotencyService {

    private static final Logger LOG = Logger.getLogger(IdempotencyService.class);
    private static final String INSERT = """
            INSERT INTO idempotency_key (idempotency_key, request_hash, claim_token, state, claimed_at, expires_at)
            VALUES (?1, ?2, ?3, 'IN_FLIGHT', ?4, ?5)
            ON CONFLICT (idempotency_key) DO NOTHING
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

    private final EntityManager em;
    private final IntakeConfig config;

    IdempotencyService(EntityManager em, IntakeConfig config) {
        this.em = em;
        this.config = config;
    }

    /**
     * Claims {@code key} for a request whose canonical body hashes to {@code requestHash}.
     *
     * @throws ProblemException 422 when the key was used with another body, 409 while its first request is in flight
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(String key, String requestHash) {
        // Look before inserting: an INSERT would wait on the row while the first request is completing it, and a
        // request in flight must be answered 409 at once.
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = Instant.now();
            UUID token = UUID.randomUUID();
            IdempotencyRecord existing = em.find(IdempotencyRecord.class, key);
            if (existing == null) {
                int inserted = em.createNativeQuery(INSERT)
                        .setParameter(1, key).setParameter(2, requestHash).setParameter(3, token)
                        .setParameter(4, now).setParameter(5, now.plus(config.idempotency().ttl()))
                        .executeUpdate();
                if (inserted == 1) {
                    return new Granted(key, token);
                }
                continue; // a concurrent request inserted it first: look again
            }
            boolean expired = existing.expiresAt.isBefore(now);
            boolean abandoned = existing.state == IdempotencyRecord.State.IN_FLIGHT
                    && existing.claimedAt.isBefore(now.minus(config.idempotency().inFlightTimeout()));
            if (expired || (abandoned && existing.requestHash.equals(requestHash))) {
                if (takeOver(existing, requestHash, token, now)) {
                    if (abandoned) {
                        LOG.warnf("Idempotency-Key %s was in flight since %s; taken over as abandoned", key, existing.claimedAt);
                    }
                    return new Granted(key, token);
                }
                throw inFlight(); // another request took it over first
            }
            if (!existing.requestHash.equals(requestHash)) {
                throw new ProblemException(422, ProblemTypes.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key reused",
                        "This Idempotency-Key was already used with a different request body. Use a new key for a new report.");
            }
            if (existing.state == IdempotencyRecord.State.COMPLETED) {
                return new Replay(existing.responseStatus, existing.responseLocation, existing.responseBody);
            }
            throw inFlight();
        }
        throw inFlight();
    }

    /** The answer to record for a granted key, as it will be replayed. */
    public record Answer(Granted claim, int status, String location, String body) {
    }

    /** Records the answer of the granted request, inside the business transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Answer answer) {
        Granted claim = answer.claim();
        int status = answer.status();
        String location = answer.location();
        String body = answer.body();
        int updated = em.createQuery("""
                UPDATE IdempotencyRecord r
                SET r.state = :completed, r.responseStatus = :status, r.responseLocation = :location, r.responseBody = :body
                WHERE r.key = :key AND r.claimToken = :token AND r.state = :inFlight
                """)
                .setParameter("completed", IdempotencyRecord.State.COMPLETED)
                .setParameter("inFlight", IdempotencyRecord.State.IN_FLIGHT)
                .setParameter("status", status).setParameter("location", location).setParameter("body", body)
                .setParameter("key", claim.key()).setParameter("token", claim.token())
                .executeUpdate();
        if (updated != 1) {
            // Another request took the key over meanwhile; rolling back keeps one report per key.
            throw inFlight();
        }
    }

    /** Gives the key up after the request failed, so that the client may retry with it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(Granted claim) {
        em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.key = :key AND r.claimToken = :token AND r.state = :inFlight")
                .setParameter("key", claim.key()).setParameter("token", claim.token())
                .setParameter("inFlight", IdempotencyRecord.State.IN_FLIGHT)
                .executeUpdate();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void deleteExpired() {
        long deleted = IdempotencyRecord.delete("expiresAt < ?1", Instant.now());
        if (deleted > 0) {
            LOG.infof("Deleted %d expired Idempotency-Keys", deleted);
        }
    }

    /** Moves an expired or abandoned key to this request, unless someone else did so first. */
    private boolean takeOver(IdempotencyRecord existing, String requestHash, UUID token, Instant now) {
        return em.createQuery("""
                UPDATE IdempotencyRecord r
                SET r.requestHash = :hash, r.claimToken = :token, r.state = :inFlight, r.responseStatus = null,
                    r.responseLocation = null, r.responseBody = null, r.claimedAt = :now, r.expiresAt = :expires
                WHERE r.key = :key AND r.claimToken = :previous
                """)
                .setParameter("hash", requestHash).setParameter("token", token)
                .setParameter("inFlight", IdempotencyRecord.State.IN_FLIGHT)
                .setParameter("now", now).setParameter("expires", now.plus(config.idempotency().ttl()))
                .setParameter("key", existing.key).setParameter("previous", existing.claimToken)
                .executeUpdate() == 1;
    }

    private static ProblemException inFlight() {
        return new ProblemException(new Problem(ProblemTypes.REQUEST_IN_PROGRESS, "Request in progress", 409,
                "The first request with this Idempotency-Key is still being processed; retry shortly.", null),
                Map.of("Retry-After", "1"));
    }
}
