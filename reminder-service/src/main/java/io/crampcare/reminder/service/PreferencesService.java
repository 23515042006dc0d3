package io.crampcare.reminder.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.reminder.model.UserPreferences;
import io.crampcare.reminder.planning.Preferences;
import io.crampcare.support.problem.Problem;
import io.crampcare.support.problem.ProblemException;
import io.crampcare.support.problem.ProblemTypes;

/** Reads and writes preferences with optimistic concurrency: the version is the ETag, If-Match guards updates. */
@ApplicationScoped
public class PreferencesService {

    /** Preferences and their version; version 0 means the defaults (never set). */
    public record Versioned(Preferences preferences, int version) {
        public String etag() {
            return etagOf(version);
        }
    }

    static String etagOf(int version) {
        return "\"v" + version + "\"";
    }

    @Transactional
    public Versioned get(String userId) {
        UserPreferences row = UserPreferences.findById(userId);
        return row == null ? new Versioned(Preferences.defaults(), 0) : new Versioned(toPreferences(row), row.version);
    }

    /** The zone a user's local times are in. */
    @Transactional
    public Preferences preferencesOf(String userId) {
        return get(userId).preferences();
    }

    /**
     * The zones of many users in one query (the dispatcher's batches); users who never set preferences get the
     * default zone.
     */
    @Transactional
    public Map<String, ZoneId> zonesOf(Collection<String> userIds) {
        Map<String, ZoneId> zones = new HashMap<>();
        if (userIds.isEmpty()) {
            return zones;
        }
        UserPreferences.getEntityManager()
                .createQuery("select p.userId, p.timeZone from UserPreferences p where p.userId in :ids", Object[].class)
                .setParameter("ids", userIds).getResultList()
                .forEach(row -> zones.put((String) row[0], ZoneId.of((String) row[1])));
        ZoneId fallback = Preferences.defaults().zone();
        userIds.forEach(user -> zones.putIfAbsent(user, fallback));
        return zones;
    }

    /**
     * Stores preferences. Changing stored ones needs the current ETag in If-Match (428 without, 412 when stale), so two
     * clients cannot overwrite each other unknowingly.
     */
    @Transactional
    public Versioned put(String userId, Preferences preferences, String ifMatch) {
        UserPreferences row = UserPreferences.findById(userId);
        int current = row == null ? 0 : row.version;
        if (ifMatch == null && row != null) {
            throw new ProblemException(new Problem(ProblemTypes.HTTP, "Precondition Required", 428,
                    "These preferences exist; send the ETag from GET in If-Match to change them.", null),
                    Map.of());
        }
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(etagOf(current))) {
            throw new ProblemException(new Problem(ProblemTypes.HTTP, "Precondition Failed", 412,
                    "The preferences changed since you read them (ETag " + etagOf(current)
                            + "); read them again.", null),
                    Map.of("ETag", etagOf(current)));
        }
        if (row == null) {
            row = new UserPreferences();
            row.userId = userId;
        }
        row.timeZone = preferences.zone().getId();
        row.wakingStart = preferences.wakingStart();
        row.wakingEnd = preferences.wakingEnd();
        row.quietStart = preferences.quietStart();
        row.quietEnd = preferences.quietEnd();
        row.dailyCap = preferences.dailyCap();
        row.kinds = preferences.kinds().stream().map(Enum::name).collect(Collectors.joining(","));
        row.version = current + 1;
        row.updatedAt = Instant.now();
        row.persist();
        return new Versioned(toPreferences(row), row.version);
    }

    private static Preferences toPreferences(UserPreferences row) {
        EnumSet<NudgeKind> kinds = EnumSet.noneOf(NudgeKind.class);
        if (!row.kinds.isBlank()) {
            Arrays.stream(row.kinds.split(",")).map(NudgeKind::valueOf).forEach(kinds::add);
        }
        return new Preferences(ZoneId.of(row.timeZone), row.wakingStart, row.wakingEnd, row.quietStart, row.quietEnd,
                row.dailyCap, kinds);
    }
}
