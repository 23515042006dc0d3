package io.crampcare.intake;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.testsupport.TestUsers;
import io.cloudevents.CloudEvent;
import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventReader;
import io.crampcare.testsupport.EventSchemas;
import io.crampcare.testsupport.KafkaBrokerControl;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every accepted report reaches cramp-reports once, as a valid CloudEvent, in order per user, even across an outage. */
@QuarkusTest
class OutboxIT {

    private static final String REPORTS = "/api/v1/cramp-reports";
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(60);
    private final ObjectMapper json = new ObjectMapper();

    /** The in-JVM test broker; null when the tests run against a broker they cannot stop. */
    KafkaBrokerControl broker;

    @Test
    void eachReportIsPublishedAsAValidCloudEvent() throws Exception {
        String user = TestUsers.newUser("events");
        List<String> ids = submit(List.of(user, user, user));

        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(), Topics.CRAMP_REPORTS)) {
            List<ConsumerRecord<String, CloudEvent>> records = reader.await(r -> user.equals(r.key()), 3, EVENT_TIMEOUT);
            assertEquals(ids, reportIds(records), "one event per report, in submission order");
            for (ConsumerRecord<String, CloudEvent> record : records) {
                CloudEvent event = record.value();
                assertEquals(EventTypes.CRAMP_REPORT_SUBMITTED, event.getType());
                assertEquals("/crampcare/intake-service", event.getSource().toString());
                assertEquals(user, event.getSubject());
                assertEquals("application/json", event.getDataContentType());
                assertNotNull(java.util.UUID.fromString(event.getId()));
                EventSchemas.assertValid(event); // ce_dataschema included
                assertEquals(Instant.parse(json.readTree(event.getData().toBytes()).get("receivedAt").asText()),
                        event.getTime().toInstant(), "ce_time is the report's receivedAt, to the microsecond");
            }
            JsonNode payload = json.readTree(records.get(0).value().getData().toBytes());
            assertEquals("GLUTEUS_MAXIMUS", payload.get("muscle").asText());
            assertEquals("SQUATS", payload.at("/activity/type").asText());
        }
    }

    @Test
    void reportsAcceptedWhileTheBrokerIsDownArriveOnceWhenItIsBack() throws Exception {
        assumeTrue(broker != null, "needs the in-JVM broker, which a test can stop");
        String alice = TestUsers.newUser("outage-a");
        String bob = TestUsers.newUser("outage-b");
        List<String> users = List.of(alice, bob, alice, bob, alice, alice, bob);
        List<String> ids;
        broker.stop();
        try {
            ids = submit(users); // each answered 201 although Kafka is down
        } finally {
            broker.start();
        }

        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(), Topics.CRAMP_REPORTS)) {
            Set<String> ours = Set.of(alice, bob);
            List<ConsumerRecord<String, CloudEvent>> records = reader.await(r -> ours.contains(r.key()), ids.size(),
                    EVENT_TIMEOUT);
            Map<String, Long> perReport = reportIds(records).stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(ids.stream().collect(Collectors.toMap(Function.identity(), id -> 1L)), perReport,
                    "every report exactly once");
            for (String user : ours) {
                List<String> submitted = new ArrayList<>();
                for (int i = 0; i < users.size(); i++) {
                    if (users.get(i).equals(user)) {
                        submitted.add(ids.get(i));
                    }
                }
                List<String> published = reportIds(records.stream().filter(r -> r.key().equals(user)).toList());
                assertEquals(submitted, published, "order kept for " + user);
            }
        }
    }

    /** Submits one report per entry (that user), occurring one second apart; returns their ids in order. */
    private static List<String> submit(List<String> users) {
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            Map<String, Object> report = TestReports.valid(users.get(i), start.plusSeconds(i));
            ids.add(asAdmin().contentType(ContentType.JSON).body(report)
                    .when().post(REPORTS)
                    .then().statusCode(201)
                    .extract().path("id"));
        }
        return ids;
    }

    private List<String> reportIds(List<ConsumerRecord<String, CloudEvent>> records) throws Exception {
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, CloudEvent> record : records) {
            ids.add(json.readTree(record.value().getData().toBytes()).get("reportId").asText());
        }
        return ids;
    }
}
