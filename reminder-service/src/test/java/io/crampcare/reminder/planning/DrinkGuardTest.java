package io.crampcare.reminder.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.advice.HydrationPlan;
import io.crampcare.reminder.planning.DrinkLimits.Limit;

class DrinkGuardTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DrinkLimits LIMITS = new DrinkLimits(6000, 1000, 1000);

    private static Instant at(String time) {
        return Instant.parse("2026-06-01T" + time + ":00Z");
    }

    @Test
    void theMeasuredCaseKeepsToTheHourlyGuard() {
        // Measured: a water portion, then the same workout posted three times: three 770 mL drinks at one minute.
        List<Limit> clamps = new ArrayList<>();
        DrinkGuard guard = new DrinkGuard(LIMITS, UTC, List.of(new Portion(at("13:20"), 250)), clamps::add);
        assertEquals(Optional.of(new Portion(at("13:00"), 750)), guard.admit(new Portion(at("13:00"), 770)),
                "shrunk to what the hour has left");
        assertEquals(Optional.empty(), guard.admit(new Portion(at("13:00"), 770)), "nothing left: dropped");
        assertEquals(Optional.empty(), guard.admit(new Portion(at("13:00"), 770)));
        assertEquals(List.of(Limit.HOURLY, Limit.HOURLY, Limit.HOURLY), clamps);
        assertEquals(1000, guard.held().stream().mapToInt(Portion::amountMl).sum());
    }

    @Test
    void everyHourThatContainsTheDrinkCounts() {
        // 12:10 and 13:50 are in no common hour; a drink at 13:00 shares one with each.
        DrinkGuard guard = new DrinkGuard(LIMITS, UTC,
                List.of(new Portion(at("12:10"), 600), new Portion(at("13:50"), 300)), limit -> { });
        assertEquals(400, guard.admit(new Portion(at("13:00"), 900)).orElseThrow().amountMl(),
                "[12:10, 13:10) holds 600 already");
        assertEquals(Optional.of(new Portion(at("14:10"), 700)), guard.admit(new Portion(at("14:10"), 700)),
                "[13:50, 14:50) holds 300: 700 fits exactly");
    }

    @Test
    void drinksAnHourApartShareNoHour() {
        DrinkGuard guard = new DrinkGuard(LIMITS, UTC, List.of(new Portion(at("12:00"), 1000)), limit -> { });
        assertEquals(Optional.of(new Portion(at("13:00"), 1000)), guard.admit(new Portion(at("13:00"), 1000)));
        assertEquals(Optional.empty(), guard.admit(new Portion(at("12:59"), 100)));
    }

    @Test
    void theDayAndThePortionHaveCeilingsToo() {
        List<Limit> clamps = new ArrayList<>();
        List<Portion> day = new ArrayList<>();
        for (int hour = 7; hour < 13; hour++) {
            day.add(new Portion(at("%02d:00".formatted(hour)), 950));
        }
        DrinkGuard guard = new DrinkGuard(LIMITS, UTC, day, clamps::add);
        assertEquals(300, guard.admit(new Portion(at("15:00"), 500)).orElseThrow().amountMl(), "6000 - 5700");
        assertEquals(Optional.empty(), guard.admit(new Portion(at("17:00"), 500)), "the day is full");
        assertEquals(Optional.of(new Portion(Instant.parse("2026-06-02T07:00:00Z"), 1000)),
                guard.admit(new Portion(Instant.parse("2026-06-02T07:00:00Z"), 2500)), "the next day, one portion");
        assertEquals(List.of(Limit.DAILY, Limit.DAILY, Limit.PORTION), clamps);
    }

    @Test
    void shrunkDrinksKeepToTensAndTooLittleIsDropped() {
        DrinkGuard guard = new DrinkGuard(LIMITS, UTC, List.of(new Portion(at("12:00"), 955)), limit -> { });
        assertEquals(Optional.empty(), guard.admit(new Portion(at("12:30"), 250)), "45 mL left: no nudge for that");
        DrinkGuard other = new DrinkGuard(LIMITS, UTC, List.of(new Portion(at("12:00"), 875)), limit -> { });
        assertEquals(120, other.admit(new Portion(at("12:30"), 250)).orElseThrow().amountMl());
    }

    @Test
    void guardHoldsFromTheStartOfTheDayOrAnHourBefore() {
        assertEquals(at("00:00"), DrinkGuard.countsFrom(at("13:00"), UTC));
        assertEquals(Instant.parse("2026-05-31T23:30:00Z"), DrinkGuard.countsFrom(at("00:30"), UTC));
    }

    @Test
    void anAdvicesNumbersAreLoweredToTheCeilingsNeverRaised() {
        HydrationPlan forged = new HydrationPlan(12_000, 405.8, 900, 4000, 5000, 500, 11_500, false);
        DrinkLimits.Clamped clamped = LIMITS.clamp(forged);
        assertEquals(new HydrationPlan(6000, 405.8, 900, 1000, 1000, 500, 6000, false), clamped.plan());
        assertEquals(Set.of(Limit.DAILY, Limit.HOURLY, Limit.PORTION), clamped.clamped());

        HydrationPlan modest = new HydrationPlan(2400, 81.2, 350, 490, 800);
        assertEquals(new DrinkLimits.Clamped(modest, Set.of()), LIMITS.clamp(modest));
        assertEquals(800, LIMITS.portionCeiling(800));
        assertEquals(500, new DrinkLimits(6000, 1000, 500).portionCeiling(800));
        assertTrue(LIMITS.portionCeiling(5000) <= 1000);
    }

    @Test
    void whatWasDrunkExceedsTheHourlyGuardOnlyPastIt() {
        DrinkGuard exactly = new DrinkGuard(LIMITS, UTC, List.of(new Portion(at("10:00"), 600),
                new Portion(at("10:59"), 400)), limit -> { });
        assertEquals(Optional.empty(), exactly.exceededAt(at("10:59")), "1,000 mL in an hour is within the guard");
        DrinkGuard past = new DrinkGuard(LIMITS, UTC, List.of(new Portion(at("10:00"), 600),
                new Portion(at("10:40"), 600), new Portion(at("12:00"), 100)), limit -> { });
        assertEquals(Optional.of(Limit.HOURLY), past.exceededAt(at("10:40")));
        assertEquals(Optional.of(Limit.HOURLY), past.exceededAt(at("10:00")), "an hour that holds both drinks");
        assertEquals(Optional.empty(), past.exceededAt(at("12:00")), "a later hour holds only its own drink");
    }

    @Test
    void whatWasDrunkExceedsTheDailyCeilingInItsLocalDay() {
        List<Portion> day = new ArrayList<>();
        for (int hour = 8; hour < 15; hour++) {
            day.add(new Portion(at(String.format("%02d:00", hour)), 900)); // 6,300 mL, 900 an hour
        }
        DrinkGuard drunk = new DrinkGuard(LIMITS, UTC, day, limit -> { });
        assertEquals(Optional.of(Limit.DAILY), drunk.exceededAt(at("14:00")));
        assertEquals(Optional.empty(), new DrinkGuard(LIMITS, UTC, day.subList(0, 6), limit -> { })
                .exceededAt(at("13:00")), "5,400 mL: within the ceiling");
        assertEquals(Optional.empty(), drunk.exceededAt(Instant.parse("2026-06-02T08:00:00Z")), "the next day");
    }
}
