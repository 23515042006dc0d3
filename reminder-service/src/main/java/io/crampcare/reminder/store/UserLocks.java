package io.crampcare.reminder.store;

import static io.crampcare.support.sql.ColumnArrays.list;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.sql.NamedSql;

/**
 * The planning lock of a user. All planning of one user (advice, workouts, preferences, roll-forward, snoozes) takes it
 * first, on any replica, and holds it until its transaction ends: whoever comes second reads what the first
 * committed, so no plan is made from preferences or workouts that are being changed.
 */
@ApplicationScoped
public class UserLocks {

    // The locks of many users in one statement, in one order (by user id) for every such statement: two of them never
    // wait on each other crosswise. The aggregate is one row, complete once every lock is taken.
    private static final NamedSql LOCK_USERS = NamedSql.of("""
            SELECT count(pg_advisory_xact_lock(hashtext('crampcare.reminder.user'), hashtext(u))) AS locked
            FROM (SELECT DISTINCT u FROM unnest(:users::text[]) AS u ORDER BY 1) users
            """);

    @Inject
    AgroalDataSource dataSource;

    /** Serialises the planning of one user with every other change to it, until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String userId) {
        lockAll(List.of(userId));
    }

    /** {@link #lock} for many users at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        list(dataSource, LOCK_USERS, Map.of("users", userIds.toArray(String[]::new)), row -> row.longValue("locked"));
    }
}
