package io.crampcare.reminder.service;

import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.crampcare.contracts.nudge.AckOutcome;
import io.crampcare.reminder.model.Nudge;
import io.crampcare.reminder.model.NudgeStatus;
import io.crampcare.reminder.planning.Portion;
import io.crampcare.reminder.planning.Preferences;
import io.crampcare.reminder.store.NudgeStore;
import io.crampcare.reminder.store.UserLocks;
import io.crampcare.support.errors.InvalidInput;
import io.crampcare.support.errors.NotFound;
import io.crampcare.support.errors.StateConflict;
import io.crampcare.support.paging.PageRequest;

/**
 * What people do with fired nudges (done, skipped, snoozed), each published on nudge-acks ({@link NudgeAcks}); and the
 * nudge history. A DONE drink nudge counts as drinking its portion ({@link DrinkService#recordDone}).
 */
@ApplicationScoped
public class NudgeService {

    @Inject
    StoredPreferences preferences;
    @Inject
    UserLocks locks;
    @Inject
    NudgeStore store;
    @Inject
    DrinkLedger drinks;
    @Inject
    NudgeAcks acks;
    @Inject
    DrinkService drinkLog;

    /** The nudge, or null when none has this id. */
    @Transactional
    public Nudge find(UUID id) {
        return Nudge.findById(id);
    }

    /**
     * DONE or SKIPPED for a fired nudge. DONE on a drink nudge records its portion as drunk, unless the person logged a
     * drink for it already; the user's lock first (as planning and logging a drink take it), so that the two race
     * safely and the rest of the day is replanned from what was drunk.
     */
    @Transactional
    public Nudge acknowledge(UUID id, AckOutcome outcome, Instant now) {
        store.ownerOf(id).ifPresent(locks::lock);
        Nudge nudge = fired(id);
        acks.answer(nudge, outcome, now);
        if (outcome == AckOutcome.DONE && nudge.amountMl != null) {
            drinkLog.recordDone(nudge, now);
        }
        return nudge;
    }

    /**
     * Fires the nudge again {@code minutes} from now, if that is still inside the waking window. A drink moves under the
     * drink limits like any planned one ({@link io.crampcare.reminder.planning.DrinkGuard}): shrunk to what fits beside
     * the user's other drinks, and refused (400) when too little fits then.
     */
    @Transactional
    public Nudge snooze(UUID id, int minutes, Instant now) {
        // The user's lock first (as planning takes it), so that no drink is planned beside this one meanwhile.
        store.ownerOf(id).ifPresent(locks::lock);
        Nudge nudge = fired(id);
        Instant later = now.plus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
        Preferences prefs = preferences.of(nudge.userId);
        LocalTime localLater = later.atZone(prefs.zone()).toLocalTime();
        if (!prefs.allows(localLater) || !later.atZone(prefs.zone()).toLocalDate().equals(now.atZone(prefs.zone()).toLocalDate())) {
            throw new InvalidInput("minutes", "would move the nudge to " + localLater.truncatedTo(ChronoUnit.MINUTES)
                    + ", outside the waking window or into quiet hours; choose fewer minutes");
        }
        if (nudge.amountMl != null) {
            Optional<Portion> drink = drinks.guard(nudge.userId, prefs.zone(), now, nudge.id)
                    .admit(new Portion(later, nudge.amountMl));
            if (drink.isEmpty()) {
                throw new InvalidInput("minutes", "would put more to drink within an hour or a day than is safe ("
                        + drinks.limits().maxPerHourMl() + " mL an hour, " + drinks.limits().maxDailyMl()
                        + " mL a day) beside the other drink nudges; choose other minutes");
            }
            nudge.amountMl = drink.get().amountMl();
        }
        acks.publish(nudge, AckOutcome.SNOOZED, now); // with the due time that was snoozed
        nudge.status = NudgeStatus.PLANNED;
        nudge.dueAt = later;
        nudge.snoozes++;
        return nudge;
    }

    /** A user's nudges, latest due first, optionally within [from, to) and of one status. */
    @Transactional
    public PageRequest.Slice<Nudge> list(String userId, Instant from, Instant to, NudgeStatus status, PageRequest page) {
        return store.page(userId, from, to, status, page);
    }

    /**
     * The nudge, locked until the answer commits, so that of concurrent answers (ack, skip, snooze) exactly one finds
     * it fired: the others wait, then see it answered and get 409, and only one event is published.
     */
    private Nudge fired(UUID id) {
        Nudge nudge = Nudge.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (nudge == null) {
            throw new NotFound("No nudge has id " + id + ".");
        }
        if (nudge.status != NudgeStatus.FIRED) {
            throw new StateConflict("Nudge " + id + " is " + nudge.status + "; only a fired nudge can be answered or snoozed.");
        }
        return nudge;
    }
}
