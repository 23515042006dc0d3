package io.crampcare.reminder.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.crampcare.contracts.nudge.NudgeKind;

/**
 * Splits what is left of a day's water target into portions at allowed local times.
 *
 * <p>
 * Pure function of its arguments (no clock, no CDI), so it is planned and tested with explicit times.
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>Count.</b> About {@value #PREFERRED_PORTION_ML} mL a portion:
 * {@code n = min(dailyCap, ceil(remaining / 250))}, at least 1. If {@code remaining / n} would exceed
 * {@code maxPerHourMl}, n is raised to {@code ceil(remaining / maxPerHourMl)}, but never above
 * {@code dailyCap}; if the cap stops it, only {@code dailyCap * maxPerHourMl} is planned (the per-hour
 * guard beats the target).</li>
 * <li><b>Room.</b> Portions are at least {@link #MIN_GAP} apart (real elapsed time), so any half-open hour
 * holds at most one portion and hence at most {@code maxPerHourMl}. If the allowed time left that day
 * cannot hold n portions that far apart, fewer are planned; each is still at most {@code maxPerHourMl}, so
 * the planned total may then fall <em>short</em> of {@code remainingMl}. The caller sees this as
 * {@code sum(amountMl) < remainingMl}; nothing is carried over to the next day.</li>
 * <li><b>Times.</b> The allowed time is every local minute of {@code day} that {@link Preferences#allows}
 * (waking window, not quiet hours), that exists on that day (minutes inside a spring-forward gap do not),
 * and whose instant is at or after {@code notBefore}. Portions go to the centres of n equal shares of these
 * allowed minutes (so quiet blocks are skipped, not counted), rounded to a 5-minute local mark where that
 * mark is allowed, and then nudged later/earlier only as far as needed to keep {@link #MIN_GAP}.
 * Local-to-instant conversion is {@link LocalTimes#at}, so a 23- or 25-hour day keeps local times. In a
 * fall-back overlap each local minute is counted once, at its first occurrence.</li>
 * <li><b>Amounts.</b> Multiples of 10 mL, as equal as possible (earlier portions get the extra 10 mL); the
 * last portion also takes the remainder below 10 mL so the amounts sum exactly to the planned total. Only if
 * {@code maxPerHourMl} is not a multiple of 10 and the total needs more than the 10-mL-rounded cap do
 * amounts leave the 10 mL grid (the per-hour guard wins).</li>
 * <li><b>Nothing</b> is planned when {@code remainingMl <= 0}, {@code dailyCap <= 0}, no allowed time is
 * left, or {@link NudgeKind#HYDRATION} is not among {@link Preferences#kinds()} (a null kinds set counts as
 * "all kinds").</li>
 * </ol>
 */
public final class HydrationSchedule {

    /** The portion size aimed for. */
    public static final int PREFERRED_PORTION_ML = 250;

    /** Minimum distance between two portions. */
    public static final Duration MIN_GAP = Duration.ofMinutes(60);

    /** Local minute marks that times are rounded to where possible. */
    static final int ROUND_MINUTES = 5;

    private HydrationSchedule() {
    }

    /**
     * Plans the rest of {@code day}'s water.
     *
     * @param day          the local day (in {@code prefs.zone()}) being planned
     * @param remainingMl  water still to drink that day
     * @param maxPerHourMl most water in any hour (the 1 L/hour guard); must be positive
     * @param prefs        zone, waking window, quiet hours, daily cap, kinds
     * @param notBefore    no portion before this instant (usually "now")
     * @return portions sorted by time; empty when nothing is to be planned
     */
    public static List<Portion> plan(LocalDate day, int remainingMl, int maxPerHourMl, Preferences prefs,
            Instant notBefore) {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(prefs, "prefs");
        Objects.requireNonNull(prefs.zone(), "prefs.zone");
        Objects.requireNonNull(notBefore, "notBefore");
        if (maxPerHourMl <= 0) {
            throw new IllegalArgumentException("maxPerHourMl must be positive: " + maxPerHourMl);
        }
        if (remainingMl <= 0 || prefs.dailyCap() <= 0) {
            return List.of();
        }
        if (prefs.kinds() != null && !prefs.kinds().contains(NudgeKind.HYDRATION)) {
            return List.of();
        }
        AllowedMinutes slots = AllowedMinutes.of(day, prefs, notBefore);
        if (slots.size() == 0) {
            return List.of();
        }
        int[] earliest = slots.earliestChain(Integer.MAX_VALUE);
        int n = Math.min(portionCount(remainingMl, maxPerHourMl, prefs.dailyCap()), earliest.length);
        int total = (int) Math.min(remainingMl, (long) n * maxPerHourMl);

        int[] positions = place(slots, n);
        int[] amounts = split(total, n, maxPerHourMl);
        List<Portion> portions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            portions.add(new Portion(slots.instant(positions[i]), amounts[i]));
        }
        return List.copyOf(portions);
    }

    /**
     * How many portions to aim for before looking at the clock: about 250 mL each, capped by
     * {@code dailyCap}, raised so no portion exceeds {@code maxPerHourMl} (but never above the cap).
     */
    /**
     * The share of a day's drinking time (allowed minutes) still ahead at {@code now}: 1 before the day starts, 0
     * after it. Planning a day from its middle uses it so the rest of the day is not crammed with the whole target.
     */
    public static double shareLeft(LocalDate day, Preferences prefs, Instant now) {
        int whole = AllowedMinutes.of(day, prefs, Instant.MIN).size();
        return whole == 0 ? 0 : (double) AllowedMinutes.of(day, prefs, now).size() / whole;
    }

    static int portionCount(int remainingMl, int maxPerHourMl, int dailyCap) {
        int n = Math.max(1, Math.min(dailyCap, ceilDiv(remainingMl, PREFERRED_PORTION_ML)));
        if (ceilDiv(remainingMl, n) > maxPerHourMl) {
            n = Math.min(dailyCap, ceilDiv(remainingMl, maxPerHourMl));
        }
        return n;
    }

    /**
     * Splits {@code total} into {@code n} amounts of at most {@code maxPerHourMl}; needs
     * {@code total <= n * maxPerHourMl}. Multiples of 10, the first ones 10 more when it does not divide
     * evenly, the last one taking the remainder below 10.
     */
    static int[] split(int total, int n, int maxPerHourMl) {
        int[] amounts = new int[n];
        int capTen = maxPerHourMl / 10 * 10;
        if ((long) n * capTen >= total) {
            int units = total / 10;
            for (int i = 0; i < n; i++) {
                amounts[i] = 10 * (units / n + (i < units % n ? 1 : 0));
            }
            amounts[n - 1] += total % 10;
        } else {
            // maxPerHourMl is not a multiple of 10 and the 10 mL grid cannot hold the total under the cap
            int extra = total - n * capTen;
            for (int i = 0; i < n; i++) {
                int more = Math.min(maxPerHourMl - capTen, extra);
                amounts[i] = capTen + more;
                extra -= more;
            }
        }
        return amounts;
    }

    /**
     * Chooses {@code n} slot indices, at least {@link #MIN_GAP} apart; needs n no larger than the greedy
     * chain. Aim: centres of n equal shares of the slots, rounded to a 5-minute mark. Each choice is then
     * clamped between the earliest and the latest position that still leaves room for the others, which
     * always exists because n fits.
     */
    private static int[] place(AllowedMinutes slots, int n) {
        int m = slots.size();
        int[] earliest = slots.earliestChain(n);
        int[] latest = slots.latestChain(n);
        int[] chosen = new int[n];
        for (int i = 0; i < n; i++) {
            int target = (int) ((2L * i + 1) * m / (2L * n));
            target = slots.roundedToMark(target);
            Instant lowerBound = slots.instant(Math.max(target, earliest[i]));
            if (i > 0) {
                Instant afterPrevious = slots.instant(chosen[i - 1]).plus(MIN_GAP);
                if (afterPrevious.isAfter(lowerBound)) {
                    lowerBound = afterPrevious;
                }
            }
            int pick = slots.firstAtOrAfter(lowerBound);
            if (pick < 0 || pick > latest[i]) {
                pick = latest[i];
            } else {
                pick = slots.nextMark(pick, latest[i]);
            }
            chosen[i] = pick;
        }
        return chosen;
    }

    private static int ceilDiv(int a, int b) {
        return (int) ((a + (long) b - 1) / b);
    }
}
