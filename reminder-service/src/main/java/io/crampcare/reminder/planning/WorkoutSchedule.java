package io.crampcare.reminder.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.crampcare.contracts.nudge.NudgeKind;

/**
 * The nudges around workout occurrences.
 *
 * <p>
 * For each occurrence whose <em>start</em> lies in {@code [from, to)}:
 * <ul>
 * <li>{@link NudgeKind#WARM_UP} at {@code start - warmUpLead};</li>
 * <li>{@link NudgeKind#STRETCH} at {@code start + durationMinutes} (the end);</li>
 * <li>{@link NudgeKind#PRE_EXERCISE_HYDRATION} at {@code start - }{@link #PRE_EXERCISE_LEAD} with
 * {@code amountMl = preExerciseMl}, only when {@code preExerciseMl} is given and positive and that time is
 * allowed by the preferences (waking window, not quiet hours, judged in {@code prefs.zone()}); otherwise it is
 * left out, not moved.</li>
 * </ul>
 * Warm-up and stretch are tied to a workout the person scheduled themselves, so they are not subject to the
 * waking window or quiet hours. Only kinds in {@link Preferences#kinds()} are returned (a null set counts as
 * "all kinds"). A nudge may lie before {@code from} (for example the warm-up of an occurrence starting just
 * after {@code from}); the caller decides what to do with past nudges.
 *
 * <p>
 * Occurrences: a one-off plan has its {@code oneOffStart}; a weekly plan has, for each local date in
 * {@code zone} whose day of week is in {@code weeklyDays}, {@code weeklyStart} on that date via
 * {@link LocalTimes#at} (so the start keeps its local time across daylight-saving changes, and a start
 * inside a spring-forward gap moves to the end of the gap). A plan with both set yields both. The
 * {@code occurrence} of each nudge is the local date of the start in {@code zone}.
 */
public final class WorkoutSchedule {

    /** How long before the start the pre-exercise drink is due. */
    public static final Duration PRE_EXERCISE_LEAD = Duration.ofHours(4);

    private static final Comparator<WorkoutNudge> ORDER = Comparator.comparing(WorkoutNudge::dueAt)
            .thenComparing(WorkoutNudge::occurrence)
            .thenComparing(WorkoutNudge::kind);

    private WorkoutSchedule() {
    }

    /**
     * Nudges for the occurrences of {@code plan} starting in {@code [from, to)}, sorted by due time.
     *
     * @param plan          the workout's schedule
     * @param zone          zone of the weekly local start time and of the occurrence date
     * @param from          first instant an occurrence may start at (inclusive)
     * @param to            end of the range (exclusive)
     * @param warmUpLead    how long before the start the warm-up nudge is due
     * @param preExerciseMl the pre-exercise drink (from body weight), or null when weight is unknown
     * @param prefs         kinds wanted, and the window the pre-exercise drink must fall in
     */
    public static List<WorkoutNudge> nudges(WorkoutPlan plan, ZoneId zone, Instant from, Instant to,
            Duration warmUpLead, Integer preExerciseMl, Preferences prefs) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(warmUpLead, "warmUpLead");
        Objects.requireNonNull(prefs, "prefs");
        List<WorkoutNudge> nudges = new ArrayList<>();
        for (Instant start : starts(plan, zone, from, to)) {
            LocalDate occurrence = start.atZone(zone).toLocalDate();
            if (wants(prefs, NudgeKind.WARM_UP)) {
                nudges.add(new WorkoutNudge(NudgeKind.WARM_UP, start.minus(warmUpLead), occurrence, null));
            }
            if (wants(prefs, NudgeKind.STRETCH)) {
                Instant end = start.plus(Duration.ofMinutes(plan.durationMinutes()));
                nudges.add(new WorkoutNudge(NudgeKind.STRETCH, end, occurrence, null));
            }
            if (preExerciseMl != null && preExerciseMl > 0 && wants(prefs, NudgeKind.PRE_EXERCISE_HYDRATION)) {
                Instant drink = start.minus(PRE_EXERCISE_LEAD);
                ZoneId prefsZone = prefs.zone() != null ? prefs.zone() : zone;
                if (prefs.allows(drink.atZone(prefsZone).toLocalTime())) {
                    nudges.add(new WorkoutNudge(NudgeKind.PRE_EXERCISE_HYDRATION, drink, occurrence,
                            preExerciseMl));
                }
            }
        }
        nudges.sort(ORDER);
        return List.copyOf(nudges);
    }

    /** Start instants of the plan's occurrences in {@code [from, to)}, in time order. */
    public static List<Instant> starts(WorkoutPlan plan, ZoneId zone, Instant from, Instant to) {
        List<Instant> starts = new ArrayList<>();
        if (!from.isBefore(to)) {
            return starts;
        }
        if (plan.oneOffStart() != null && inRange(plan.oneOffStart(), from, to)) {
            starts.add(plan.oneOffStart());
        }
        if (plan.weeklyDays() != null && !plan.weeklyDays().isEmpty() && plan.weeklyStart() != null) {
            LocalTime time = plan.weeklyStart();
            // one day of slack each side: a local date's start can fall outside its UTC date
            LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
            for (LocalDate date = from.atZone(zone).toLocalDate().minusDays(1); !date.isAfter(last);
                    date = date.plusDays(1)) {
                if (plan.weeklyDays().contains(date.getDayOfWeek())) {
                    Instant start = LocalTimes.at(date, time, zone);
                    if (inRange(start, from, to)) {
                        starts.add(start);
                    }
                }
            }
        }
        starts.sort(Comparator.naturalOrder());
        return starts;
    }

    private static boolean inRange(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    private static boolean wants(Preferences prefs, NudgeKind kind) {
        return prefs.kinds() == null || prefs.kinds().contains(kind);
    }
}
