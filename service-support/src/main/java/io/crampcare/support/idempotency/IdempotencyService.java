package io.crampcare.support.idempotency;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.crampcare.support.clock.DatabaseClock;
import io.crampcare.support.errors.KeyReused;
import io.crampcare.support.errors.RequestInProgress;
import io.quarkus.scheduler.Scheduled;

/**
 * Idempotency-Key handling for POSTs. A request first claims its key in a transaction of its own (so that a second
 * request sees it in flight); the business transaction then completes the claim together with its own writes, so a key
 * is completed exactly when what it made was stored. Safe across replicas: the key's primary key and its claim token
 * decide who owns it. {@link IdempotencyStore} holds the SQL, {@link IdempotentRequests} speaks the HTTP side.
 */
@ApplicationScoped
public class IdempotencyService {

    private static final Logger LOG = Logger.getLogger(IdempotencyService.class);

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

    private final IdempotencyStore store;
    private final IdempotencyConfig config;
    private final DatabaseClock clock;

    IdempotencyService(IdempotencyStore store, IdempotencyConfig config, DatabaseClock clock) {
        this.store = store;
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
            IdempotencyStore.Stored existing = store.find(key);
            IdempotencyStore.ClaimRow mine = new IdempotencyStore.ClaimRow(key, requestHash, token, now,
                    now.plus(config.ttl()));
            if (existing == null) {
                if (store.insert(mine)) {
                    return new Granted(key, token);
                }
                continue; // a concurrent request inserted it first: look again
            }
            boolean expired = existing.expiresAt().isBefore(now);
            boolean abandoned = !existing.completed()
                    && existing.claimedAt().isBefore(now.minus(config.inFlightTimeout()));
            if (expired || (abandoned && existing.requestHash().equals(requestHash))) {
                if (store.takeOver(mine, existing.token())) {
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
        if (!store.complete(claim.key(), claim.token(), answer.status(), answer.location(), answer.body())) {
            // Another request took the key over meanwhile; rolling back keeps one result per key.
            throw inFlight();
        }
    }

    /** Gives the key up after the request failed, so that the client may retry with it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(Granted claim) {
        store.release(claim.key(), claim.token());
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void deleteExpired() {
        int deleted = store.deleteExpired();
        if (deleted > 0) {
            LOG.infof("Deleted %d expired Idempotency-Keys", deleted);
        }
    }

    private static RequestInProgress inFlight() {
        return new RequestInProgress("The first request with this Idempotency-Key is still being processed; retry shortly.");
    }
}
