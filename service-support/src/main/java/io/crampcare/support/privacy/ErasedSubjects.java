package io.crampcare.support.privacy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether a user id is erased (or being erased): then its tokens act on nothing and events that name it change
 * nothing. An erasure is for ever, so a "yes" is remembered (by hash, up to {@link #REMEMBERED}); a "no" is asked
 * again each time.
 */
@ApplicationScoped
public class ErasedSubjects {

    private static final int REMEMBERED = 100_000;

    private final ErasureStore store;
    private final Set<String> knownHashes = ConcurrentHashMap.newKeySet();

    ErasedSubjects(ErasureStore store) {
        this.store = store;
    }

    public boolean isErased(String userId) {
        return !erasedAmong(Set.of(userId)).isEmpty();
    }

    /** Which of {@code userIds} are erased: one query for those not known to be. */
    public Set<String> erasedAmong(Set<String> userIds) {
        Map<String, String> hashes = new HashMap<>();
        userIds.forEach(userId -> hashes.put(userId, SubjectHash.of(userId)));
        Set<String> unknown = new HashSet<>(hashes.values());
        unknown.removeAll(knownHashes);
        Set<String> found = store.erasedAmong(unknown);
        if (knownHashes.size() < REMEMBERED) {
            knownHashes.addAll(found);
        }
        Set<String> erased = new HashSet<>();
        hashes.forEach((userId, hash) -> {
            if (found.contains(hash) || knownHashes.contains(hash)) {
                erased.add(userId);
            }
        });
        return erased;
    }
}
