package io.crampcare.reminder;

import static io.crampcare.reminder.ReminderFixtures.ALL_KINDS;
import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Water already drunk counts (real Kafka and PostgreSQL): on the report's day only what is left is planned, and
 * nothing once the overdrinking guard holds or an EMERGENCY came, whatever follows that day.
 */
@QuarkusTest
class WaterAlreadyDrunkIT {

    @Inject
    EntityManager em;

    @Test
    void onTheReportsDayOnlyWhatIsLeftIsPlannedAndAReplanKeepsIt() {
        WaterPlans plans = new WaterPlans(em);
        String user = TestUsers.newUser("water-left");
        String zone = WaterPlans.awakeAt(user, 12);
        plans.adviceApplied(user, "SELF_CARE", ReminderFixtures.water(2400, null, 1900, 500, false));
        LocalDate today = WaterPlans.today(zone);
        assertEquals(500, plans.waterMl(user, today), "only what is left of today's target");
        assertEquals(2400, plans.waterMl(user, today.plusDays(1)), "tomorrow the whole target");

        // New preferences replan, from what was left, not from the whole target.
        PreferenceChangeIT.put(user, PreferenceChangeIT.prefs(zone, "07:00", "22:00", null, null, 6, ALL_KINDS),
                "\"v1\"").then().statusCode(200);
        assertEquals(500, plans.waterMl(user, today));
        assertEquals(2400, plans.waterMl(user, today.plusDays(1)));
    }

    @Test
    void theOverdrinkingGuardStopsTheRestOfTheDaysWaterAndPreExerciseDrinks() {
        WaterPlans plans = new WaterPlans(em);
        String user = TestUsers.newUser("water-guard");
        String zone = WaterPlans.awakeAt(user, 12);
        plans.adviceApplied(user, "SELF_CARE", ReminderFixtures.water(2400, 400));
        dailyWorkoutAtSix(user);
        LocalDate today = WaterPlans.today(zone);
        assertTrue(plans.waterMl(user, today) > 0);
        assertEquals(1, plans.preExerciseDrinks(user, zone, today), "this afternoon's pre-exercise drink");

        // The case: 9,000 mL after a long run.
        plans.adviceApplied(user, "SELF_CARE", ReminderFixtures.water(2400, 400, 9000, 0, true));
        assertEquals(0, plans.waterMl(user, today), "no more water today");
        assertEquals(0, plans.preExerciseDrinks(user, zone, today), "no pre-exercise drink today either");
        assertEquals(2400, plans.waterMl(user, today.plusDays(1)), "tomorrow plans again");
        assertEquals(1, plans.preExerciseDrinks(user, zone, today.plusDays(1)));

        // Neither a later advice that day nor new preferences bring water back today.
        plans.adviceApplied(user, "SELF_CARE", ReminderFixtures.water(2400, 400, 1400, 1000, false));
        PreferenceChangeIT.put(user, PreferenceChangeIT.prefs(zone, "07:00", "22:00", null, null, 6, ALL_KINDS),
                "\"v1\"").then().statusCode(200);
        assertEquals(0, plans.waterMl(user, today));
        assertEquals(0, plans.preExerciseDrinks(user, zone, today));
    }

    @Test
    void anEmergencyStopsTodaysWater() {
        WaterPlans plans = new WaterPlans(em);
        String user = TestUsers.newUser("water-emergency");
        String zone = WaterPlans.awakeAt(user, 12);
        plans.adviceApplied(user, "SELF_CARE", ReminderFixtures.water(2400, null));
        LocalDate today = WaterPlans.today(zone);
        assertTrue(plans.waterMl(user, today) > 0);

        plans.adviceApplied(user, "EMERGENCY", null);
        assertEquals(0, plans.waterMl(user, today), "an emergency may be the harm of too much water");
        assertEquals(2400, plans.waterMl(user, today.plusDays(1)), "tomorrow's plan stays");
    }

    /** A workout at 18:00 every day: its drink is due at 14:00, this afternoon and tomorrow's. */
    static void dailyWorkoutAtSix(String user) {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "WEEKLY", "days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
                        "SATURDAY", "SUNDAY"), "localStartTime", "18:00", "durationMinutes", 60, "intensity", "HARD"))
                .when().post("/api/v1/users/" + user + "/workouts").then().statusCode(201);
    }
}
