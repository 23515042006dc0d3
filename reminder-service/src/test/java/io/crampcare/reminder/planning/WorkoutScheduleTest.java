package io.crampcare.reminder.planning;

import static io.crampcare.contracts.nudge.NudgeKind.PRE_EXERCISE_HYDRATION;
import static io.crampcare.contracts.nudge.NudgeKind.STRETCH;
import static io.crampcare.contracts.nudge.NudgeKind.WARM_UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.nudge.NudgeKind;

class WorkoutScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration LEAD = Duration.ofMinutes(15);

    private static Preferences prefs(ZoneId zone, Set<NudgeKind> kinds) {
        return new Preferences(zone, LocalTime.of(7, 0), LocalTime.of(22, 0), null, null, 8, kinds);
    }

    private static Preferences all(ZoneId zone) {
        return prefs(zone, EnumSet.allOf(NudgeKind.class));
    }

    /** An hour's workout at 18:00 in Berlin on 3 June 2026, planned over that day. */
    private static final WorkoutPlan EVENING_HOUR = new WorkoutPlan(berlin("2026-06-03T18:00"), null, null, 60);
    private static final Instant JUNE_3 = berlin("2026-06-03T00:00");
    private static final Instant JUNE_4 = berlin("2026-06-04T00:00");

    private static Instant berlin(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void oneOffGetsWarmUpStretchAndPreExerciseDrink() {
        Instant start = Instant.parse("2026-05-10T16:00:00Z"); // 18:00 in Berlin
        WorkoutPlan plan = new WorkoutPlan(start, null, null, 60);
        List<WorkoutNudge> nudges = WorkoutSchedule.nudges(plan, BERLIN, Instant.parse("2026-05-10T00:00:00Z"),
                Instant.parse("2026-05-11T00:00:00Z"), LEAD, 500, all(BERLIN));
        LocalDate day = LocalDate.of(2026, 5, 10);
        assertEquals(List.of(
                new WorkoutNudge(PRE_EXERCISE_HYDRATION, Instant.parse("2026-05-10T12:00:00Z"), day, 500),
                new WorkoutNudge(WARM_UP, Instant.parse("2026-05-10T15:45:00Z"), day, null),
                new WorkoutNudge(STRETCH, Instant.parse("2026-05-10T17:00:00Z"), day, null)), nudges);
    }

    @Test
    void oneOffRangeIsHalfOpenAndWarmUpMayPrecedeFrom() {
        Instant start = Instant.parse("2026-05-10T16:00:00Z");
        WorkoutPlan plan = new WorkoutPlan(start, null, null, 45);
        List<WorkoutNudge> atFrom = WorkoutSchedule.nudges(plan, BERLIN, start, start.plusSeconds(1), LEAD, null,
                all(BERLIN));
        assertEquals(2, atFrom.size());
        assertEquals(start.minus(LEAD), atFrom.get(0).dueAt());
        assertEquals(start.plus(Duration.ofMinutes(45)), atFrom.get(1).dueAt());
        assertTrue(WorkoutSchedule.nudges(plan, BERLIN, start.minusSeconds(3600), start, LEAD, null, all(BERLIN))
                .isEmpty());
        assertTrue(WorkoutSchedule.nudges(plan, BERLIN, start.plusSeconds(1), start.plusSeconds(7200), LEAD, null,
                all(BERLIN)).isEmpty());
    }

    @Test
    void occurrenceIsTheLocalDateOfTheStart() {
        Instant start = Instant.parse("2026-05-10T02:00:00Z"); // 22:00 on 9 May in New York
        WorkoutPlan plan = new WorkoutPlan(start, null, null, 30);
        List<WorkoutNudge> nudges = WorkoutSchedule.nudges(plan, NEW_YORK, Instant.parse("2026-05-09T00:00:00Z"),
                Instant.parse("2026-05-11T00:00:00Z"), LEAD, 300, all(NEW_YORK));
        assertEquals(3, nudges.size()); // drink at 18:00 local: allowed
        nudges.forEach(n -> assertEquals(LocalDate.of(2026, 5, 9), n.occurrence()));
    }

    @Test
    void weeklyOverTwoWeeksAcrossSpringForwardKeepsLocalStart() {
        WorkoutPlan plan = new WorkoutPlan(null, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                LocalTime.of(7, 30), 60);
        Instant from = berlin("2026-03-23T00:00"); // Monday; clocks change Sunday 29 March
        Instant to = berlin("2026-04-06T00:00");
        List<WorkoutNudge> nudges = WorkoutSchedule.nudges(plan, BERLIN, from, to, LEAD, 400, all(BERLIN));
        // 03:30 drinks are outside the waking window: left out
        assertTrue(nudges.stream().noneMatch(n -> n.kind() == PRE_EXERCISE_HYDRATION));
        List<LocalDate> dates = List.of(LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 25),
                LocalDate.of(2026, 3, 27), LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 3));
        assertEquals(12, nudges.size());
        for (int i = 0; i < dates.size(); i++) {
            WorkoutNudge warmUp = nudges.get(2 * i);
            WorkoutNudge stretch = nudges.get(2 * i + 1);
            assertEquals(WARM_UP, warmUp.kind());
            assertEquals(STRETCH, stretch.kind());
            assertEquals(dates.get(i), warmUp.occurrence());
            assertEquals(dates.get(i), stretch.occurrence());
            assertEquals(dates.get(i).atTime(7, 15), warmUp.dueAt().atZone(BERLIN).toLocalDateTime());
            assertEquals(dates.get(i).atTime(8, 30), stretch.dueAt().atZone(BERLIN).toLocalDateTime());
        }
        // the UTC instants did shift by an hour
        assertEquals(Instant.parse("2026-03-27T06:15:00Z"), nudges.get(4).dueAt());
        assertEquals(Instant.parse("2026-03-30T05:15:00Z"), nudges.get(6).dueAt());
    }

    @Test
    void weeklyAcrossFallBackInNewYorkWithDrinks() {
        WorkoutPlan plan = new WorkoutPlan(null, EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY),
                LocalTime.of(18, 0), 90);
        Instant from = Instant.parse("2026-10-26T04:00:00Z"); // Monday 00:00 EDT
        Instant to = Instant.parse("2026-11-09T05:00:00Z"); // Monday 00:00 EST; clocks change Sunday 1 November
        List<WorkoutNudge> nudges = WorkoutSchedule.nudges(plan, NEW_YORK, from, to, Duration.ofMinutes(20), 600,
                all(NEW_YORK));
        assertEquals(12, nudges.size());
        for (int i = 0; i < nudges.size(); i += 3) {
            assertEquals(PRE_EXERCISE_HYDRATION, nudges.get(i).kind());
            assertEquals(600, nudges.get(i).amountMl());
            assertEquals(LocalTime.of(14, 0), nudges.get(i).dueAt().atZone(NEW_YORK).toLocalTime());
            assertEquals(WARM_UP, nudges.get(i + 1).kind());
            assertEquals(LocalTime.of(17, 40), nudges.get(i + 1).dueAt().atZone(NEW_YORK).toLocalTime());
            assertEquals(STRETCH, nudges.get(i + 2).kind());
            assertEquals(LocalTime.of(19, 30), nudges.get(i + 2).dueAt().atZone(NEW_YORK).toLocalTime());
        }
        assertEquals(List.of(LocalDate.of(2026, 10, 27), LocalDate.of(2026, 10, 29), LocalDate.of(2026, 11, 3),
                LocalDate.of(2026, 11, 5)),
                nudges.stream().map(WorkoutNudge::occurrence).distinct().toList());
        // the UTC instants shift by an hour: stretch at 19:30 EDT, then 19:30 EST
        assertEquals(Instant.parse("2026-10-29T23:30:00Z"), nudges.get(5).dueAt());
        assertEquals(Instant.parse("2026-11-04T00:30:00Z"), nudges.get(8).dueAt());
    }

    @Test
    void weeklyStartInsideTheGapMovesToTheEndOfTheGap() {
        WorkoutPlan plan = new WorkoutPlan(null, EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30), 30);
        List<WorkoutNudge> nudges = WorkoutSchedule.nudges(plan, BERLIN, berlin("2026-03-28T00:00"),
                berlin("2026-03-30T00:00"), LEAD, null, all(BERLIN));
        assertEquals(List.of(
                new WorkoutNudge(WARM_UP, Instant.parse("2026-03-29T00:45:00Z"), LocalDate.of(2026, 3, 29), null),
                new WorkoutNudge(STRETCH, Instant.parse("2026-03-29T01:30:00Z"), LocalDate.of(2026, 3, 29), null)),
                nudges);
    }

    @Test
    void preExerciseDrinkOnlyWithWeightAndOnlyWhenAllowed() {
        WorkoutPlan plan = EVENING_HOUR;
        Instant from = JUNE_3;
        Instant to = JUNE_4;
        // no weight: no drink
        assertTrue(WorkoutSchedule.nudges(plan, BERLIN, from, to, LEAD, null, all(BERLIN)).stream()
                .noneMatch(n -> n.kind() == PRE_EXERCISE_HYDRATION));
        // weight known, 14:00 allowed
        List<WorkoutNudge> withDrink = WorkoutSchedule.nudges(plan, BERLIN, from, to, LEAD, 450, all(BERLIN));
        assertEquals(new WorkoutNudge(PRE_EXERCISE_HYDRATION, berlin("2026-06-03T14:00"), LocalDate.of(2026, 6, 3),
                450), withDrink.get(0));
        // 14:00 in quiet hours: left out, not moved
        Preferences quietAfternoon = new Preferences(BERLIN, LocalTime.of(7, 0), LocalTime.of(22, 0),
                LocalTime.of(13, 0), LocalTime.of(15, 0), 8, EnumSet.allOf(NudgeKind.class));
        List<WorkoutNudge> quiet = WorkoutSchedule.nudges(plan, BERLIN, from, to, LEAD, 450, quietAfternoon);
        assertEquals(List.of(WARM_UP, STRETCH), quiet.stream().map(WorkoutNudge::kind).toList());
        // early start: drink would be at 04:00, before waking
        WorkoutPlan early = new WorkoutPlan(berlin("2026-06-03T08:00"), null, null, 60);
        assertEquals(List.of(WARM_UP, STRETCH), WorkoutSchedule.nudges(early, BERLIN, from, to, LEAD, 450,
                all(BERLIN)).stream().map(WorkoutNudge::kind).toList());
        // 11:00 start: drink exactly at the start of the waking window is allowed
        WorkoutPlan eleven = new WorkoutPlan(berlin("2026-06-03T11:00"), null, null, 60);
        assertEquals(List.of(PRE_EXERCISE_HYDRATION, WARM_UP, STRETCH), WorkoutSchedule.nudges(eleven, BERLIN, from,
                to, LEAD, 450, all(BERLIN)).stream().map(WorkoutNudge::kind).toList());
    }

    @Test
    void onlyWantedKinds() {
        WorkoutPlan plan = EVENING_HOUR;
        Instant from = JUNE_3;
        Instant to = JUNE_4;
        assertEquals(List.of(STRETCH), WorkoutSchedule.nudges(plan, BERLIN, from, to, LEAD, 450,
                prefs(BERLIN, EnumSet.of(STRETCH))).stream().map(WorkoutNudge::kind).toList());
        assertEquals(List.of(PRE_EXERCISE_HYDRATION, WARM_UP), WorkoutSchedule.nudges(plan, BERLIN, from, to, LEAD,
                450, prefs(BERLIN, EnumSet.of(PRE_EXERCISE_HYDRATION, WARM_UP, NudgeKind.HYDRATION))).stream()
                .map(WorkoutNudge::kind).toList());
        assertTrue(WorkoutSchedule.nudges(plan, BERLIN, from, to, LEAD, 450,
                prefs(BERLIN, EnumSet.of(NudgeKind.HYDRATION))).isEmpty());
        assertTrue(WorkoutSchedule.nudges(plan, BERLIN, from, to, LEAD, 450,
                prefs(BERLIN, EnumSet.noneOf(NudgeKind.class))).isEmpty());
    }

    @Test
    void resultIsSortedByDueTimeAcrossOccurrences() {
        // daily at 12:00 for a week: drink, warm-up and stretch per day, all in time order
        WorkoutPlan plan = new WorkoutPlan(null, EnumSet.allOf(DayOfWeek.class), LocalTime.of(12, 0), 30);
        List<WorkoutNudge> nudges = WorkoutSchedule.nudges(plan, BERLIN, berlin("2026-06-01T00:00"),
                berlin("2026-06-08T00:00"), Duration.ofHours(1), 300, all(BERLIN));
        assertEquals(21, nudges.size());
        for (int i = 1; i < nudges.size(); i++) {
            assertTrue(!nudges.get(i).dueAt().isBefore(nudges.get(i - 1).dueAt()));
        }
    }
}
