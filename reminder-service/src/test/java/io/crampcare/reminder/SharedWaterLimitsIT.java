package io.crampcare.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.crampcare.reminder.config.ReminderConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The overdrinking guard is configured once (crampcare.water.*) for advice and reminder: here, the reminder's side. */
@QuarkusTest
@TestProfile(SharedWaterLimitsIT.Stricter.class)
class SharedWaterLimitsIT {

    /** What an operator sets once, as CRAMPCARE_WATER_MAX_DAILY_ML and CRAMPCARE_WATER_MAX_PER_HOUR_ML. */
    public static class Stricter implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crampcare.water.max-daily-ml", "4000", "crampcare.water.max-per-hour-ml", "800");
        }
    }

    @Inject
    ReminderConfig config;

    @Test
    void theSharedSettingSetsTheReminderDrinkLimits() {
        assertEquals(4000, config.limits().drinkLimits().maxDailyMl());
        assertEquals(800, config.limits().drinkLimits().maxPerHourMl());
        assertEquals(1000, config.limits().drinkLimits().maxPortionMl(), "the portion ceiling is the reminder's own");
    }
}
