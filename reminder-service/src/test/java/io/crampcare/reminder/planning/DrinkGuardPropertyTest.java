package io.crampcare.reminder.planning;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.advice.HydrationPlan;
import io.crampcare.contracts.nudge.NudgeKind;

/**
 * Whatever advice, workouts and snoozes arrive, in any order and at any time, the drinks planned keep to the limits:
 * the rolling one-hour sum never above the hourly guard, no local day above the daily ceiling, no drink above the
 * portion ceiling. Each step plans as the reminder does (AdvicePlanning, WorkoutPlanning, NudgeService), through the same core: the
 * advice's numbers clamped, water from {@link HydrationSchedule}, pre-exercise drinks from {@link WorkoutSchedule},
 * every drink admitted by a {@link DrinkGuard} over the drinks held from {@link DrinkGuard#countsFrom}.
 * <p>
 * Scenarios come from fixed seeds, so a failure names the seed that reproduces it, and every run checks the same ones.
 * (No property-testing library: jqwik, the usual one, asks from 1.10 on not to be used by AI coding agents, which
 * write much of this code.)
 */
class DrinkGuardPropertyTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"), ZoneId.of("Pacific/Auckland"), ZoneId.of("Asia/Kolkata"));
    private static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration HORIZON = Duration.ofHours(48);

    /** Something that plans drinks, after {@code waitMinutes} have passed. */
    sealed interface Step permits Advice, Workout, Snooze {
        int waitMinutes();
    }

    /** A new advice: today's rest and tomorrow's water replace their unfired portions. */
    record Advice(int waitMinutes, int dailyTargetMl, int remainingTodayMl, int maxPerHourMl, int preExerciseMl)
            implements Step {
    }

    /** A one-off workout starting {@code startInMinutes} from now, with the latest advice's pre-exercise drink. */
    record Workout(int waitMinutes, int startInMinutes, int durationMinutes) implements Step {
    }

    /** A fired drink (picked by {@code pick}) snoozed for {@code minutes}. */
    record Snooze(int waitMinutes, int pick, int minutes) implements Step {
    }

    /** A drink nudge as the reminder stores it: water of a local day, or a workout's drink. */
    record Drink(boolean water, LocalDate day, Portion portion) {
    }

    private static final int SCENARIOS = 500;

    @Test
    void drinksKeepToTheLimitsWhateverArrives() {
        for (long seed = 1; seed <= SCENARIOS; seed++) {
            Random random = new Random(seed);
            DrinkLimits limits = limits(random);
            Preferences prefs = prefs(random);
            Instant start = YEAR_START.plus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
            List<Step> steps = steps(random);
            String scenario = "seed " + seed + ": " + limits + ", " + prefs + ", from " + start + ", " + steps;
            run(limits, prefs, start, steps, scenario);
        }
    }

    private static void run(DrinkLimits limits, Preferences prefs, Instant start, List<Step> steps, String scenario) {
        Instant now = start;
        List<Drink> drinks = new ArrayList<>();
        Advice latest = null;
        for (Step step : steps) {
            now = now.plus(Duration.ofMinutes(step.waitMinutes()));
            if (step instanceof Advice advice) {
                latest = advice;
                planWater(limits, prefs, now, advice, drinks);
            } else if (step instanceof Workout workout) {
                planWorkout(limits, prefs, now, workout, latest, drinks);
            } else {
                snooze(limits, prefs, now, (Snooze) step, drinks);
            }
            assertWithinLimits(limits, prefs.zone(), drinks, "after " + step + " in " + scenario);
        }
    }

    private static void planWater(DrinkLimits limits, Preferences prefs, Instant now, Advice advice, List<Drink> drinks) {
        HydrationPlan water = limits.clamp(new HydrationPlan(advice.dailyTargetMl(), 0, null, advice.preExerciseMl(),
                advice.maxPerHourMl(), null, advice.remainingTodayMl(), false)).plan();
        LocalDate today = now.atZone(prefs.zone()).toLocalDate();
        Instant from = now;
        // The days' unfired water gives way to the new plan.
        drinks.removeIf(d -> d.water() && !d.portion().dueAt().isBefore(from)
                && (d.day().equals(today) || d.day().equals(today.plusDays(1))));
        DrinkGuard guard = guard(limits, prefs, now, drinks, null);
        int portionCeiling = limits.portionCeiling(water.maxPerHourMl());
        for (LocalDate day : List.of(today, today.plusDays(1))) {
            int remaining = day.equals(today) ? water.remainingTodayMl() : water.dailyTargetMl();
            for (Portion portion : HydrationSchedule.plan(day, remaining, portionCeiling, prefs, now)) {
                guard.admit(portion).ifPresent(p -> drinks.add(new Drink(true, day, p)));
            }
        }
    }

    private static void planWorkout(DrinkLimits limits, Preferences prefs, Instant now, Workout workout, Advice latest,
            List<Drink> drinks) {
        if (latest == null) {
            return;
        }
        Integer preExerciseMl = limits.clamp(new HydrationPlan(latest.dailyTargetMl(), 0, null, latest.preExerciseMl(),
                latest.maxPerHourMl())).plan().preExerciseMaxMl();
        WorkoutPlan plan = new WorkoutPlan(now.plus(Duration.ofMinutes(workout.startInMinutes())), null, null,
                workout.durationMinutes());
        DrinkGuard guard = guard(limits, prefs, now, drinks, null);
        for (WorkoutNudge nudge : WorkoutSchedule.nudges(plan, prefs.zone(), now, now.plus(HORIZON),
                Duration.ofMinutes(15), preExerciseMl, prefs)) {
            if (nudge.kind() == NudgeKind.PRE_EXERCISE_HYDRATION && !nudge.dueAt().isBefore(now)) {
                guard.admit(new Portion(nudge.dueAt(), nudge.amountMl()))
                        .ifPresent(p -> drinks.add(new Drink(false, nudge.occurrence(), p)));
            }
        }
    }

    private static void snooze(DrinkLimits limits, Preferences prefs, Instant now, Snooze snooze, List<Drink> drinks) {
        List<Drink> fired = drinks.stream().filter(d -> !d.portion().dueAt().isAfter(now)).toList();
        if (fired.isEmpty()) {
            return;
        }
        Drink drink = fired.get(snooze.pick() % fired.size());
        Instant later = now.plus(Duration.ofMinutes(snooze.minutes()));
        Optional<Portion> moved = guard(limits, prefs, now, drinks, drink)
                .admit(new Portion(later, drink.portion().amountMl()));
        if (moved.isPresent()) { // else the snooze is refused and the drink stays as it fired
            drinks.remove(drink);
            drinks.add(new Drink(drink.water(), drink.day(), moved.get()));
        }
    }

    /** As DrinkLedger builds it: the drinks held from countsFrom(now), but the one being moved. */
    private static DrinkGuard guard(DrinkLimits limits, Preferences prefs, Instant now, List<Drink> drinks,
            Drink except) {
        Instant from = DrinkGuard.countsFrom(now, prefs.zone());
        List<Portion> held = drinks.stream().filter(d -> d != except && !d.portion().dueAt().isBefore(from))
                .map(Drink::portion).toList();
        return new DrinkGuard(limits, prefs.zone(), held, limit -> { });
    }

    private static void assertWithinLimits(DrinkLimits limits, ZoneId zone, List<Drink> drinks, String when) {
        for (Drink drink : drinks) {
            Instant start = drink.portion().dueAt();
            int hour = drinks.stream().map(Drink::portion)
                    .filter(p -> !p.dueAt().isBefore(start) && p.dueAt().isBefore(start.plus(DrinkGuard.WINDOW)))
                    .mapToInt(Portion::amountMl).sum();
            assertTrue(hour <= limits.maxPerHourMl(), () -> hour + " mL in the hour from " + start + " " + when
                    + ": " + drinks);
            assertTrue(drink.portion().amountMl() <= limits.maxPortionMl(), () -> "portion " + drink + " " + when);
        }
        Map<LocalDate, Integer> byDay = drinks.stream().collect(Collectors.groupingBy(
                d -> d.portion().dueAt().atZone(zone).toLocalDate(),
                Collectors.summingInt(d -> d.portion().amountMl())));
        byDay.forEach((day, total) -> assertTrue(total <= limits.maxDailyMl(),
                () -> total + " mL on " + day + " " + when + ": " + drinks));
    }

    /** The defaults half the time, else any ceilings. */
    private static DrinkLimits limits(Random random) {
        return random.nextBoolean() ? new DrinkLimits(6000, 1000, 1000)
                : new DrinkLimits(between(random, 500, 8000), between(random, 100, 1500), between(random, 50, 1500));
    }

    private static Preferences prefs(Random random) {
        return new Preferences(ZONES.get(random.nextInt(ZONES.size())), LocalTime.of(between(random, 0, 12), 0),
                LocalTime.of(between(random, 13, 23), 0), null, null, between(random, 1, 24),
                EnumSet.allOf(NudgeKind.class));
    }

    /** Up to 30 steps, advice a quarter of them, workouts and snoozes the rest, some at once (no wait). */
    private static List<Step> steps(Random random) {
        List<Step> steps = new ArrayList<>();
        int count = random.nextInt(31);
        for (int i = 0; i < count; i++) {
            int wait = random.nextInt(4) == 0 ? 0 : between(random, 0, 240);
            int kind = random.nextInt(8);
            if (kind < 2) {
                steps.add(new Advice(wait, between(random, 0, 20_000), between(random, 0, 20_000),
                        between(random, 1, 5000), between(random, 0, 3000)));
            } else if (kind < 5) {
                // the same start again now and then: one workout posted more than once
                int startIn = random.nextInt(3) == 0 ? 300 : between(random, 0, 48 * 60);
                steps.add(new Workout(wait, startIn, between(random, 1, 600)));
            } else {
                steps.add(new Snooze(wait, random.nextInt(100), between(random, 1, 240)));
            }
        }
        return steps;
    }

    private static int between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }
}
