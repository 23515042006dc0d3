package io.crampcare.reminder.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.crampcare.reminder.model.Presentation;
import io.crampcare.reminder.model.UserPreferences;
import io.crampcare.reminder.planning.Preferences;
import io.crampcare.reminder.store.UserLocks;
import io.crampcare.support.errors.StaleVersion;
import io.crampcare.support.errors.VersionRequired;

/**
 * Changes preferences with optimistic concurrency (the version is the ETag) and replans the user's unfired nudges
 * in the same transaction, so that a change takes effect at once. The check of the ETag and the write happen under
 * the user's planning lock ({@link UserLocks}): of concurrent changes made from one ETag exactly one
 * succeeds, and concurrent first writes never collide on the insert.
 */
@ApplicationScoped
public class PreferencesService {

    /** Preferences, unit and language, and their version; version 0 means the defaults (never set). */
    public record Versioned(Preferences preferences, Presentation presentation, int version) {
        public String etag() {
            return etagOf(version);
        }
    }

    /** What a change asks for: If-Match (an ETag, or *) and If-None-Match (only *), both optional. */
    public record Conditions(String ifMatch, String ifNoneMatch) {
    }

    @Inject
    UserLocks locks;
    @Inject
    Replanner replanner;

    static String etagOf(int version) {
        return "\"v" + version + "\"";
    }

    @Transactional
    public Versioned get(String userId) {
        UserPreferences row = UserPreferences.findById(userId);
        return row == null ? new Versioned(Preferences.defaults(), Presentation.defaults(), 0)
                : new Versioned(row.preferences(), row.presentation(), row.version);
    }

    /**
     * Stores preferences and replans. The first write needs no condition (or {@code If-None-Match: *}, which fails
     * once any exist; or If-Match with the defaults' ETag "v0"); changing stored ones needs the current ETag in
     * If-Match (428 without, 412 when stale), so two clients cannot overwrite each other unknowingly. Only a change of
     * {@code preferences} replans: the unit and language are read when each nudge fires.
     */
    @Transactional
    public Versioned put(String userId, Preferences preferences, Presentation presentation, Conditions conditions,
            Instant now) {
        locks.lock(userId);
        UserPreferences row = UserPreferences.findById(userId);
        int current = row == null ? 0 : row.version;
        if (conditions.ifNoneMatch() != null && row != null) {
            throw preconditionFailed("This user's preferences exist already (If-None-Match: *); read them and send "
                    + "their ETag in If-Match to change them.", current);
        }
        String ifMatch = conditions.ifMatch();
        if (ifMatch == null && row != null) {
            throw new VersionRequired("These preferences exist; send the ETag from GET in If-Match to change them.");
        }
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(etagOf(current))) {
            throw preconditionFailed("The preferences changed since you read them (ETag " + etagOf(current)
                    + "); read them again.", current);
        }
        Preferences before = row == null ? Preferences.defaults() : row.preferences();
        if (row == null) {
            row = new UserPreferences();
            row.userId = userId;
        }
        row.hold(preferences);
        row.hold(presentation);
        row.version = current + 1;
        row.updatedAt = now;
        row.persist();
        Preferences stored = row.preferences();
        if (!stored.equals(before)) {
            replanner.replan(userId, stored, now);
        }
        return new Versioned(stored, row.presentation(), row.version);
    }

    private static StaleVersion preconditionFailed(String detail, int current) {
        return new StaleVersion(detail, etagOf(current));
    }
}
