package io.crampcare.reminder.store;

import static io.crampcare.support.sql.ColumnArrays.list;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.crampcare.reminder.model.Drink;
import io.crampcare.reminder.planning.Portion;
import io.crampcare.support.paging.KeysetQuery;
import io.crampcare.support.paging.PageCursor;
import io.crampcare.support.paging.PageRequest;
import io.crampcare.support.sql.NamedSql;
import io.quarkus.panache.common.Sort;

/** The drink log: drinks one at a time through the entity, a user's drinks in a window, and the account's first day. */
@ApplicationScoped
public class DrinkStore {

    // When the reminder first knew the user: the first nudge planned for them, workout, drink logged, or the current
    // preferences (updated_at: a lower bound is all that is needed, later contact only moves it earlier). LEAST skips
    // the nulls of what the user does not have.
    private static final NamedSql FIRST_SEEN = NamedSql.of("""
            SELECT least((SELECT min(planned_at) FROM nudge WHERE user_id = :user),
                         (SELECT min(created_at) FROM workout WHERE user_id = :user),
                         (SELECT min(logged_at) FROM drink WHERE user_id = :user),
                         (SELECT updated_at FROM preferences WHERE user_id = :user)) AS first_seen
            """);

    @Inject
    AgroalDataSource dataSource;

    /** One of the user's drinks; empty when there is none with this id (or it is another user's). */
    public Optional<Drink> find(String userId, UUID drinkId) {
        return Drink.<Drink>findByIdOptional(drinkId).filter(drink -> drink.userId.equals(userId));
    }

    /** The drink that is a nudge's portion, if one was recorded for it. */
    public Optional<Drink> ofNudge(UUID nudgeId) {
        return Drink.find("nudgeId", nudgeId).firstResultOptional();
    }

    /** The user's drinks in [from, to), as the drink limits count them. */
    public List<Portion> between(String userId, Instant from, Instant to) {
        return Drink.<Drink>list("userId = ?1 and drunkAt >= ?2 and drunkAt < ?3", userId, from, to).stream()
                .map(drink -> new Portion(drink.drunkAt, drink.amountMl)).toList();
    }

    /** A page of the user's drinks, latest first, optionally within [from, to). */
    public PageRequest.Slice<Drink> page(String userId, Instant from, Instant to, PageRequest page) {
        KeysetQuery query = KeysetQuery.where("userId", userId, "drunkAt").within(from, to);
        List<Drink> rows = Drink.<Drink>find(query.condition(page), Sort.descending(query.order()), query.parameters())
                .page(0, page.fetchSize()).list();
        return page.slice(rows, drink -> new PageCursor(drink.drunkAt, drink.id));
    }

    /** When the reminder first knew the user; empty for a user it has nothing of. */
    public Optional<Instant> firstSeen(String userId) {
        return list(dataSource, FIRST_SEEN, Map.of("user", userId), row -> Optional.ofNullable(row.instant("first_seen")))
                .get(0);
    }
}
