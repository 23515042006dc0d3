package io.crampcare.reminder;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.DeadLetters;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 27: an advice event whose payload breaks its schema (one written onto the topic by hand, say) is poison:
 * dead-lettered to advice.dlq at once, nothing planned from it, and the advice after it is planned.
 */
@QuarkusTest
class SchemaInvalidAdviceIT {

    @Inject
    EntityManager em;

    private static final String ZONE = "Europe/Berlin";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAdviceThatBreaksItsSchemaPlansNothingAndTheNextAdviceIsPlanned() {
        String user = TestUsers.newUser("forged-advice");
        ReminderFixtures.preferences(user, ZONE);
        Map<String, String> culprits = new LinkedHashMap<>();
        Map<String, String> payloads = new LinkedHashMap<>();
        // The forged advice of the issue (a 12 L day), a portion guard of 5 L an hour, and an urgency as an enum index
        // (read as SELF_CARE before the check).
        forge(user, "dailyTargetMl", a -> hydration(a).put("dailyTargetMl", 12000), culprits, payloads);
        forge(user, "maxPerHourMl", a -> hydration(a).put("maxPerHourMl", 5000), culprits, payloads);
        forge(user, "urgency", a -> a.put("urgency", 2), culprits, payloads);
        LocalDate tomorrow = LocalDate.ofInstant(Instant.now(), ZoneId.of(ZONE)).plusDays(1);
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            culprits.keySet().forEach(eventId -> writer.send(Topics.ADVICE, user, eventId, EventTypes.ADVICE_ISSUED,
                    ReminderFixtures.ADVICE_SOURCE, payloads.get(eventId)));
            DeadLetters.assertPoisoned(Topics.ADVICE, user, culprits, payloads);
            assertEquals(List.of(), HydrationPlanningIT.tomorrowsWater(user, tomorrow), "nothing planned");
            assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "SELECT count(*) FROM processed_event WHERE event_id IN (?1)", Long.class)
                    .setParameter(1, culprits.keySet()).getSingleResult()), "nothing applied");

            UUID good = UUID.randomUUID();
            writer.send(Topics.ADVICE, user, UUID.randomUUID().toString(), EventTypes.ADVICE_ISSUED,
                    ReminderFixtures.ADVICE_SOURCE, ReminderFixtures.advice(user, good, 3000, null));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !HydrationPlanningIT.tomorrowsWater(user, tomorrow).isEmpty());
            List<Map<String, Object>> water = HydrationPlanningIT.tomorrowsWater(user, tomorrow);
            assertEquals(3000, water.stream().mapToInt(n -> (Integer) n.get("amountMl")).sum(), "the good advice's day");
            assertEquals(List.of(good.toString()), water.stream().map(n -> n.get("adviceId")).distinct().toList(),
                    "the consumer carried on: every water nudge follows the good advice");
        }
    }

    /** A valid advice of 3 L with one forgery applied, under a fresh event id. */
    private static void forge(String user, String culprit, Consumer<ObjectNode> forgery, Map<String, String> culprits,
            Map<String, String> payloads) {
        try {
            ObjectNode advice = (ObjectNode) JSON.readTree(ReminderFixtures.advice(user, UUID.randomUUID(), 3000, null));
            forgery.accept(advice);
            String eventId = UUID.randomUUID().toString();
            culprits.put(eventId, culprit);
            payloads.put(eventId, JSON.writeValueAsString(advice));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode hydration(ObjectNode advice) {
        return (ObjectNode) advice.get("hydration");
    }
}
