package io.crampcare.reminder;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.reminder.service.RollForward;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Advice events in (real Kafka) -> hydration nudges planned in PostgreSQL, visible over REST. */
@QuarkusTest
class HydrationPlanningIT {

    @Inject
    RollForward planning;
    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;

    private static final String ZONE = "Europe/Berlin";

    @Test
    void adviceBecomesAWaterPlanOnceEvenWhenDeliveredTwice() {
        String user = TestUsers.newUser("water");
        ReminderFixtures.preferences(user, ZONE);
        String advice = ReminderFixtures.advice(user, UUID.randomUUID(), 2400, 490);
        String eventId = UUID.randomUUID().toString();
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.send(Topics.ADVICE, user, eventId, EventTypes.ADVICE_ISSUED, ReminderFixtures.ADVICE_SOURCE, advice);
            writer.send(Topics.ADVICE, user, eventId, EventTypes.ADVICE_ISSUED, ReminderFixtures.ADVICE_SOURCE, advice);
        }
        LocalDate tomorrow = LocalDate.now(ZoneId.of(ZONE)).plusDays(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !tomorrowsWater(user, tomorrow).isEmpty());
        // A second delivery must not have planned a second day's worth; give it time to arrive first.
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);

        List<Map<String, Object>> water = tomorrowsWater(user, tomorrow);
        int total = water.stream().mapToInt(n -> (Integer) n.get("amountMl")).sum();
        assertEquals(2400, total, "tomorrow's portions add up to the target");
        assertTrue(water.size() <= 8, "daily cap");
        for (Map<String, Object> nudge : water) {
            LocalTime local = LocalTime.parse(((String) nudge.get("localTime")).substring(11));
            assertTrue(!local.isBefore(LocalTime.of(7, 0)) && local.isBefore(LocalTime.of(22, 0)), "waking window: " + local);
            assertTrue((Integer) nudge.get("amountMl") <= 1000, "1 L per hour at most");
        }
    }

    @Test
    void newAdviceReplacesTheRestOfTheDay() {
        String user = TestUsers.newUser("replan");
        ReminderFixtures.preferences(user, ZONE);
        LocalDate tomorrow = LocalDate.now(ZoneId.of(ZONE)).plusDays(1);
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.send(Topics.ADVICE, user, UUID.randomUUID().toString(), EventTypes.ADVICE_ISSUED,
                    ReminderFixtures.ADVICE_SOURCE, ReminderFixtures.advice(user, UUID.randomUUID(), 1893, null));
            await().atMost(Duration.ofSeconds(30)).until(() -> sum(tomorrowsWater(user, tomorrow)) == 1893);
            writer.send(Topics.ADVICE, user, UUID.randomUUID().toString(), EventTypes.ADVICE_ISSUED,
                    ReminderFixtures.ADVICE_SOURCE, ReminderFixtures.advice(user, UUID.randomUUID(), 3000, null));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sum(tomorrowsWater(user, tomorrow)) == 3000);
    }

    // Late advice: redelivered after a crash, or replayed from advice.dlq hours later, behind the user's newer advice.
    // Newest is the advice for the most recent report, then the later issue; by issue alone without reportOccurredAt.

    @Test
    void anOlderAdviceArrivingLateLeavesTheNewerPlanAlone() {
        String user = TestUsers.newUser("late-advice");
        ReminderFixtures.preferences(user, ZONE);
        Instant now = Instant.now();
        UUID newer = UUID.randomUUID();
        send(user, ReminderFixtures.advice(user, newer, 3000, 490, now.minus(Duration.ofHours(1)), now.minusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).until(() -> sum(tomorrowsWater(user, tomorrowIn(ZONE, now))) == 3000);
        List<String> plan = waterPlan(user);
        assertTrue(plan.get(0).startsWith("target " + newer + " 3000"), plan.get(0));

        // The advice for an earlier report, decided after the newer one (that report was late too): the report's
        // time decides, not the issue time.
        double skippedBefore = outdated();
        awaitProcessed(send(user, ReminderFixtures.advice(user, UUID.randomUUID(), 1893, null,
                now.minus(Duration.ofHours(2)), now)));
        assertEquals(plan, waterPlan(user), "target, days and unfired water nudges unchanged");
        await().atMost(Duration.ofSeconds(5)).until(() -> outdated() == skippedBefore + 1);
    }

    @Test
    void aNewerAdviceArrivingAfterAnOlderOneReplacesItsPlan() {
        String user = TestUsers.newUser("late-then-new");
        ReminderFixtures.preferences(user, ZONE);
        Instant now = Instant.now();
        send(user, ReminderFixtures.advice(user, UUID.randomUUID(), 1893, null, now.minus(Duration.ofHours(2)), now));
        await().atMost(Duration.ofSeconds(30)).until(() -> sum(tomorrowsWater(user, tomorrowIn(ZONE, now))) == 1893);
        // Issued earlier, but for the more recent report: it is the newer advice.
        UUID newer = UUID.randomUUID();
        send(user, ReminderFixtures.advice(user, newer, 3000, null, now.minus(Duration.ofHours(1)), now.minusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).until(() -> sum(tomorrowsWater(user, tomorrowIn(ZONE, now))) == 3000);
        List<String> plan = waterPlan(user);
        assertTrue(plan.get(0).startsWith("target " + newer + " 3000"), plan.get(0));
        assertTrue(plan.stream().filter(row -> !row.startsWith("target ")).allMatch(row -> row.endsWith(" " + newer)),
                () -> "every planned day and water nudge follows " + newer + ": " + plan);
    }

    @Test
    void anAdviceWithoutItsReportsTimeIsOrderedByItsIssueTime() {
        String user = TestUsers.newUser("late-no-report-time");
        ReminderFixtures.preferences(user, ZONE);
        Instant now = Instant.now();
        LocalDate tomorrow = tomorrowIn(ZONE, now);
        // As an advice service from before reportOccurredAt publishes them (the property left out).
        send(user, ReminderFixtures.advice(user, UUID.randomUUID(), 2500, null, null, now.minus(Duration.ofHours(1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> sum(tomorrowsWater(user, tomorrow)) == 2500);
        List<String> plan = waterPlan(user);

        awaitProcessed(send(user, ReminderFixtures.advice(user, UUID.randomUUID(), 1893, null, null,
                now.minus(Duration.ofHours(2)))));
        assertEquals(plan, waterPlan(user), "issued earlier: skipped");
        // With reportOccurredAt, against a plan without it: by issue time as well.
        awaitProcessed(send(user, ReminderFixtures.advice(user, UUID.randomUUID(), 2000, null,
                now.minus(Duration.ofHours(3)), now.minus(Duration.ofMinutes(90)))));
        assertEquals(plan, waterPlan(user), "issued earlier: skipped");

        send(user, ReminderFixtures.advice(user, UUID.randomUUID(), 3000, null, null, now));
        await().atMost(Duration.ofSeconds(30)).until(() -> sum(tomorrowsWater(user, tomorrow)) == 3000);
    }

    @Test
    void rollForwardPlansOnlyTheUsersWhoseNewDayHasNoPlan() {
        String berlin = TestUsers.newUser("roll-berlin");
        String auckland = TestUsers.newUser("roll-auckland");
        ReminderFixtures.preferences(berlin, ZONE);
        ReminderFixtures.preferences(auckland, "Pacific/Auckland");
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            for (String user : List.of(berlin, auckland)) {
                writer.send(Topics.ADVICE, user, UUID.randomUUID().toString(), EventTypes.ADVICE_ISSUED,
                        ReminderFixtures.ADVICE_SOURCE, ReminderFixtures.advice(user, UUID.randomUUID(), 2000, null));
            }
        }
        Instant now = Instant.now();
        await().atMost(Duration.ofSeconds(30)).until(() -> !tomorrowsWater(auckland, tomorrowIn("Pacific/Auckland", now))
                .isEmpty() && !tomorrowsWater(berlin, tomorrowIn(ZONE, now)).isEmpty());
        List<String> toPlanNow = usersToPlan(now);
        assertFalse(toPlanNow.contains(berlin), "today and tomorrow planned from the advice");
        assertFalse(toPlanNow.contains(auckland), "today and tomorrow planned from the advice");
        // Two days on, today and tomorrow are new days for both, each in its own zone.
        Instant later = now.plus(Duration.ofDays(2));
        assertTrue(usersToPlan(later).containsAll(List.of(berlin, auckland)));
        QuarkusTransaction.requiringNew().run(() -> planning.rollForward(later));
        List<String> toPlanLater = usersToPlan(later);
        assertFalse(toPlanLater.contains(berlin), "planned by the roll forward");
        assertFalse(toPlanLater.contains(auckland), "planned by the roll forward");
        assertEquals(2000, sum(tomorrowsWater(auckland, tomorrowIn("Pacific/Auckland", later))),
                "a whole day planned in the user's zone");
    }

    /** Sends an advice event with a fresh event id, and returns the id. */
    private static String send(String user, String advice) {
        String eventId = UUID.randomUUID().toString();
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.send(Topics.ADVICE, user, eventId, EventTypes.ADVICE_ISSUED, ReminderFixtures.ADVICE_SOURCE, advice);
        }
        return eventId;
    }

    /** Until the event's id is in processed_event: its transaction, effect or none, has committed. */
    private void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).intValue() == 1));
    }

    private double outdated() {
        return registry.counter("crampcare.advice.outdated").count();
    }

    /** All a user's water plan is: the target and the advice it follows, the planned days, the unfired water nudges. */
    private List<String> waterPlan(String user) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> plan = new ArrayList<>();
            for (String query : List.of("""
                    SELECT concat_ws(' ', 'target', advice_id, daily_target_ml, max_per_hour_ml, pre_exercise_ml,
                                     report_occurred_at, advice_issued_at)
                    FROM hydration_target WHERE user_id = ?1
                    """, """
                    SELECT concat_ws(' ', 'day', local_date, target_ml, advice_id)
                    FROM hydration_day WHERE user_id = ?1 ORDER BY local_date
                    """, """
                    SELECT concat_ws(' ', 'nudge', id, due_at, amount_ml, advice_id)
                    FROM nudge WHERE user_id = ?1 AND kind = 'HYDRATION' AND status = 'PLANNED' ORDER BY due_at, id
                    """)) {
                plan.addAll(em.createNativeQuery(query, String.class).setParameter(1, user).getResultList());
            }
            return plan;
        });
    }

    private List<String> usersToPlan(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> planning.usersToPlan(now));
    }

    private static LocalDate tomorrowIn(String zone, Instant now) {
        return LocalDate.ofInstant(now, ZoneId.of(zone)).plusDays(1);
    }

    private static int sum(List<Map<String, Object>> nudges) {
        return nudges.stream().mapToInt(n -> (Integer) n.get("amountMl")).sum();
    }

    /** Tomorrow's planned hydration nudges, by local date in the user's zone. */
    static List<Map<String, Object>> tomorrowsWater(String user, LocalDate tomorrow) {
        JsonPath page = asAdmin().queryParam("status", "PLANNED").queryParam("pageSize", 100)
                .when().get("/api/v1/users/" + user + "/nudges")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream()
                .filter(n -> "HYDRATION".equals(n.get("kind")))
                .filter(n -> ((String) n.get("localTime")).startsWith(tomorrow.toString()))
                .toList();
    }
}
