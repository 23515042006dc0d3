package io.crampcare.reminder.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.crampcare.reminder.model.HydrationTarget;
import io.crampcare.reminder.model.Nudge;
import io.crampcare.reminder.model.WaterStopReason;
import io.crampcare.reminder.planning.Portion;
import io.crampcare.reminder.planning.WaterDay;
import io.crampcare.reminder.store.DrinkStore;
import io.crampcare.reminder.store.HydrationDays;
import io.crampcare.reminder.store.NudgeStore;
import io.crampcare.support.errors.InvalidInput;

/** Today's water and the days before, in the user's zone ({@link WaterDay} says how a day is counted). */
@ApplicationScoped
public class HydrationStatus {

    /** How far back a streak is counted. */
    static final int STREAK_DAYS = 366;
    /** The most days one listing holds. */
    public static final int MAX_DAYS = 366;
    /** The days listed when the request does not say. */
    static final int DEFAULT_DAYS = 7;

    /**
     * Today's water.
     *
     * @param stoppedBy why today has no more drink nudges, if it has none
     * @param nextDrink the next drink nudge planned, today or later, if any
     */
    public record Today(ZoneId zone, WaterDay day, Optional<WaterStopReason> stoppedBy, Optional<Nudge> nextDrink) {
    }

    /** The days asked for, in date order, and the current streak of met days. */
    public record History(ZoneId zone, List<WaterDay> days, int streak) {
    }

    @Inject
    StoredPreferences preferences;
    @Inject
    HydrationDays planned;
    @Inject
    DrinkStore drinks;
    @Inject
    NudgeStore nudges;

    @Transactional
    public Today today(String userId, Instant now) {
        ZoneId zone = preferences.of(userId).zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        List<HydrationDays.Day> rows = planned.between(userId, today, today);
        HydrationDays.Day row = rows.isEmpty() ? null : rows.get(0);
        WaterDay day = days(userId, zone, today, today, rows, now).get(today);
        return new Today(zone, day, Optional.ofNullable(row).map(HydrationDays.Day::stoppedBy),
                nudges.nextDrink(userId, now));
    }

    /**
     * The days from {@code from} to {@code to} (both included; to: today when null, from: a week before to when null)
     * and the streak that ends today.
     */
    @Transactional
    public History days(String userId, LocalDate askedFrom, LocalDate askedTo, Instant now) {
        ZoneId zone = preferences.of(userId).zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate to = askedTo == null ? today : askedTo;
        LocalDate from = askedFrom == null ? to.minusDays(DEFAULT_DAYS - 1) : askedFrom;
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInput(askedFrom == null ? "to" : "from", "asks for more than " + MAX_DAYS + " days, or "
                    + "for days that end before they start (to is today when not given)");
        }
        LocalDate first = from.isBefore(today.minusDays(STREAK_DAYS)) ? from : today.minusDays(STREAK_DAYS);
        LocalDate last = to.isAfter(today) ? to : today;
        Map<LocalDate, WaterDay> all = days(userId, zone, first, last, planned.between(userId, first, last), now);
        List<WaterDay> asked = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            asked.add(all.get(day));
        }
        return new History(zone, asked, WaterDay.streak(all, today));
    }

    /** Every day from first to last: its planned row's target (today: the current target without one) and drinks. */
    private Map<LocalDate, WaterDay> days(String userId, ZoneId zone, LocalDate first, LocalDate last,
            List<HydrationDays.Day> rows, Instant now) {
        Map<LocalDate, HydrationDays.Day> byDay = new HashMap<>();
        rows.forEach(row -> byDay.put(row.day(), row));
        Map<LocalDate, List<Portion>> drunk = new HashMap<>();
        drinks.between(userId, first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant())
                .forEach(d -> drunk.computeIfAbsent(d.dueAt().atZone(zone).toLocalDate(), k -> new ArrayList<>()).add(d));
        LocalDate today = now.atZone(zone).toLocalDate();
        Map<LocalDate, WaterDay> days = new HashMap<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            HydrationDays.Day row = byDay.get(day);
            Integer target = row == null ? null : row.dailyTargetMl();
            if (target == null && day.equals(today)) {
                target = currentTarget(userId);
            }
            days.put(day, WaterDay.of(day, target, drunk.getOrDefault(day, List.of()),
                    row == null ? null : row.reportedMl(), row == null ? null : row.reportedAt()));
        }
        return days;
    }

    private static Integer currentTarget(String userId) {
        HydrationTarget target = HydrationTarget.findById(userId);
        return target == null ? null : target.dailyTargetMl;
    }
}
