package io.crampcare.reminder.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.crampcare.contracts.nudge.NudgeKind;

class HydrationScheduleTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final int GUARD = 1000;
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    private static final LocalDate NORMAL_DAY = LocalDate.of(2026, 6, 17);
    private static final LocalDate BERLIN_SPRING = LocalDate.of(2026, 3, 29);
    private static final LocalDate BERLIN_FALL = LocalDate.of(2026, 10, 25);
    private static final LocalDate NY_SPRING = LocalDate.of(2026, 3, 8);
    private static final LocalDate NY_FALL = LocalDate.of(2026, 11, 1);

    private static Preferences prefs(ZoneId zone, String wake, String sleep, String quietStart, String quietEnd,
            int cap) {
        return new Preferences(zone, LocalTime.parse(wake), LocalTime.parse(sleep),
                quietStart == null ? null : LocalTime.parse(quietStart),
                quietEnd == null ? null : LocalTime.parse(quietEnd), cap, EnumSet.allOf(NudgeKind.class));
    }

    private static Preferences day(ZoneId zone, int cap) {
        return prefs(zone, "07:00", "22:00", null, null, cap);
    }

    private static List<LocalTime> localTimes(List<Portion> portions, ZoneId zone) {
        return portions.stream().map(p -> p.dueAt().atZone(zone).toLocalTime()).toList();
    }

    private static int sum(List<Portion> portions) {
        return portions.stream().mapToInt(Portion::amountMl).sum();
    }

    /** Every invariant a plan must keep, whatever its inputs. */
    /** The plan for these inputs, after checking it is valid ({@link #assertValid}). */
    private static List<Portion> validPlan(LocalDate day, int remainingMl, int maxPerHour, Preferences prefs,
            Instant notBefore) {
        List<Portion> plan = HydrationSchedule.plan(day, remainingMl, maxPerHour, prefs, notBefore);
        assertValid(plan, day, remainingMl, maxPerHour, prefs, notBefore);
        return plan;
    }

    private static void assertValid(List<Portion> portions, LocalDate day, int remainingMl, int maxPerHour,
            Preferences prefs, Instant notBefore) {
        ZoneId zone = prefs.zone();
        String ctx = "day=" + day + " remaining=" + remainingMl + " max=" + maxPerHour + " prefs=" + prefs
                + " notBefore=" + notBefore + " plan=" + portions;
        assertTrue(portions.size() <= Math.max(0, prefs.dailyCap()), "daily cap " + ctx);
        assertTrue(sum(portions) <= Math.max(0, remainingMl), "sum <= remaining " + ctx);
        int offGrid = 0;
        for (int i = 0; i < portions.size(); i++) {
            Portion p = portions.get(i);
            var local = p.dueAt().atZone(zone);
            assertEquals(day, local.toLocalDate(), "local day " + ctx);
            assertTrue(prefs.allows(local.toLocalTime()), "allowed local time " + local + " " + ctx);
            assertEquals(0, local.getSecond(), "whole minutes " + ctx);
            assertEquals(0, local.getNano(), "whole minutes " + ctx);
            assertFalse(p.dueAt().isBefore(notBefore), "not before " + ctx);
            assertTrue(p.amountMl() > 0, "positive amount " + ctx);
            assertTrue(p.amountMl() <= maxPerHour, "portion <= max per hour " + ctx);
            if (p.amountMl() % 10 != 0) {
                offGrid++;
            }
            if (i > 0) {
                Duration gap = Duration.between(portions.get(i - 1).dueAt(), p.dueAt());
                assertTrue(gap.compareTo(Duration.ofMinutes(60)) >= 0, "60 min apart " + ctx);
            }
            // the half-open hour starting at this portion (the worst hours start at a portion)
            int inHour = 0;
            for (Portion q : portions) {
                if (!q.dueAt().isBefore(p.dueAt()) && q.dueAt().isBefore(p.dueAt().plus(Duration.ofHours(1)))) {
                    inHour += q.amountMl();
                }
            }
            assertTrue(inHour <= maxPerHour, "half-open hour <= max " + ctx);
        }
        if (maxPerHour % 10 == 0) {
            assertTrue(offGrid <= 1, "multiples of 10 except one " + ctx);
        }
    }

    @Test
    void ordinaryDaySplitsTargetEvenlyAcrossWakingWindow() {
        Preferences prefs = day(BERLIN, 8);
        List<Portion> plan = validPlan(NORMAL_DAY, 2000, GUARD, prefs, LONG_AGO);
        assertEquals(8, plan.size());
        assertEquals(2000, sum(plan));
        plan.forEach(p -> assertEquals(250, p.amountMl()));
        // centres of 8 shares of 07:00-22:00, on 5-minute marks
        assertEquals(List.of(LocalTime.of(7, 55), LocalTime.of(9, 50), LocalTime.of(11, 40), LocalTime.of(13, 35),
                LocalTime.of(15, 25), LocalTime.of(17, 20), LocalTime.of(19, 10), LocalTime.of(21, 5)),
                localTimes(plan, BERLIN));
    }

    @Test
    void amountsAreMultiplesOfTenAndSumExactly() {
        Preferences prefs = day(UTC, 8);
        List<Portion> plan = validPlan(NORMAL_DAY, 2345, GUARD, prefs, LONG_AGO);
        assertEquals(2345, sum(plan));
        assertEquals(List.of(300, 300, 290, 290, 290, 290, 290, 295),
                plan.stream().map(Portion::amountMl).toList());
    }

    @Test
    void smallTargetIsOnePortion() {
        Preferences prefs = day(UTC, 8);
        List<Portion> plan = HydrationSchedule.plan(NORMAL_DAY, 5, GUARD, prefs, LONG_AGO);
        assertEquals(1, plan.size());
        assertEquals(5, plan.get(0).amountMl());
        assertEquals(LocalTime.of(14, 30), localTimes(plan, UTC).get(0));
    }

    /** Equal portions, as many as the daily cap allows: the cap limits the count, the hourly guard the size. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "daily cap limits count not total, 4, 3000, 4, 3000, 750",
            "hourly guard beats target when cap is reached, 4, 10000, 4, 4000, 1000"})
    void equalPortionsUpToTheCap(String situation, int dailyCap, int targetMl, int portions, int totalMl,
            int eachMl) {
        Preferences prefs = day(UTC, dailyCap);
        List<Portion> plan = validPlan(NORMAL_DAY, targetMl, GUARD, prefs, LONG_AGO);
        assertEquals(portions, plan.size());
        assertEquals(totalMl, sum(plan));
        plan.forEach(p -> assertEquals(eachMl, p.amountMl()));
    }

    @Test
    void hourlyGuardRaisesCountBelowCap() {
        Preferences prefs = day(UTC, 8);
        // 1000 mL would be 4 x 250 but the guard is 200/h: 5 x 200
        List<Portion> plan = validPlan(NORMAL_DAY, 1000, 200, prefs, LONG_AGO);
        assertEquals(5, plan.size());
        assertEquals(1000, sum(plan));
        // a guard that is not a multiple of 10 wins over the 10 mL grid
        plan = validPlan(NORMAL_DAY, 1000, 125, prefs, LONG_AGO);
        assertEquals(8, plan.size());
        assertEquals(1000, sum(plan));
        plan.forEach(p -> assertEquals(125, p.amountMl()));
    }

    @Test
    void wrappingQuietHoursAreSkipped() {
        Preferences prefs = prefs(BERLIN, "06:00", "23:30", "21:00", "07:30", 8);
        List<Portion> plan = validPlan(NORMAL_DAY, 2000, GUARD, prefs, LONG_AGO);
        assertEquals(2000, sum(plan));
        for (LocalTime t : localTimes(plan, BERLIN)) {
            assertFalse(t.isBefore(LocalTime.of(7, 30)), t.toString());
            assertTrue(t.isBefore(LocalTime.of(21, 0)), t.toString());
        }
    }

    @Test
    void middayQuietBlockIsSkippedAndNotCounted() {
        Preferences prefs = prefs(UTC, "08:00", "20:00", "12:00", "14:00", 5);
        List<Portion> plan = validPlan(NORMAL_DAY, 1250, GUARD, prefs, LONG_AGO);
        assertEquals(5, plan.size());
        for (LocalTime t : localTimes(plan, UTC)) {
            assertFalse(!t.isBefore(LocalTime.of(12, 0)) && t.isBefore(LocalTime.of(14, 0)), t.toString());
        }
        // 600 allowed minutes, shares of 120: centres 60, 180, 300, 420, 540 -> 09:00, 11:00, 15:00, 17:00, 19:00
        assertEquals(List.of(LocalTime.of(9, 0), LocalTime.of(11, 0), LocalTime.of(15, 0), LocalTime.of(17, 0),
                LocalTime.of(19, 0)), localTimes(plan, UTC));
    }

    @Test
    void quietBlocksCanStillHoldPortionsSeparatedByThem() {
        // only 07:00-07:29 and 09:00-09:29 allowed: 60 minutes of room in total, but two portions fit
        Preferences prefs = prefs(UTC, "07:00", "09:30", "07:30", "09:00", 8);
        List<Portion> plan = validPlan(NORMAL_DAY, 500, GUARD, prefs, LONG_AGO);
        assertEquals(2, plan.size());
        assertEquals(500, sum(plan));
    }

    @Test
    void notBeforeMidDayPlansOnlyTheRest() {
        Preferences prefs = day(BERLIN, 8);
        Instant now = LocalTimes.at(NORMAL_DAY, LocalTime.of(14, 10), BERLIN);
        List<Portion> plan = validPlan(NORMAL_DAY, 1000, GUARD, prefs, now);
        assertEquals(4, plan.size());
        assertEquals(1000, sum(plan));
        // 470 minutes left (14:10-22:00), shares of 117.5
        assertEquals(List.of(LocalTime.of(15, 10), LocalTime.of(17, 5), LocalTime.of(19, 5), LocalTime.of(21, 0)),
                localTimes(plan, BERLIN));
    }

    @Test
    void notBeforeWithSecondsSkipsThatMinute() {
        Preferences prefs = prefs(UTC, "07:00", "08:00", null, null, 8);
        Instant now = Instant.parse("2026-06-17T07:58:30Z");
        List<Portion> plan = HydrationSchedule.plan(NORMAL_DAY, 250, GUARD, prefs, now);
        assertEquals(List.of(new Portion(Instant.parse("2026-06-17T07:59:00Z"), 250)), plan);
    }

    @Test
    void littleTimeLeftMeansFewerLargerPortionsAndMayFallShort() {
        Preferences prefs = day(UTC, 8);
        Instant now = Instant.parse("2026-06-17T20:30:00Z"); // 90 minutes left: room for two
        List<Portion> plan = validPlan(NORMAL_DAY, 1500, GUARD, prefs, now);
        assertEquals(2, plan.size());
        assertEquals(1500, sum(plan));

        plan = validPlan(NORMAL_DAY, 2500, GUARD, prefs, now);
        assertEquals(2, plan.size());
        assertEquals(2000, sum(plan)); // short of the target: the guard wins
    }

    @Test
    void nothingToPlan() {
        Preferences prefs = day(UTC, 8);
        assertTrue(HydrationSchedule.plan(NORMAL_DAY, 0, GUARD, prefs, LONG_AGO).isEmpty());
        assertTrue(HydrationSchedule.plan(NORMAL_DAY, -100, GUARD, prefs, LONG_AGO).isEmpty());
        // day over
        assertTrue(HydrationSchedule.plan(NORMAL_DAY, 1000, GUARD, prefs, Instant.parse("2026-06-17T22:00:00Z"))
                .isEmpty());
        assertTrue(HydrationSchedule.plan(NORMAL_DAY, 1000, GUARD, prefs, Instant.parse("2026-06-18T08:00:00Z"))
                .isEmpty());
        // all quiet
        assertTrue(HydrationSchedule.plan(NORMAL_DAY, 1000, GUARD, prefs(UTC, "07:00", "22:00", "06:00", "23:00", 8),
                LONG_AGO).isEmpty());
        // cap zero
        assertTrue(HydrationSchedule.plan(NORMAL_DAY, 1000, GUARD, day(UTC, 0), LONG_AGO).isEmpty());
        // hydration nudges not wanted
        Preferences noWater = new Preferences(UTC, LocalTime.of(7, 0), LocalTime.of(22, 0), null, null, 8,
                EnumSet.of(NudgeKind.WARM_UP, NudgeKind.STRETCH));
        assertTrue(HydrationSchedule.plan(NORMAL_DAY, 1000, GUARD, noWater, LONG_AGO).isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> HydrationSchedule.plan(NORMAL_DAY, 1000, 0, prefs, LONG_AGO));
    }

    @Test
    void dstDaysKeepLocalTimesOfANormalDay() {
        for (var zoneAndDays : List.of(List.of(BERLIN, BERLIN_SPRING, BERLIN_FALL), List.of(NEW_YORK, NY_SPRING, NY_FALL))) {
            ZoneId zone = (ZoneId) zoneAndDays.get(0);
            for (Preferences prefs : List.of(day(zone, 8), prefs(zone, "06:30", "23:00", "12:00", "13:00", 6))) {
                List<Portion> normal = HydrationSchedule.plan(NORMAL_DAY, 2000, GUARD, prefs, LONG_AGO);
                for (int d = 1; d <= 2; d++) {
                    LocalDate dstDay = (LocalDate) zoneAndDays.get(d);
                    List<Portion> plan = validPlan(dstDay, 2000, GUARD, prefs, LONG_AGO);
                    assertEquals(localTimes(normal, zone), localTimes(plan, zone), zone + " " + dstDay);
                    assertEquals(normal.stream().map(Portion::amountMl).toList(),
                            plan.stream().map(Portion::amountMl).toList());
                }
            }
        }
    }

    static Stream<Arguments> fallBackDays() {
        return Stream.of(Arguments.of(BERLIN, BERLIN_FALL), Arguments.of(NEW_YORK, NY_FALL));
    }

    static Stream<Arguments> springForwardDays() {
        return Stream.of(Arguments.of(BERLIN, BERLIN_SPRING), Arguments.of(NEW_YORK, NY_SPRING));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("fallBackDays")
    void fallBackDayWithWholeDayWindowKeepsLocalTimes(ZoneId zone, LocalDate fall) {
        // the repeated hour is counted once, so a 25-hour day plans like a 24-hour one
        Preferences prefs = prefs(zone, "00:00", "23:59", null, null, 12);
        List<Portion> normal = HydrationSchedule.plan(NORMAL_DAY, 3000, GUARD, prefs, LONG_AGO);
        List<Portion> plan = validPlan(fall, 3000, GUARD, prefs, LONG_AGO);
        assertEquals(12, plan.size());
        assertEquals(localTimes(normal, zone), localTimes(plan, zone));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("springForwardDays")
    void springForwardDayWithWholeDayWindowAvoidsTheGap(ZoneId zone, LocalDate spring) {
        Preferences prefs = prefs(zone, "00:00", "23:59", null, null, 23);
        List<Portion> plan = validPlan(spring, 23 * 250, GUARD, prefs, LONG_AGO);
        assertEquals(23 * 250, sum(plan));
        for (LocalTime t : localTimes(plan, zone)) {
            assertFalse(t.getHour() == 2, "in the gap: " + t);
        }
        // a 23-hour day cannot hold 24 portions an hour apart
        plan = HydrationSchedule.plan(spring, 24 * 250, GUARD, prefs(zone, "00:00", "23:59", null, null, 24), LONG_AGO);
        assertEquals(23, plan.size());
    }

    @Test
    void propertyLoopOverManyInputs() {
        Random random = new Random(20260329L);
        List<ZoneId> zones = List.of(UTC, BERLIN, NEW_YORK, ZoneId.of("Asia/Kolkata"),
                ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Auckland"));
        List<LocalDate> days = List.of(NORMAL_DAY, BERLIN_SPRING, BERLIN_FALL, NY_SPRING, NY_FALL,
                LocalDate.of(2026, 4, 5), LocalDate.of(2026, 10, 4), LocalDate.of(2026, 9, 27));
        int[] guards = { 1000, 1000, 500, 255, 200, 125, 7 };
        int planned = 0;
        for (int run = 0; run < 1500; run++) {
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            LocalDate day = days.get(random.nextInt(days.size()));
            int remaining = random.nextInt(10) == 0 ? -random.nextInt(300) : random.nextInt(6000);
            int guard = guards[random.nextInt(guards.length)];
            int cap = random.nextInt(14);
            LocalTime wake = LocalTime.of(random.nextInt(12), random.nextInt(60));
            LocalTime sleep = LocalTime.of(12 + random.nextInt(12), random.nextInt(60));
            LocalTime quietStart = null;
            LocalTime quietEnd = null;
            if (random.nextBoolean()) {
                quietStart = LocalTime.of(random.nextInt(24), random.nextInt(4) * 15);
                quietEnd = LocalTime.of(random.nextInt(24), random.nextInt(4) * 15);
            }
            Preferences prefs = new Preferences(zone, wake, sleep, quietStart, quietEnd, cap,
                    EnumSet.allOf(NudgeKind.class));
            Instant notBefore = random.nextBoolean() ? LONG_AGO
                    : day.atStartOfDay(zone).toInstant().plusSeconds(random.nextInt(26 * 3600));

            List<Portion> plan = validPlan(day, remaining, guard, prefs, notBefore);

            // count and total, from the rules, with an independent room count
            int room = greedyRoom(day, prefs, notBefore);
            int expectedCount = remaining <= 0 || cap <= 0 ? 0 : Math.min(count(remaining, guard, cap), room);
            assertEquals(expectedCount, plan.size(), "count for " + remaining + "/" + guard + "/" + cap + " " + prefs);
            assertEquals(expectedCount == 0 ? 0 : Math.min(remaining, expectedCount * guard), sum(plan));
            if (!plan.isEmpty()) {
                planned++;
            }
        }
        assertTrue(planned > 500, "the loop should mostly plan something: " + planned);
    }

    /** The count rule, restated. */
    private static int count(int remaining, int guard, int cap) {
        int n = Math.max(1, Math.min(cap, (remaining + 249) / 250));
        if ((remaining + n - 1) / n > guard) {
            n = Math.min(cap, (remaining + guard - 1) / guard);
        }
        return n;
    }

    /** Most portions an hour apart that the day's allowed, existing minutes at/after notBefore can hold. */
    private static int greedyRoom(LocalDate day, Preferences prefs, Instant notBefore) {
        int room = 0;
        Instant last = null;
        for (LocalTime t = LocalTime.MIDNIGHT;; t = t.plusMinutes(1)) {
            var offsets = prefs.zone().getRules().getValidOffsets(day.atTime(t));
            if (prefs.allows(t) && !offsets.isEmpty()) {
                Instant at = day.atTime(t).toInstant(offsets.get(0));
                if (!at.isBefore(notBefore) && (last == null || !at.isBefore(last.plus(Duration.ofHours(1))))) {
                    room++;
                    last = at;
                }
            }
            if (t.equals(LocalTime.of(23, 59))) {
                return room;
            }
        }
    }

    @Test
    void planIsSortedAndImmutable() {
        List<Portion> plan = HydrationSchedule.plan(NORMAL_DAY, 2000, GUARD, day(UTC, 8), LONG_AGO);
        List<Portion> sorted = new ArrayList<>(plan);
        sorted.sort((a, b) -> a.dueAt().compareTo(b.dueAt()));
        assertEquals(sorted, plan);
        assertThrows(UnsupportedOperationException.class, () -> plan.add(plan.get(0)));
        assertEquals(Set.copyOf(plan).size(), plan.size());
    }

    @Test
    void shareLeftFollowsTheDrinkingTimeStillAhead() {
        Preferences prefs = new Preferences(ZoneId.of("Europe/Berlin"), LocalTime.of(7, 0),
                LocalTime.of(21, 0), null, null, 8, EnumSet.allOf(NudgeKind.class));
        LocalDate day = LocalDate.of(2026, 6, 10);
        assertEquals(1.0,
                HydrationSchedule.shareLeft(day, prefs, LocalTimes.at(day, LocalTime.of(6, 0), prefs.zone())));
        assertEquals(0.5,
                HydrationSchedule.shareLeft(day, prefs, LocalTimes.at(day, LocalTime.of(14, 0), prefs.zone())));
        assertEquals(0.0,
                HydrationSchedule.shareLeft(day, prefs, LocalTimes.at(day, LocalTime.of(21, 30), prefs.zone())));
    }
}
