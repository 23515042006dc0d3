package io.crampcare.advice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.crampcare.advice.rules.HydrationPlanner;

class DeciderProducerTest {

    /** A distinct value per setting, all within the planner's ranges. */
    private static final Map<String, Object> SETTINGS = Map.of("baseMl", 1900, "sweatingExtraMl", 501,
            "exerciseExtraMlPerHour", 502, "assumedExerciseMinutes", 61, "maxDailyMl", 5999,
            "preExerciseMinMlPerKg", 5.5, "preExerciseMaxMlPerKg", 6.5, "maxPerHourMl", 999);

    @Test
    void eachHydrationSettingReachesThePlannerComponentOfItsName() throws Exception {
        AdviceConfig.Hydration water = (AdviceConfig.Hydration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { AdviceConfig.Hydration.class }, (proxy, method, args) -> SETTINGS.get(method.getName()));

        HydrationPlanner planner = DeciderProducer.planner(water);

        for (RecordComponent component : HydrationPlanner.class.getRecordComponents()) {
            assertEquals(SETTINGS.get(component.getName()), component.getAccessor().invoke(planner), component.getName());
        }
    }
}
