package io.crampcare.reminder.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WaterDayTest {

    private static final LocalDate DAY = LocalDate.parse("2026-06-01");

    private static Portion drink(String time, int ml) {
        return new Portion(Instant.parse("2026-06-01T" + time + ":00Z"), ml);
    }

    @Test
    void drunkIsTheLogWithoutAReport() {
        WaterDay day = WaterDay.of(DAY, 2400, List.of(drink("08:00", 300), drink("09:00", 700)), null, null);
        assertEquals(1000, day.drunkMl());
        assertEquals(1400, day.remainingMl());
        assertEquals(false, day.met());
    }

    @Test
    void aReportStandsForTheDrinksBeforeItAndLaterDrinksAddToIt() {
        Instant reported = Instant.parse("2026-06-01T10:00:00Z");
        List<Portion> drinks = List.of(drink("08:00", 400), drink("11:00", 300));
        assertEquals(1900 + 300, WaterDay.of(DAY, 2400, drinks, 1900, reported).drunkMl(),
                "the 400 mL before the report are in its 1,900");
        assertEquals(1200 + 300, WaterDay.of(DAY, 2400, List.of(drink("08:00", 1200), drink("11:00", 300)), 500,
                reported).drunkMl(), "a report that says less than was logged before it does not undo drinks");
    }

    @Test
    void remainingNeverGoesBelowZeroAndADayWithoutTargetIsNeitherMetNorMissed() {
        WaterDay over = WaterDay.of(DAY, 2000, List.of(drink("08:00", 1500), drink("12:00", 1500)), null, null);
        assertEquals(0, over.remainingMl());
        assertEquals(true, over.met());
        WaterDay untargeted = WaterDay.of(DAY, null, List.of(drink("08:00", 500)), null, null);
        assertNull(untargeted.remainingMl());
        assertNull(untargeted.met());
    }

    @Test
    void theStreakEndsTodayOrYesterdayWhileTodayIsOpen() {
        Map<LocalDate, WaterDay> days = new HashMap<>();
        days.put(DAY.minusDays(3), new WaterDay(DAY.minusDays(3), 2000, 2500));
        days.put(DAY.minusDays(2), new WaterDay(DAY.minusDays(2), 2000, 1000));
        days.put(DAY.minusDays(1), new WaterDay(DAY.minusDays(1), 2000, 2000));
        days.put(DAY, new WaterDay(DAY, 2000, 500));
        assertEquals(1, WaterDay.streak(days, DAY), "today is not met yet: yesterday's streak");
        days.put(DAY, new WaterDay(DAY, 2000, 2100));
        assertEquals(2, WaterDay.streak(days, DAY));
        days.put(DAY.minusDays(1), new WaterDay(DAY.minusDays(1), null, 3000));
        assertEquals(1, WaterDay.streak(days, DAY), "a day without a target breaks it");
        assertEquals(0, WaterDay.streak(Map.of(), DAY));
    }
}
