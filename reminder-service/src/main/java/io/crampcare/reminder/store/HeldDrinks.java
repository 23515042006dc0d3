package io.crampcare.reminder.store;

import static io.crampcare.support.sql.ColumnArrays.list;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.sql.NamedSql;
import io.crampcare.reminder.planning.Portion;

/**
 * What counts against users' drink limits (drinks drunk and drink nudges), of many users in one statement. The data source hands out
 * the transaction's own connection: what is read includes this transaction's changes.
 */
@ApplicationScoped
public class HeldDrinks {

    // What was or may be drunk, of many users at once: the drinks in the log (logged, and the DONE nudges' portions),
    // and the drink nudges planned or fired that have no drink recorded (skipped and expired ones were not drunk; a
    // DONE one counts as its drink, at its time and amount, and not at all once that drink was undone).
    private static final NamedSql HELD = NamedSql.of("""
            WITH held AS (
                SELECT * FROM unnest(:users::text[], :froms::timestamptz[]) AS held (user_id, from_at)
            )
            SELECT held.user_id, nudge.due_at AS at, nudge.amount_ml
            FROM held JOIN nudge ON nudge.user_id = held.user_id AND nudge.due_at >= held.from_at
            WHERE nudge.kind IN ('HYDRATION', 'PRE_EXERCISE_HYDRATION') AND nudge.status IN ('PLANNED', 'FIRED')
              AND nudge.amount_ml IS NOT NULL AND nudge.id <> :except
              AND NOT EXISTS (SELECT 1 FROM drink WHERE drink.nudge_id = nudge.id)
            UNION ALL
            SELECT held.user_id, drink.drunk_at, drink.amount_ml
            FROM held JOIN drink ON drink.user_id = held.user_id AND drink.drunk_at >= held.from_at
            """);
    // No nudge has it: nothing left out.
    private static final UUID NONE = new UUID(0, 0);

    @Inject
    AgroalDataSource dataSource;

    /**
     * Each user's drinks due from the user's instant in {@code from} on (an empty list for a user without any).
     *
     * @param except a nudge left out (the one being snoozed), or null
     */
    public Map<String, List<Portion>> from(Map<String, Instant> from, UUID except) {
        Map<String, List<Portion>> held = new HashMap<>();
        from.keySet().forEach(user -> held.put(user, new ArrayList<>()));
        if (from.isEmpty()) {
            return held;
        }
        String[] users = from.keySet().toArray(String[]::new);
        String[] starts = new String[users.length];
        for (int i = 0; i < users.length; i++) {
            starts[i] = from.get(users[i]).toString();
        }
        list(dataSource, HELD, Map.of("users", users, "froms", starts, "except", except == null ? NONE : except),
                row -> held.get(row.text("user_id")).add(new Portion(row.instant("at"), row.integer("amount_ml"))));
        return held;
    }
}
