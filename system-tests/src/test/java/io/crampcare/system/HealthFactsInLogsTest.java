package io.crampcare.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the log check counts as a health fact beside a user id, and what it lets pass. */
class HealthFactsInLogsTest {

    private static final String AT = "2026-12-07 00:48:22,123 ";

    @Test
    void findsHealthFactsBesideUserIdsAtInfoAndAbove(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("reminder.log"), List.of(
                "__  ____  __  _____   ___  __ ____  ______ (banner, no record yet)",
                // issue 27's finding: flagged
                AT + "INFO  [io.cra.rem.ser.PlanningService] (worker-1) Advice 5f0c1d2e-8a44-4c36-9b9e-2d7f0f3b6a11"
                        + " (EMERGENCY): no more water planned for red-flag-1a2b3c4d today",
                // the same at DEBUG, and without the user: both pass
                AT + "DEBUG [io.cra.rem.ser.PlanningService] (worker-1) Advice 5f0c1d2e-8a44-4c36-9b9e-2d7f0f3b6a11"
                        + " (EMERGENCY): no more water planned for red-flag-1a2b3c4d today",
                AT + "INFO  [io.cra.rem.ser.PlanningService] (worker-1) Advice 5f0c1d2e-8a44-4c36-9b9e-2d7f0f3b6a11"
                        + " (EMERGENCY): no more water planned today",
                // an amount of water beside a user: flagged
                AT + "INFO  [io.cra.rem.ser.PlanningService] (worker-2) Preferences of alice-0123abcd changed"
                        + " (water target 2500 mL)",
                // a user id without a health fact, even one that reads like one: both pass
                AT + "INFO  [io.cra.rem.ser.PlanningService] (worker-2) Preferences of alice-0123abcd changed",
                AT + "INFO  [io.cra.rem.ser.PlanningService] (worker-2) Preferences of overdrinking-449a902d changed",
                // the user's own words in a stack trace under a WARN about that user: flagged
                AT + "WARN  [io.cra.sup.inb.RetryPolicy] (worker-3) Processing cramp-reports for bob-89abcdef",
                "java.lang.IllegalStateException: bad value in 'my calves hurt after the stairs'",
                "\tat io.crampcare.Example.method(Example.java:1)",
                AT + "ERROR [io.cra.sup.out.OutboxRelay] (relay) Outbox event parked: SELF_CARE, not about anyone"));
        Files.writeString(dir.resolve("ignored.txt"), AT + "INFO  [x] (y) carol-01234567 SEE_DOCTOR\n");

        List<String> found = HealthFactsInLogs.in(dir, Set.of("my calves hurt after the stairs"));

        assertEquals(List.of("red-flag-1a2b3c4d", "alice-0123abcd", "bob-89abcdef"), found.stream()
                .map(record -> {
                    var user = HealthFactsInLogs.USER_ID.matcher(record);
                    return user.find() ? user.group() : record;
                }).toList(), String.join("\n", found));
    }
}
