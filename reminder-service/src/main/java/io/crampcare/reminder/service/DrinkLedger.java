package io.crampcare.reminder.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.crampcare.reminder.config.ReminderConfig;
import io.crampcare.reminder.planning.DrinkGuard;
import io.crampcare.reminder.planning.DrinkLimits;
import io.crampcare.reminder.planning.Portion;
import io.crampcare.support.metrics.CommittedCounts;
import io.quarkus.runtime.StartupEvent;

/**
 * A user's drink nudges that count against the limits, as the {@link DrinkGuard} every planning path admits drinks
 * through (water plans, workouts, snoozes, replans, the roll-forward). {@code crampcare.plan.clamped{limit,source}} counts
 * each number of an advice ({@code source=advice}: a producer beyond the limits) and each drink
 * ({@code source=drink}: beside the user's other drinks) that a limit cut down (committed).
 */
@ApplicationScoped
public class DrinkLedger {

    static final String CLAMPED = "crampcare.plan.clamped";
    private static final String ADVICE = "advice";
    private static final String DRINK = "drink";
    private static final UUID NONE = new UUID(0, 0);
    // What may have been drunk: planned, fired or done (skipped and expired ones were not), of many users at once.
    private static final String HELD = """
            SELECT held.user_id, nudge.due_at, nudge.amount_ml
            FROM unnest(?::text[], ?::timestamptz[]) AS held (user_id, from_at)
            JOIN nudge ON nudge.user_id = held.user_id AND nudge.due_at >= held.from_at
            WHERE nudge.kind IN ('HYDRATION', 'PRE_EXERCISE_HYDRATION') AND nudge.status IN ('PLANNED', 'FIRED', 'DONE')
              AND nudge.amount_ml IS NOT NULL AND nudge.id <> ?
            """;

    private final AgroalDataSource dataSource;
    private final CommittedCounts counts;
    private final DrinkLimits limits;

    DrinkLedger(AgroalDataSource dataSource, CommittedCounts counts, ReminderConfig config) {
        this.dataSource = dataSource;
        this.counts = counts;
        this.limits = config.limits().drinkLimits();
    }

    void registerCounters(@Observes StartupEvent event) {
        for (DrinkLimits.Limit limit : DrinkLimits.Limit.values()) {
            for (String source : new String[] { ADVICE, DRINK }) {
                counts.zero(CLAMPED, "limit", limit.tag(), "source", source);
            }
        }
    }

    public DrinkLimits limits() {
        return limits;
    }

    /** Counts an advice's number lowered to {@code limit}, when the transaction commits. */
    public void adviceClamped(DrinkLimits.Limit limit) {
        counts.increment(CLAMPED, "limit", limit.tag(), "source", ADVICE);
    }

    /**
     * A guard over the user's drinks that count for drinks planned from {@code now} on ({@link DrinkGuard#countsFrom}).
     * The caller holds the user's lock, so nothing is added meanwhile.
     *
     * @param except a nudge left out (the one being snoozed), or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DrinkGuard guard(String userId, ZoneId zone, Instant now, UUID except) {
        return guards(Map.of(userId, zone), now, except).get(userId);
    }

    /** {@link #guard} for each of many users (in their zones), in one query. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, DrinkGuard> guards(Map<String, ZoneId> zones, Instant now, UUID except) {
        Map<String, List<Portion>> held = new HashMap<>();
        zones.keySet().forEach(user -> held.put(user, new ArrayList<>()));
        if (zones.isEmpty()) {
            return Map.of();
        }
        String[] users = zones.keySet().toArray(String[]::new);
        String[] from = Arrays.stream(users).map(user -> DrinkGuard.countsFrom(now, zones.get(user)).toString())
                .toArray(String[]::new);
        // The data source hands out the transaction's own connection: the guard sees this transaction's changes.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(HELD)) {
            query.setArray(1, connection.createArrayOf("text", users));
            query.setArray(2, connection.createArrayOf("text", from));
            query.setObject(3, except == null ? NONE : except);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    held.get(rows.getString(1)).add(
                            new Portion(rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getInt(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the drinks of " + users.length + " users failed", e);
        }
        Map<String, DrinkGuard> guards = new HashMap<>();
        held.forEach((user, drinks) -> guards.put(user, new DrinkGuard(limits, zones.get(user), drinks,
                limit -> counts.increment(CLAMPED, "limit", limit.tag(), "source", DRINK))));
        return guards;
    }
}
