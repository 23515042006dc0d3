package io.crampcare.support.privacy;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.crampcare.support.errors.NotFound;
import io.crampcare.support.ids.TimeOrderedIds;

/**
 * Asking for a person's erasure and reading how far it got. One erasure per person: asking again answers the first.
 * The services erase their parts on their own ({@link ErasureWorker}).
 */
@ApplicationScoped
public class Erasures {

    private final ErasureStore store;
    private final PrivacyConfig config;

    Erasures(ErasureStore store, PrivacyConfig config) {
        this.store = store;
        this.config = config;
    }

    /** Records an erasure of {@code userId} (or finds the one recorded before) and answers it. */
    @Transactional
    public Erasure request(String userId, Erasure.RequestedBy requestedBy) {
        store.insert(TimeOrderedIds.next(), userId, requestedBy, config.services());
        return store.ofSubject(userId).orElseThrow();
    }

    /** The person's erasure, when they have one. */
    public Optional<Erasure> ofSubject(String userId) {
        return store.ofSubject(userId);
    }

    /**
     * Erasure {@code id}, for a caller who is its subject ({@code callerUserId}) or an admin ({@code callerUserId}
     * null); 404 for anyone else, as if it did not exist.
     */
    public Erasure find(UUID id, String callerUserId) {
        boolean visible = callerUserId == null || store.subjectHash(id).map(SubjectHash.of(callerUserId)::equals)
                .orElse(false);
        return store.find(id).filter(e -> visible)
                .orElseThrow(() -> new NotFound("No erasure " + id + " of yours."));
    }
}
