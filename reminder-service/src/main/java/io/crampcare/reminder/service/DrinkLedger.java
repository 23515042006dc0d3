package io.crampcare.reminder.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.crampcare.reminder.config.ReminderConfig;
import io.crampcare.reminder.planning.DrinkGuard;
import io.crampcare.reminder.planning.DrinkLimits;
import io.crampcare.reminder.planning.Portion;
import io.crampcare.reminder.store.HeldDrinks;
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

    @Inject
    HeldDrinks held;
    @Inject
    CommittedCounts counts;
    @Inject
    ReminderConfig config;

    void registerCounters(@Observes StartupEvent event) {
        for (DrinkLimits.Limit limit : DrinkLimits.Limit.values()) {
            for (String source : new String[] { ADVICE, DRINK }) {
                counts.zero(CLAMPED, "limit", limit.tag(), "source", source);
            }
        }
    }

    public DrinkLimits limits() {
        return config.limits().drinkLimits();
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
        if (zones.isEmpty()) {
            return Map.of();
        }
        Map<String, Instant> from = new HashMap<>();
        zones.forEach((user, zone) -> from.put(user, DrinkGuard.countsFrom(now, zone)));
        // Read on the transaction's own connection: the guard sees this transaction's changes.
        Map<String, List<Portion>> drinks = held.from(from, except);
        Map<String, DrinkGuard> guards = new HashMap<>();
        drinks.forEach((user, portions) -> guards.put(user, new DrinkGuard(limits(), zones.get(user), portions,
                limit -> counts.increment(CLAMPED, "limit", limit.tag(), "source", DRINK))));
        return guards;
    }
}
