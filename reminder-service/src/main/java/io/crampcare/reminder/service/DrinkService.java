package io.crampcare.reminder.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.crampcare.contracts.EventDescriptor;
import io.crampcare.contracts.drink.DrinkDeletedV1;
import io.crampcare.contracts.drink.DrinkDeletion;
import io.crampcare.contracts.drink.DrinkKind;
import io.crampcare.contracts.drink.DrinkLoggedV1;
import io.crampcare.contracts.drink.DrinkSource;
import io.crampcare.contracts.nudge.AckOutcome;
import io.crampcare.reminder.model.WaterStopReason;
import io.crampcare.reminder.model.Drink;
import io.crampcare.reminder.model.Nudge;
import io.crampcare.reminder.model.NudgeStatus;
import io.crampcare.reminder.planning.Preferences;
import io.crampcare.reminder.store.DrinkStore;
import io.crampcare.reminder.store.UserLocks;
import io.crampcare.support.errors.InvalidInput;
import io.crampcare.support.errors.NotFound;
import io.crampcare.support.errors.StateConflict;
import io.crampcare.support.idempotency.IdempotencyService;
import io.crampcare.support.ids.TimeOrderedIds;
import io.crampcare.support.metrics.CommittedCounts;
import io.crampcare.support.outbox.Outbox;
import io.crampcare.support.paging.PageRequest;
import io.quarkus.runtime.StartupEvent;

/**
 * The drink log: drinks people log, and the portions of drink nudges they answer DONE; each published on
 * {@code drinks}. A drink nudge's portion counts once: a drink logged for a nudge ({@code nudgeId}) is that nudge's
 * drink (it answers a fired nudge DONE, and replaces the drink a DONE recorded), and a DONE after it records nothing
 * more. Every change takes the user's lock first, as planning does, so drinks, answers and plans never interleave;
 * then {@link DrinkReplanning} applies the live guard and replans. Counts {@code crampcare.drinks.logged{source}}.
 */
@ApplicationScoped
public class DrinkService {

    private static final Logger LOG = Logger.getLogger(DrinkService.class);
    static final String LOGGED = "crampcare.drinks.logged";

    /** A drink to log, as the person gave it (a null {@code drunkAt}: now; a null {@code nudgeId}: no nudge). */
    public record NewDrink(String userId, Instant drunkAt, int amountMl, DrinkKind kind, UUID nudgeId) {
    }

    /**
     * A drink stored, and why its day has no more water if it has none (the live guard, or the advice), as the answer
     * to the person who logged it.
     */
    public record LoggedDrink(Drink drink, Optional<WaterStopReason> waterStopped) {
    }

    @Inject
    UserLocks locks;
    @Inject
    StoredPreferences preferences;
    @Inject
    DrinkStore store;
    @Inject
    DrinkReplanning replanning;
    @Inject
    NudgeAcks acks;
    @Inject
    Outbox outbox;
    @Inject
    CommittedCounts counts;
    @Inject
    IdempotencyService idempotency;

    void registerCounters(@Observes StartupEvent event) {
        for (DrinkSource source : DrinkSource.values()) {
            counts.zero(LOGGED, "source", source.name());
        }
    }

    /**
     * Logs a drink. It may not be before the account's first day (the local day the reminder first knew the user);
     * with a {@code nudgeId} it must be one of the user's drink nudges that has fired.
     *
     * @param answerFor the answer to record for the request's Idempotency-Key (null without one), made from the drink
     *                  stored, in the same transaction
     */
    @Transactional
    public LoggedDrink log(NewDrink request, Instant now, Function<LoggedDrink, IdempotencyService.Answer> answerFor) {
        String userId = request.userId();
        locks.lock(userId);
        Preferences prefs = preferences.of(userId);
        Instant drunkAt = (request.drunkAt() == null ? now : request.drunkAt()).truncatedTo(ChronoUnit.MICROS);
        requireAfterFirstDay(userId, drunkAt, prefs.zone(), now);
        Drink drink = newDrink(userId, drunkAt, request.amountMl(), request.kind(), DrinkSource.LOGGED, now);
        if (request.nudgeId() != null) {
            Nudge nudge = drinkNudgeOf(userId, request.nudgeId());
            if (nudge.status == NudgeStatus.FIRED) {
                acks.answer(nudge, AckOutcome.DONE, now);
            }
            store.ofNudge(nudge.id).ifPresent(earlier -> delete(earlier, DrinkDeletion.REPLACED, drink.id, now));
            drink.nudgeId = nudge.id;
        }
        add(drink);
        LoggedDrink logged = new LoggedDrink(drink, replanning.added(userId, prefs, drunkAt, now));
        IdempotencyService.Answer answer = answerFor == null ? null : answerFor.apply(logged);
        if (answer != null) {
            idempotency.complete(answer);
        }
        return logged;
    }

    /**
     * A DONE answer on a drink nudge: its portion, drunk now, unless a drink was logged for it already. The caller
     * holds the user's lock and answered the nudge.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void recordDone(Nudge nudge, Instant now) {
        if (store.ofNudge(nudge.id).isPresent()) {
            return;
        }
        Drink drink = newDrink(nudge.userId, now.truncatedTo(ChronoUnit.MICROS), nudge.amountMl, DrinkKind.WATER,
                DrinkSource.NUDGE_DONE, now);
        drink.nudgeId = nudge.id;
        add(drink);
        replanning.added(nudge.userId, preferences.of(nudge.userId), drink.drunkAt, now);
    }

    /** Deletes one of the user's drinks (an undo); the water it stood for is planned again. */
    @Transactional
    public void delete(String userId, UUID drinkId, Instant now) {
        locks.lock(userId);
        Drink drink = get(userId, drinkId);
        delete(drink, DrinkDeletion.UNDONE, null, now);
        replanning.removed(userId, preferences.of(userId), drink.drunkAt, now);
    }

    /** One of the user's drinks; 404 otherwise, also for another user's. */
    @Transactional
    public Drink get(String userId, UUID drinkId) {
        return store.find(userId, drinkId)
                .orElseThrow(() -> new NotFound("User " + userId + " has no drink " + drinkId + "."));
    }

    /** A page of the user's drinks, latest first, optionally with {@code drunkAt} within [from, to). */
    @Transactional
    public PageRequest.Slice<Drink> list(String userId, Instant from, Instant to, PageRequest page) {
        return store.page(userId, from, to, page);
    }

    private void requireAfterFirstDay(String userId, Instant drunkAt, ZoneId zone, Instant now) {
        Instant firstSeen = store.firstSeen(userId).filter(seen -> seen.isBefore(now)).orElse(now);
        LocalDate firstDay = firstSeen.atZone(zone).toLocalDate();
        if (drunkAt.atZone(zone).toLocalDate().isBefore(firstDay)) {
            throw new InvalidInput("drunkAt", "is before the account's first day, " + firstDay + " in " + zone.getId()
                    + " (the day CrampCare first planned or logged anything for this user)");
        }
    }

    /** The user's drink nudge {@code nudgeId}, locked like an answer locks it; it must have fired. */
    private static Nudge drinkNudgeOf(String userId, UUID nudgeId) {
        Nudge nudge = Nudge.findById(nudgeId, LockModeType.PESSIMISTIC_WRITE);
        if (nudge == null || !nudge.userId.equals(userId) || nudge.amountMl == null) {
            throw new InvalidInput("nudgeId", "is not one of this user's drink nudges");
        }
        if (nudge.status == NudgeStatus.PLANNED) {
            throw new StateConflict("Nudge " + nudgeId + " has not fired yet. Log the drink without nudgeId: the rest "
                    + "of the day's water is replanned from what was drunk.");
        }
        return nudge;
    }

    private static Drink newDrink(String userId, Instant drunkAt, int amountMl, DrinkKind kind, DrinkSource source,
            Instant now) {
        Drink drink = new Drink();
        drink.id = TimeOrderedIds.next();
        drink.userId = userId;
        drink.drunkAt = drunkAt;
        drink.amountMl = amountMl;
        drink.kind = kind;
        drink.source = source;
        drink.loggedAt = now.truncatedTo(ChronoUnit.MICROS);
        return drink;
    }

    private void add(Drink drink) {
        drink.persist();
        Drink.flush(); // the planning's SQL reads the drinks (and the nudge just answered) on this transaction
        outbox.write(EventDescriptor.DRINK_LOGGED, new DrinkLoggedV1(drink.id, drink.userId, drink.drunkAt,
                drink.amountMl, drink.kind, drink.source, drink.nudgeId, drink.loggedAt), drink.loggedAt);
        counts.increment(LOGGED, "source", drink.source.name());
        LOG.debugf("Drink %s of %s logged (%s)", drink.id, drink.userId, drink.source);
    }

    private void delete(Drink drink, DrinkDeletion reason, UUID replacedBy, Instant now) {
        drink.delete();
        Drink.flush(); // before a drink for the same nudge is inserted: Hibernate would insert first (unique index)
        Instant deletedAt = now.truncatedTo(ChronoUnit.MICROS);
        outbox.write(EventDescriptor.DRINK_DELETED, new DrinkDeletedV1(drink.id, drink.userId, reason, replacedBy,
                deletedAt), deletedAt);
    }
}
