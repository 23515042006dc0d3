package io.crampcare.intake;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.crampcare.contracts.Topics;
import io.crampcare.contracts.sealed.EventSeal;
import io.crampcare.testsupport.CloudEventReader;
import io.crampcare.testsupport.EventSchemas;
import io.crampcare.testsupport.TestKeyring;
import io.crampcare.testsupport.TestQueries;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A report and its event are one statement without a transaction around it (issue 29): they commit together or not
 * at all, and concurrent reports of one user still reach Kafka in the order their events were numbered (the outbox's
 * per-key advisory lock holds in that statement's own transaction).
 */
@QuarkusTest
class ReportWithEventIT {

    private static final String REPORTS = "/api/v1/cramp-reports";

    @Inject
    DataSource dataSource;

    private final ObjectMapper json = new ObjectMapper();
    private final TestKeyring keyring = TestKeyring.ofServiceUnderTest();

    /** A refused event insert leaves no report, and a refused report insert leaves no event. */
    @ParameterizedTest
    @CsvSource({ "outbox_event, message_key, cramp_report, user_id", "cramp_report, user_id, outbox_event, message_key" })
    void aRowIsStoredOnlyWithItsPartner(String refused, String refusedUser, String partner, String partnerUser)
            throws Exception {
        String user = TestUsers.newUser("all-or-nothing");
        // The outbox keys a person's events by their subjectRef (sealed events), the report by the user id.
        String subjectRef = keyring.keyOf(user).subjectRef().toString();
        try (AutoCloseable refusal = refuseRows(refused, refusedUser,
                refusedUser.equals("message_key") ? subjectRef : user)) {
            asAdmin().contentType(ContentType.JSON).body(TestReports.valid(user)).when().post(REPORTS)
                    .then().statusCode(500).contentType("application/problem+json");
        }
        assertEquals(0, count("SELECT count(*) FROM " + partner + " WHERE " + partnerUser + " = ?",
                partnerUser.equals("message_key") ? subjectRef : user),
                "nothing in " + partner + " when the insert into " + refused + " failed");
    }

    @Test
    void concurrentReportsOfOneUserArePublishedInTheirEventsOrder() throws Exception {
        String user = TestUsers.newUser("concurrent");
        int reports = 40;
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < reports; i++) {
                Instant at = start.plusSeconds(i);
                posts.add(CompletableFuture.supplyAsync(() -> asAdmin().contentType(ContentType.JSON)
                        .body(TestReports.valid(user, at)).when().post(REPORTS).statusCode(), clients));
            }
            for (CompletableFuture<Integer> post : posts) {
                assertEquals(201, post.get());
            }
        } finally {
            clients.shutdownNow();
        }
        List<String> numbered = TestQueries.list(dataSource,
                "SELECT id::text FROM outbox_event WHERE message_key = ? ORDER BY seq",
                row -> row.getString(1), keyring.keyOf(user).subjectRef().toString());
        assertEquals(reports, numbered.size(), "one event per report");
        assertEquals(reports, count("SELECT count(*) FROM cramp_report WHERE user_id = ?", user));
        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(), Topics.CRAMP_REPORTS)) {
            List<ConsumerRecord<String, CloudEvent>> records = reader.await(r -> user.equals(r.key()), reports,
                    Duration.ofSeconds(60));
            List<String> published = records.stream().map(r -> r.value().getId()).toList();
            assertEquals(numbered, published, "published in seq order");
        }
    }

    /** The person's free text is stored and answered, but on no topic (issue 32: minimisation). */
    @Test
    void theNotesStayInTheIntakeService() throws Exception {
        String user = TestUsers.newUser("notes");
        String id = asAdmin().contentType(ContentType.JSON).body(TestReports.valid(user)).when().post(REPORTS)
                .then().statusCode(201).extract().path("id");
        asAdmin().when().get(REPORTS + "/" + id).then().statusCode(200).body("notes", is("Last set of squats."));
        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(), Topics.CRAMP_REPORTS)) {
            ConsumerRecord<String, CloudEvent> record = reader.await(r -> user.equals(r.key()), 1,
                    Duration.ofSeconds(30)).get(0);
            String data = new String(record.value().getData().toBytes(), StandardCharsets.UTF_8);
            assertEquals(id, json.readTree(data).get("reportId").asText());
            assertTrue(json.readTree(data).get("notes").isNull(), data);
            assertFalse(data.contains("squats"), data);
        }
    }

    /**
     * On the topic the event names the person only by a random subjectRef and holds its payload sealed with the
     * person's key (issue 32: crypto-shredding): neither the user id nor any field of the report is readable without
     * the key ring.
     */
    @Test
    void theEventIsSealedWithThePersonsKey() throws Exception {
        String user = TestUsers.newUser("sealed");
        String id = asAdmin().contentType(ContentType.JSON).body(TestReports.valid(user)).when().post(REPORTS)
                .then().statusCode(201).extract().path("id");
        String subjectRef = keyring.keyOf(user).subjectRef().toString();
        try (CloudEventReader reader = CloudEventReader.sealed(TestUsers.bootstrapServers(), Topics.CRAMP_REPORTS)) {
            ConsumerRecord<String, CloudEvent> record = reader.await(r -> subjectRef.equals(r.key()), 1,
                    Duration.ofSeconds(30)).get(0);
            CloudEvent event = record.value();
            String value = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
            assertEquals(subjectRef, event.getSubject());
            assertEquals(EventSeal.DATA_SCHEMA, event.getDataSchema());
            assertEquals(List.of(), EventSchemas.sealedViolations(value));
            for (String readable : List.of(user, id, "GLUTEUS", "squats", "reportId", "userId")) {
                assertFalse(value.contains(readable), readable + " is readable in " + value);
            }
            String opened = keyring.open(record.key(), event.getId(), event.getType(), value).orElseThrow().payload();
            assertEquals(id, json.readTree(opened).get("reportId").asText());
            assertEquals(user, json.readTree(opened).get("userId").asText());
        }
    }

    /** A trigger that fails every insert into {@code table} whose {@code column} is {@code value}, until closed. */
    private AutoCloseable refuseRows(String table, String column, String value) throws SQLException {
        String name = "refuse_" + table;
        execute("""
                CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.%2$s = '%3$s' THEN RAISE EXCEPTION 'refused by ReportWithEventIT'; END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER %1$s BEFORE INSERT ON %4$s FOR EACH ROW EXECUTE FUNCTION %1$s();
                """.formatted(name, column, value, table));
        return () -> execute("DROP TRIGGER %1$s ON %2$s; DROP FUNCTION %1$s();".formatted(name, table));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql, String parameter) throws SQLException {
        return TestQueries.first(dataSource, sql, row -> row.getLong(1), parameter);
    }
}
