package io.crampcare.advice;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static io.crampcare.testsupport.TestTokens.asAdminWithoutReason;
import static io.crampcare.testsupport.TestTokens.asUser;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.Scrape;
import io.crampcare.testsupport.TestKeyring;
import io.crampcare.testsupport.TestTokens;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * Dead-letter replay on the real broker and database: a report parked in {@code cramp-reports.dlq} the way the
 * dead-letter strategy parks it is listed, dry-run, replayed (advice issued once) and replayed again (nothing more
 * happens), and the depth gauge follows the topic.
 */
@QuarkusTest
class DeadLetterReplayIT {

    private static final String DLQ = Topics.deadLetter(Topics.CRAMP_REPORTS);
    private static final String BASE = "/api/v1/admin/dead-letters/";
    private static final String DEPTH = "crampcare_dead_letters{topic=\"" + DLQ + "\"}";
    private static final String DUPLICATES = "crampcare_events_consumed_total{outcome=\"duplicate\",topic=\"cramp-reports\"}";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final IllegalStateException DATABASE_DOWN = new IllegalStateException(
            "Unable to acquire JDBC Connection", new java.net.ConnectException("Connection refused"));

    @Test
    void aParkedReportIsReplayedOnceHoweverOftenItIsReplayed() {
        String user = TestUsers.newUser("replay");
        UUID reportA = UUID.randomUUID();
        UUID reportB = UUID.randomUUID();
        String eventA = UUID.randomUUID().toString();
        String eventB = UUID.randomUUID().toString();
        String reportJsonA = AdviceEvents.json(AdviceEvents.report(user, reportA));
        Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long heldBefore = list(Map.of()).extract().jsonPath().getLong("held");

        park(user, eventA, reportJsonA, 41);
        park(user, eventB, AdviceEvents.json(AdviceEvents.report(user, reportB)), 42);

        // The depth gauge follows the topic (refreshed in the background every second in tests).
        await().atMost(TIMEOUT).until(() -> Scrape.value(DEPTH) == heldBefore + 2);
        assertTrue(Scrape.find("crampcare_dead_letters{topic=\"nudge-acks.dlq\"}").isPresent(),
                "every dead-letter topic the service declares has a gauge, at 0 when empty");

        // Listed, oldest first, with why each was parked; paged.
        list(Map.of("from", since.toString())).body("held", is((int) heldBefore + 2))
                .body("items", hasSize(2))
                .body("items.ceId", is(List.of(eventA, eventB)))
                .body("items[0].ceType", is(EventTypes.CRAMP_REPORT_SUBMITTED))
                .body("items[0].key", is(TestKeyring.ofServiceUnderTest().keyOf(user).subjectRef().toString()))
                .body("items[0].partition", is(0))
                .body("items[0].offset", notNullValue())
                .body("items[0].deadLetteredAt", notNullValue())
                .body("items[0].reason", is("Unable to acquire JDBC Connection"))
                .body("items[0].exceptionClass", is("java.lang.IllegalStateException"))
                .body("items[0].cause", is("Connection refused"))
                .body("items[0].sourceTopic", is(Topics.CRAMP_REPORTS))
                .body("items[0].sourcePartition", is(3))
                .body("items[0].sourceOffset", is(41))
                .body("items[0].replayedFrom", nullValue())
                .body("nextPageToken", nullValue());
        String token = list(Map.of("from", since.toString(), "pageSize", "1"))
                .body("items.ceId", is(List.of(eventA))).body("nextPageToken", notNullValue())
                .extract().path("nextPageToken");
        list(Map.of("from", since.toString(), "pageSize", "1", "pageToken", token))
                .body("items.ceId", is(List.of(eventB))).body("nextPageToken", nullValue());
        list(Map.of("ceId", eventB)).body("items.ceId", is(List.of(eventB)));

        // Dry run: reported, nothing published, no advice.
        replay(Map.of("from", since.toString(), "dryRun", true))
                .body("dryRun", is(true)).body("matched", is(2)).body("replayed", is(0)).body("skipped", is(0))
                .body("records.outcome", everyItem(is("WOULD_REPLAY")))
                .body("records.targetTopic", everyItem(is(Topics.CRAMP_REPORTS)))
                .body("records.ceId", is(List.of(eventA, eventB)));
        assertEquals(0, published(r -> List.of(eventA, eventB).contains(header(r, "ce_id")), Duration.ofSeconds(2)).size());
        adviceFor(reportA).then().statusCode(404);

        // Replay one, by id: its advice is issued; the other stays parked.
        replay(Map.of("ceIds", List.of(eventA)))
                .body("dryRun", is(false)).body("matched", is(1)).body("replayed", is(1))
                .body("records[0].outcome", is("REPLAYED"))
                .body("records[0].targetTopic", is(Topics.CRAMP_REPORTS))
                .body("records[0].targetPartition", notNullValue())
                .body("records[0].targetOffset", notNullValue());
        awaitAdvice(reportA);
        List<ConsumerRecord<String, byte[]>> replayed = published(r -> eventA.equals(header(r, "ce_id")), Duration.ofSeconds(2));
        assertEquals(1, replayed.size());
        ConsumerRecord<String, byte[]> record = replayed.get(0);
        TestKeyring keyring = TestKeyring.ofServiceUnderTest();
        assertEquals(keyring.keyOf(user).subjectRef().toString(), record.key());
        assertEquals(reportJsonA, keyring.open(record.key(), eventA, EventTypes.CRAMP_REPORT_SUBMITTED,
                new String(record.value(), StandardCharsets.UTF_8)).orElseThrow().payload(), "the value as it was parked");
        List<String> names = new ArrayList<>();
        record.headers().forEach(h -> names.add(h.key()));
        assertTrue(names.containsAll(List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "ce_subject",
                "content-type")), "CloudEvents headers kept: " + names);
        assertTrue(names.stream().noneMatch(n -> n.startsWith("dead-letter-")), "failure headers dropped: " + names);
        assertTrue(header(record, "crampcare-replayed-from").startsWith(DLQ + "-0@"));
        assertEquals(AdviceEvents.INTAKE_SOURCE, header(record, "ce_source"));
        adviceFor(reportB).then().statusCode(404);

        // Replay it again, then everything since the start (A a third time, B the first): one advice each.
        double duplicatesBefore = Scrape.value(DUPLICATES);
        replay(Map.of("ceIds", List.of(eventA))).body("replayed", is(1));
        replay(Map.of("from", since.toString())).body("matched", is(2)).body("replayed", is(2));
        // One user, one partition: B's advice comes after both repeats of A were consumed.
        awaitAdvice(reportB);
        asAdmin().when().get("/api/v1/users/" + user + "/advice").then().statusCode(200).body("items", hasSize(2));
        assertEquals(3, published(r -> eventA.equals(header(r, "ce_id")), Duration.ofSeconds(2)).size());
        assertEquals(duplicatesBefore + 2, Scrape.value(DUPLICATES), "the repeats were consumed and skipped");
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            String subjectRef = TestKeyring.ofServiceUnderTest().keyOf(user).subjectRef().toString();
            assertEquals(2, read(consumer, Topics.ADVICE, r -> subjectRef.equals(r.key()), Duration.ofSeconds(2)).size(),
                    "one advice event per report");
        }
        // Nothing was parked again, and the dead letters stay where they were.
        list(Map.of("from", since.toString())).body("items.ceId", is(List.of(eventA, eventB)));
        assertEquals(heldBefore + 2, Scrape.value(DEPTH));

        // Each listing and replay that showed the user's records is in the audit of access, once a request.
        var audit = asAdmin().queryParam("userId", user).queryParam("pageSize", 100).when().get("/api/v1/admin/audit")
                .then().statusCode(200).extract().jsonPath();
        List<String> operations = audit.getList("items.operation");
        assertEquals(5, operations.stream().filter("dead-letters.list"::equals).count(), operations.toString());
        assertEquals(4, operations.stream().filter("dead-letters.replay"::equals).count(), operations.toString());
        assertTrue(audit.getList("items.reason").stream().allMatch(TestTokens.TEST_REASON::equals));
        assertTrue(audit.getList("items.actor").stream().allMatch(TestTokens.ADMIN::equals));
        // The tools say why before they show anything.
        problem(asAdminWithoutReason().when().get(BASE + DLQ), 400, "validation")
                .body("errors.field", is(List.of(TestTokens.ACCESS_REASON)));
        problem(asAdminWithoutReason().contentType(ContentType.JSON).body("{\"dryRun\": true}")
                .when().post(BASE + DLQ + "/replay"), 400, "validation")
                .body("errors.field", is(List.of(TestTokens.ACCESS_REASON)));
    }

    @Test
    void aRecordThatIsStillPoisonIsParkedAgainAndOneWithoutCeIdIsSkipped() {
        String user = TestUsers.newUser("still-poison");
        String poison = UUID.randomUUID().toString();
        Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.deadLetter(Topics.CRAMP_REPORTS, 1, 7, new IllegalArgumentException("not a report"), user, poison,
                    EventTypes.CRAMP_REPORT_SUBMITTED, AdviceEvents.INTAKE_SOURCE, "{ this is not json");
            writer.sendRaw(DLQ, user, "no headers at all");
        }
        long offset = list(Map.of("ceId", poison)).extract().jsonPath().getLong("items[0].offset");

        replay(Map.of("from", since.toString()))
                .body("matched", is(2)).body("replayed", is(1)).body("skipped", is(1))
                .body("records.outcome", is(List.of("REPLAYED", "SKIPPED")))
                .body("records[1].skipReason", startsWith("no ce_id"));

        // The consumer rejects it again: a second dead letter with the same ce_id, naming the one it came from.
        ValidatableResponse parkedAgain = await().atMost(TIMEOUT).until(() -> list(Map.of("ceId", poison)),
                r -> r.extract().jsonPath().getList("items").size() == 2);
        parkedAgain.body("items[1].replayedFrom", is(DLQ + "-0@" + offset))
                .body("items[1].sourceTopic", is(Topics.CRAMP_REPORTS))
                .body("items[1].exceptionClass", notNullValue());
    }

    @Test
    void wrongTopicsAndFiltersAreProblems() {
        for (String topic : List.of(Topics.CRAMP_REPORTS, Topics.deadLetter(Topics.ADVICE), "nope")) {
            problem(asAdmin().when().get(BASE + topic), 404, "not-found");
            problem(asAdmin().contentType(ContentType.JSON).body("{}").when().post(BASE + topic + "/replay"), 404,
                    "not-found");
        }
        problem(asAdmin().queryParam("from", "yesterday").when().get(BASE + DLQ), 400, "validation")
                .body("errors.field", is(List.of("from")));
        problem(asAdmin().queryParam("from", "2026-11-25T08:00:00Z").queryParam("to", "2026-11-25T07:00:00Z")
                .when().get(BASE + DLQ), 400, "validation").body("errors.field", is(List.of("to")));
        problem(asAdmin().queryParam("ceId", " ").queryParam("pageSize", "0").queryParam("pageToken", "garbage")
                .when().get(BASE + DLQ), 400, "validation")
                .body("errors.field", is(List.of("ceId[0]", "pageSize", "pageToken")));
        problem(asAdmin().queryParam("pageSize", "501").when().get(BASE + DLQ), 400, "validation")
                .body("errors.field", is(List.of("pageSize")))
                .body("errors.message", is(List.of("must be a whole number from 1 to 500")));
        for (String body : List.of("{\"ceIds\": [\"\"]}", "{\"from\": \"not an instant\"}", "{\"dryRun\": \"maybe\"}",
                "{\"everything\": true}", "{\"from\": \"2026-11-25T08:00:00Z\", \"to\": \"2026-11-25T08:00:00Z\"}")) {
            problem(asAdmin().contentType(ContentType.JSON).body(body).when().post(BASE + DLQ + "/replay"), 400,
                    "validation");
        }
        problem(asAdmin().contentType(ContentType.JSON).body("{ nope").when().post(BASE + DLQ + "/replay"), 400,
                "malformed-request");

        problem(given().when().get(BASE + DLQ), 401, "unauthorized").header("WWW-Authenticate", notNullValue());
        problem(given().contentType(ContentType.JSON).body("{}").when().post(BASE + DLQ + "/replay"), 401,
                "unauthorized");
        problem(asUser("someone").when().get(BASE + DLQ), 403, "forbidden");
        problem(asUser("someone").contentType(ContentType.JSON).body("{}").when().post(BASE + DLQ + "/replay"), 403,
                "forbidden");
    }

    /** Parks a valid report of {@code user} as the dead-letter strategy did for database failures before they were retried. */
    private static void park(String user, String eventId, String reportJson, long sourceOffset) {
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.deadLetter(Topics.CRAMP_REPORTS, 3, sourceOffset, DATABASE_DOWN, user, eventId,
                    EventTypes.CRAMP_REPORT_SUBMITTED, AdviceEvents.INTAKE_SOURCE, reportJson);
        }
    }

    private static ValidatableResponse list(Map<String, ?> query) {
        return asAdmin().queryParams(query).when().get(BASE + DLQ).then().statusCode(200);
    }

    private static ValidatableResponse replay(Map<String, ?> body) {
        return asAdmin().contentType(ContentType.JSON).body(body).when().post(BASE + DLQ + "/replay").then()
                .statusCode(200).body("topic", is(DLQ));
    }

    private static ValidatableResponse problem(Response response, int status, String type) {
        return response.then().statusCode(status).contentType("application/problem+json")
                .body("status", is(status)).body("type", is("https://crampcare.io/problems/" + type));
    }

    private static Response adviceFor(UUID reportId) {
        return asAdmin().when().get("/api/v1/cramp-reports/" + reportId + "/advice");
    }

    private static void awaitAdvice(UUID reportId) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> adviceFor(reportId).statusCode() == 200);
    }

    /** The records on cramp-reports that match, read as bytes (the topic also holds records no CloudEvent reader takes). */
    private static List<ConsumerRecord<String, byte[]>> published(Predicate<ConsumerRecord<String, byte[]>> matching,
            Duration settle) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            return read(consumer, Topics.CRAMP_REPORTS, matching, settle);
        }
    }

    /** Every matching record from the beginning, polling until nothing new came for {@code settle}. */
    private static List<ConsumerRecord<String, byte[]>> read(KafkaConsumer<String, byte[]> consumer, String topic,
            Predicate<ConsumerRecord<String, byte[]>> matching, Duration settle) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < settle.toNanos()
                || partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (matching.test(record)) {
                    seen.add(record);
                    quietSince = System.nanoTime();
                }
            }
        }
        return seen;
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestUsers.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
