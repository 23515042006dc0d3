package io.crampcare.reminder.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * One local day's water as the person sees it: the day's target and what was drunk, counted from the drink log and,
 * on the day of a report, from what the report said was drunk before it. Pure: no clock, no CDI.
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>Drunk</b> is every drink of the day in the log (logged drinks and DONE drink nudges). When the day's report
 * said {@code reportedMl} was drunk by {@code reportedAt}, that statement stands for everything before then: the
 * logged drinks before it count only where they are more than it said, and every drink after it counts.</li>
 * <li><b>Remaining</b> is the target less what was drunk, never below 0; the day is <b>met</b> when nothing
 * remains. A day without a target (no advice planned it) is neither met nor missed.</li>
 * <li><b>Streak</b>: the met days in a row that end today, or yesterday while today is not met yet.</li>
 * </ol>
 *
 * @param day        the local day
 * @param targetMl   the day's daily target, or null when no advice planned the day
 * @param drunkMl    what was drunk that day (rule 1)
 */
public record WaterDay(LocalDate day, Integer targetMl, int drunkMl) {

    /** The day from its target, the day's drinks, and the report's statement (both null without one). */
    public static WaterDay of(LocalDate day, Integer targetMl, Collection<Portion> drinks, Integer reportedMl,
            Instant reportedAt) {
        int logged = drinks.stream().mapToInt(Portion::amountMl).sum();
        if (reportedMl == null || reportedAt == null) {
            return new WaterDay(day, targetMl, logged);
        }
        int loggedBefore = drinks.stream().filter(d -> d.dueAt().isBefore(reportedAt)).mapToInt(Portion::amountMl)
                .sum();
        return new WaterDay(day, targetMl, Math.max(reportedMl, loggedBefore) + logged - loggedBefore);
    }

    /** What is left of the target, never below 0; null without a target. */
    public Integer remainingMl() {
        return targetMl == null ? null : Math.max(0, targetMl - drunkMl);
    }

    /** Whether the target was reached; null without a target. */
    public Boolean met() {
        return targetMl == null ? null : drunkMl >= targetMl;
    }

    /** The met days in a row ending {@code today}, or yesterday while today is not met (yet). */
    public static int streak(Map<LocalDate, WaterDay> days, LocalDate today) {
        LocalDate day = isMet(days.get(today)) ? today : today.minusDays(1);
        int streak = 0;
        while (isMet(days.get(day))) {
            streak++;
            day = day.minusDays(1);
        }
        return streak;
    }

    private static boolean isMet(WaterDay day) {
        return day != null && Boolean.TRUE.equals(day.met());
    }
}
