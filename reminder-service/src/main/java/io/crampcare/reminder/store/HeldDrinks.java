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
 * The drink nudges that count against users' drink limits, of many users in one statement. The data source hands out
 * the transaction's own connection: what is read includes this transaction's changes.
 */
@ApplicationScoped
public class HeldDrinks {

    // What may have been drunk: planned, fired or done (skipped and expired ones were not), of many users at once.
    private static final NamedSql HELD = NamedSql.of("""
            SELECT held.user_id, nudge.due_at, nudge.amount_ml
            FROM unnest(:users::text[], :froms::timestamptz[]) AS held (user_id, from_at)
            JOIN nudge ON nudge.user_id = held.user_id AND nudge.due_at >= held.from_at
            WHERE nudge.kind IN ('HYDRATION', 'PRE_EXERCISE_HYDRATION') AND nudge.status IN ('PLANNED', 'FIRED', 'DONE')
              AND nudge.amount_ml IS NOT NULL AND nudge.id <> :except
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
                row -> held.get(row.text("user_id")).add(new Portion(row.instant("due_at"), row.integer("amount_ml"))));
        return held;
    }
}
