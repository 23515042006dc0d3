package io.crampcare.system;

import static io.crampcare.system.ApiClients.status;
import static io.crampcare.system.SystemIT.say;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.crampcare.client.intake.model.CrampReport;
import io.crampcare.client.intake.model.Onset;
import io.crampcare.client.reminder.model.AckOutcome;
import io.crampcare.client.reminder.model.Acknowledgement;
import io.crampcare.client.reminder.model.Drink;
import io.crampcare.client.reminder.model.NewDrink;
import io.crampcare.client.reminder.model.NudgeKind;
import io.crampcare.client.reminder.model.Preferences;
import io.crampcare.client.reminder.model.Workout;
import io.crampcare.client.reminder.model.WorkoutRequest;
import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.TestKeyring;
import io.crampcare.testsupport.TestTokens;
import io.crampcare.testsupport.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A person's data across the packaged services on a real broker and PostgreSQL (issue 32), through the clients
 * generated from the API documents: everything they made comes back in their export, field by field, with an admin's
 * read of their report in the audit part; then they are erased, and no text or jsonb column of any schema holds their
 * id or their words, no service log names them, another user keeps everything; and an erasure asked while the reminder
 * service is down completes when it is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyIT {

    private static final String NOTES = "left glute knotted on the stairs, note " + UUID.randomUUID();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private SystemUnderTest system;
    private ApiClients clients;
    private EventLog events;

    @BeforeAll
    void start() {
        system = new SystemUnderTest();
        try {
            system.start();
            clients = new ApiClients(system);
            events = new EventLog(system.bootstrapServers(), system.database.keyring());
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    @AfterAll
    void stop() {
        if (events != null) {
            events.close();
        }
        system.close();
    }

    @Test
    @Order(1)
    void everythingComesBackInTheExportAndGoesWithTheErasure() throws Exception {
        String user = TestUsers.newUser("gdpr");
        String bystander = TestUsers.newUser("bystander");
        Made made = makeData(user);
        CrampReport kept = clients.as(bystander).reports.submitCrampReport()
                .body(SystemIT.report(bystander, Instant.now().minusSeconds(120), Onset.GRADUAL, List.of()))
                .executeAs(status(201));
        // An admin reads the person's report, saying why.
        clients.asAdmin().reports.getCrampReport().idPath(made.report.getId()).executeAs(status(200));

        JsonPath export = json(clients.as(user).personalData.getExport().userIdPath(user).execute(status(200)));
        assertEquals("crampcare-export/1", export.getString("format"));
        assertEquals(user, export.getString("userId"));
        checkReport(made.report, export.getMap("intake.reports[0]"));
        assertEquals(1, export.getList("intake.reports").size());
        assertEquals(List.of("GET /api/v1/cramp-reports/{id}"), export.getList("intake.audit.operation"));
        assertEquals(List.of(TestTokens.TEST_REASON), export.getList("intake.audit.reason"));
        assertEquals(List.of(TestTokens.ADMIN), export.getList("intake.audit.actor"));
        assertEquals(made.adviceId, export.getString("advice.advice[0].adviceId"));
        assertEquals(made.report.getId().toString(), export.getString("advice.advice[0].reportId"));
        assertEquals(made.ruleIds, export.getList("advice.advice[0].recommendations.ruleId"));
        assertTrue(export.getList("advice.advice[0].recommendations.source.reference").stream()
                .allMatch(r -> r != null && !r.toString().isBlank()), "every recommendation names its source");
        assertEquals(List.of(made.report.getId().toString()), export.getList("advice.reportHistory.reportId"));
        assertEquals(List.of(made.warmUpId), export.getList("advice.nudgeAcks.nudgeId"));
        assertEquals(List.of("DONE"), export.getList("advice.nudgeAcks.outcome"));
        assertEquals(made.preferences.getTimeZone(), export.getString("reminder.preferences[0].timeZone"));
        assertEquals(made.preferences.getDailyCap().intValue(), export.getInt("reminder.preferences[0].dailyCap"));
        assertEquals(List.of(made.workout.getId().toString()), export.getList("reminder.workouts.id"));
        assertEquals(List.of(made.drink.getId().toString()), export.getList("reminder.drinks.id"));
        assertEquals(List.of(300), export.getList("reminder.drinks.amountMl"));
        assertTrue(export.getList("reminder.nudges.id").contains(made.warmUpId), "the answered warm-up");
        assertEquals("DONE", export.getString("reminder.nudges.find { it.id == '" + made.warmUpId + "' }.status"));
        assertTrue(export.getList("reminder.nudges.kind").contains("HYDRATION"), "the planned water");
        assertEquals(made.adviceId, export.getString("reminder.hydrationTargets[0].adviceId"));
        say("privacy: the export of %s holds %d report, %d advice, %d nudges, %d drink, %d workout, %d audit entry",
                "a user", export.getList("intake.reports").size(), export.getList("advice.advice").size(),
                export.getList("reminder.nudges").size(), export.getList("reminder.drinks").size(),
                export.getList("reminder.workouts").size(), export.getList("intake.audit").size());

        List<String> before = findOnTopics(user, NOTES);
        for (String topic : List.of(Topics.CRAMP_REPORTS, Topics.ADVICE, Topics.NUDGES, Topics.NUDGE_ACKS,
                Topics.DRINKS, Topics.deadLetter(Topics.CRAMP_REPORTS))) {
            assertTrue(before.stream().anyMatch(f -> f.startsWith(topic + "/")),
                    "before the erasure the person's events on " + topic + " open with their key: " + before);
        }
        assertTrue(before.stream().anyMatch(f -> f.endsWith(NOTES)), "the dead letter opens: " + before);
        say("privacy: before the erasure %d records of the person open on %d topics", before.stream()
                .map(f -> f.substring(0, f.indexOf(':'))).distinct().count(), before.stream()
                .map(f -> f.substring(0, f.indexOf('/'))).distinct().count());
        String subjectRef = system.database.keyring().keyOf(user).subjectRef().toString();

        long asked = System.nanoTime();
        Response erasure = clients.as(user).erasure.requestErasure().userIdPath(user).execute(status(202));
        String erasureId = erasure.path("id");
        JsonPath receipt = awaitCompleted(user, erasureId);
        say("privacy: erased in every service %d ms after it was asked", (System.nanoTime() - asked) / 1_000_000);
        assertEquals(List.of("ERASED", "ERASED", "ERASED"), receipt.getList("services.status"));

        assertEquals(List.of(), findInSchemas(user, NOTES), "no text or jsonb column holds the person or their notes");
        assertEquals(List.of(), findInLogs(user, NOTES), "no service log names the person or quotes their notes");
        assertEquals(List.of(), findOnTopics(user, NOTES),
                "no record on any topic or dead-letter topic, opened with the keys that remain, holds the person");
        say("privacy: after it none opens, and no key, header or value names the person");
        assertTrue(findOnTopics(bystander).stream().anyMatch(f -> f.startsWith(Topics.CRAMP_REPORTS + "/")),
                "another user's events still open");
        // Consumers outside the services learn it on erasures: one record, keyed by the former subjectRef.
        await().atMost(TIMEOUT).until(() -> findOnTopics(subjectRef).stream()
                .filter(f -> f.startsWith(Topics.ERASURES + "/")).count(), count -> count == 1);
        // A restore from a backup is followed by the registry's erasures again (runbook): the script keeps the
        // erasure and touches nobody else.
        try (Connection db = system.database.connectAsAdmin()) {
            db.createStatement().execute(Files.readString(system.root.resolve("deploy/postgres/reapply-erasures.sql")));
        }
        assertEquals(List.of(), findInSchemas(user, NOTES), "after reapply-erasures.sql");
        clients.as(user).reports.listCrampReports().userIdQuery(user).execute(status(403));
        clients.as(user).personalData.getExport().userIdPath(user).execute(status(403));
        assertEquals(kept, clients.as(bystander).reports.getCrampReport().idPath(kept.getId()).executeAs(status(200)));
        assertEquals(1, json(clients.as(bystander).personalData.getExport().userIdPath(bystander)
                .execute(status(200))).getList("intake.reports").size(), "another user keeps everything");
    }

    @Test
    @Order(2)
    void anErasureAskedWhileAServiceIsDownCompletesWhenItIsBack() throws Exception {
        String user = TestUsers.newUser("erased-later");
        ApiClients.Clients as = clients.as(user);
        Preferences preferences = new Preferences().timeZone("UTC").wakingStart("00:00").wakingEnd("23:59").dailyCap(8)
                .kinds(new LinkedHashSet<>(List.of(NudgeKind.HYDRATION)));
        as.preferences.putPreferences().userIdPath(user).body(preferences).executeAs(status(200));
        as.reports.submitCrampReport().body(SystemIT.report(user, Instant.now().minusSeconds(60), Onset.GRADUAL,
                List.of())).executeAs(status(201));
        await().atMost(TIMEOUT).until(() -> rows("reminder.hydration_target", user) == 1);

        system.service("reminder").stop();
        String erasureId = as.erasure.requestErasure().userIdPath(user).execute(status(202)).path("id");
        await().atMost(TIMEOUT).until(() -> {
            JsonPath state = json(as.erasure.getErasure().erasureIdPath(UUID.fromString(erasureId))
                    .execute(status(200)));
            return state.getList("services.findAll { it.status == 'ERASED' }.service");
        }, erased -> erased.size() == 2 && !erased.contains("reminder-service"));
        assertEquals(1, rows("reminder.preferences", user), "the reminder's part waits for the reminder service");
        assertEquals("IN_PROGRESS", json(as.erasure.getErasure().erasureIdPath(UUID.fromString(erasureId))
                .execute(status(200))).getString("status"));

        system.service("reminder").start();
        system.service("reminder").awaitReady(SystemUnderTest.READY_TIMEOUT);
        awaitCompleted(user, erasureId);
        assertEquals(0, rows("reminder.preferences", user));
        assertEquals(List.of(), findInSchemas(user, NOTES));
        assertEquals(List.of(), findOnTopics(user), "nothing of the person opens on any topic");
        assertEquals(List.of(), findInLogs(user), "no service log names the person");
        say("privacy: an erasure asked while the reminder service was down completed once it was back");
    }

    // --- the person's data ---------------------------------------------------------------------------------------

    private record Made(Preferences preferences, CrampReport report, String adviceId, List<String> ruleIds,
            Workout workout, Drink drink, String warmUpId) {
    }

    /** Preferences, a report with notes and its advice and water, a drink, a workout whose warm-up fired and was done. */
    private Made makeData(String user) {
        ApiClients.Clients as = clients.as(user);
        Preferences preferences = new Preferences().timeZone("UTC").wakingStart("00:00").wakingEnd("23:59")
                .dailyCap(8).kinds(new LinkedHashSet<>(List.of(NudgeKind.HYDRATION, NudgeKind.WARM_UP)));
        preferences = as.preferences.putPreferences().userIdPath(user).body(preferences).executeAs(status(200));
        CrampReport report = as.reports.submitCrampReport().body(SystemIT.report(user,
                Instant.now().minusSeconds(300), Onset.GRADUAL, List.of()).notes(NOTES)).executeAs(status(201));
        JsonPath advice = await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> as.advice.getAdviceForReport().reportIdPath(report.getId()).execute(Function.identity()),
                        r -> r.statusCode() == 200)
                .jsonPath();
        await().atMost(TIMEOUT).until(() -> rows("reminder.nudge", user) > 0);
        Drink drink = as.drinks.logDrink().userIdPath(user).body(new NewDrink().amountMl(300)).executeAs(status(201));
        // The warm-up lead is a minute here: a workout 65 s ahead has its warm-up due in 5 s.
        Instant start = Instant.now().plusSeconds(65).truncatedTo(ChronoUnit.SECONDS);
        Workout workout = as.workouts.createWorkout().userIdPath(user).body(new WorkoutRequest()
                .type(io.crampcare.client.reminder.model.Type.ONE_OFF)
                .startsAt(OffsetDateTime.ofInstant(start, ZoneOffset.UTC)).durationMinutes(30)
                .intensity(io.crampcare.client.reminder.model.Intensity.LIGHT)).executeAs(status(201));
        String warmUpId = await().atMost(TIMEOUT).until(() -> events.on(Topics.NUDGES,
                e -> user.equals(e.key()) && "WARM_UP".equals(e.data().path("kind").asText())), l -> !l.isEmpty())
                .get(0).data().path("nudgeId").asText();
        as.nudges.acknowledgeNudge().idPath(warmUpId).body(new Acknowledgement().outcome(AckOutcome.DONE))
                .executeAs(status(200));
        await().atMost(TIMEOUT).until(() -> rows("advice.nudge_ack", user) == 1);
        // A dead letter of the person: an event of theirs, sealed with their key, that breaks its contract.
        String poisonId = UUID.randomUUID().toString();
        events.expectPoison(poisonId);
        try (CloudEventWriter writer = new CloudEventWriter(system.bootstrapServers(), system.database.keyring())) {
            writer.send(Topics.CRAMP_REPORTS, user, poisonId, EventTypes.CRAMP_REPORT_SUBMITTED,
                    "/crampcare/intake-service", "{\"userId\": \"" + user + "\", \"notes\": \"" + NOTES + "\"}");
        }
        await().atMost(TIMEOUT).until(() -> events.on(Topics.deadLetter(Topics.CRAMP_REPORTS),
                e -> user.equals(e.key()) && poisonId.equals(e.id())), l -> !l.isEmpty());
        return new Made(preferences, report, advice.getString("adviceId"),
                advice.getList("recommendations.ruleId"), workout, drink, warmUpId);
    }

    /** The exported report, field by field against what the API answered when it was made. */
    private static void checkReport(CrampReport made, Map<String, Object> exported) {
        assertEquals(made.getId().toString(), exported.get("id"));
        assertEquals(made.getOccurredAt().toInstant(), Instant.parse((String) exported.get("occurredAt")));
        assertEquals(made.getReceivedAt().toInstant(), Instant.parse((String) exported.get("receivedAt")));
        assertEquals(made.getMuscle().getValue(), exported.get("muscle"));
        assertEquals(made.getSide().getValue(), exported.get("side"));
        assertEquals(made.getOnset().getValue(), exported.get("onset"));
        assertEquals(made.getSeverity(), exported.get("severity"));
        assertEquals(made.getDurationSeconds(), exported.get("durationSeconds"));
        assertEquals(made.getContext().getValue(), exported.get("context"));
        assertEquals(made.getActivity().getType().getValue(), exported.get("activityType"));
        assertEquals(made.getActivity().getIntensity().getValue(), exported.get("activityIntensity"));
        assertEquals(made.getActivity().getMinutes(), exported.get("activityMinutes"));
        assertEquals(made.getWarmedUp(), exported.get("warmedUp"));
        assertEquals(made.getStretchedAfter(), exported.get("stretchedAfter"));
        assertEquals(made.getSweatingHeavily(), exported.get("sweatingHeavily"));
        assertEquals(made.getWaterTodayMl(), exported.get("waterTodayMl"));
        assertEquals(List.of(), exported.get("symptoms"));
        assertEquals(NOTES, exported.get("notes"));
    }

    // --- what is left ---------------------------------------------------------------------------------------------

    private JsonPath awaitCompleted(String user, String erasureId) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> json(clients.as(user).erasure
                .getErasure().erasureIdPath(UUID.fromString(erasureId)).execute(status(200))),
                state -> "COMPLETED".equals(state.getString("status")));
    }

    /** Every text, varchar and jsonb column of the services' schemas and the privacy registry holding any of {@code words}. */
    private List<String> findInSchemas(String... words) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection db = system.database.connectAsAdmin()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rows = db.createStatement().executeQuery("""
                    SELECT c.table_schema, c.table_name, c.column_name
                    FROM information_schema.columns c JOIN information_schema.tables t
                      ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
                    WHERE c.table_schema IN ('intake', 'advice', 'reminder', 'privacy')
                      AND c.data_type IN ('text', 'character varying', 'jsonb', 'json')
                    """)) {
                while (rows.next()) {
                    columns.add(new String[] { rows.getString(1), rows.getString(2), rows.getString(3) });
                }
            }
            for (String[] column : columns) {
                for (String word : words) {
                    try (PreparedStatement query = db.prepareStatement("SELECT count(*) FROM \"%s\".\"%s\" WHERE strpos(\"%s\"::text, ?) > 0"
                            .formatted(column[0], column[1], column[2]))) {
                        query.setString(1, word);
                        try (ResultSet count = query.executeQuery()) {
                            count.next();
                            if (count.getLong(1) > 0) {
                                found.add(column[0] + "." + column[1] + "." + column[2] + " holds " + word);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * Every record of every topic and dead-letter topic, read from the beginning, whose key, headers, value or payload
     * (opened with the keys the key ring still has) holds any of {@code words}: {@code topic/partition@offset: word}.
     */
    private List<String> findOnTopics(String... words) {
        TestKeyring keyring = system.database.keyring(); // a new one: the ring as it is now
        List<String> found = new ArrayList<>();
        List<String> topics = new ArrayList<>(Topics.ALL);
        Topics.WITH_DEAD_LETTERS.forEach(t -> topics.add(Topics.deadLetter(t)));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                assertTrue(System.nanoTime() < deadline, "reading every topic to its end took too long");
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    StringBuilder text = new StringBuilder(String.valueOf(record.key()));
                    for (Header header : record.headers()) {
                        text.append('\n').append(header.key()).append(':')
                                .append(new String(header.value(), StandardCharsets.UTF_8));
                    }
                    String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
                    text.append('\n').append(value);
                    keyring.open(record.key(), header(record, "ce_id"), header(record, "ce_type"), value)
                            .ifPresent(opened -> text.append('\n').append(opened.payload()));
                    for (String word : words) {
                        if (text.indexOf(word) >= 0) {
                            found.add(record.topic() + "/" + record.partition() + "@" + record.offset() + ": " + word);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Every line of the services' logs (not the broker's) that holds any of {@code words}. */
    private List<String> findInLogs(String... words) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(system.state)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("(intake|advice|reminder).*\\.log"))
                    .sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    for (String word : words) {
                        if (line.contains(word)) {
                            found.add(file.getFileName() + ": " + line);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private long rows(String table, String user) throws SQLException {
        try (Connection db = system.database.connectAsAdmin();
                PreparedStatement query = db.prepareStatement("SELECT count(*) FROM " + table + " WHERE user_id = ?")) {
            query.setString(1, user);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    private static JsonPath json(Response response) {
        return response.jsonPath();
    }
}
