package io.crampcare.support.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.crampcare.contracts.sealed.EventSeal;

/**
 * The key ring of sealed events (event-contracts EventSeal): a person's key is made with their first event and
 * shredded when their erasure completes. Every replica of every service reads the one ring in the shared privacy
 * schema, unsealed keys are never kept in memory longer than a batch, so a shredded key is gone everywhere at once.
 */
@ApplicationScoped
public class SubjectKeys {

    private final SubjectKeyStore store;

    SubjectKeys(SubjectKeyStore store) {
        this.store = store;
    }

    /**
     * The keys to seal the events of {@code userIds} with, made for those who have none yet (by user id).
     *
     * @throws IllegalStateException for a person whose erasure is complete: nothing is to be written about them
     */
    public Map<String, SubjectKey> forWriting(Set<String> userIds) {
        Map<String, SubjectKey> keys = byUser(store.ofUsers(userIds));
        if (keys.size() < userIds.size()) {
            List<SubjectKey> missing = new ArrayList<>();
            for (String userId : userIds) {
                if (!keys.containsKey(userId)) {
                    missing.add(new SubjectKey(UUID.randomUUID(), userId, EventSeal.newKey()));
                }
            }
            // Another replica may add a person's key at the same time: the one that lands is read back and used.
            store.add(missing);
            keys.putAll(byUser(store.ofUsers(missing.stream().map(SubjectKey::userId).toList())));
            if (keys.size() < userIds.size()) {
                throw new IllegalStateException("An event about a person whose erasure is complete cannot be written");
            }
        }
        return keys;
    }

    /** The entries of the given subjectRefs (shredded ones included), by subjectRef; unknown refs are absent. */
    public Map<UUID, SubjectKey> forReading(Collection<UUID> subjectRefs) {
        Map<UUID, SubjectKey> keys = new HashMap<>();
        if (!subjectRefs.isEmpty()) {
            store.byRefs(subjectRefs.stream().map(UUID::toString).toList())
                    .forEach(key -> keys.put(key.subjectRef(), key));
        }
        return keys;
    }

    /**
     * Shreds the person's key: none of their sealed events opens again, wherever a copy is.
     *
     * @return the subjectRef their events had, now linked to nobody; empty when they had no key (no events)
     */
    public Optional<UUID> shred(String userId) {
        return store.shred(userId);
    }

    private static Map<String, SubjectKey> byUser(List<SubjectKey> keys) {
        Map<String, SubjectKey> byUser = new HashMap<>();
        keys.forEach(key -> byUser.put(key.userId(), key));
        return byUser;
    }
}
