package io.crampcare.advice;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.DatabaseOutage;
import io.crampcare.testsupport.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A database that drops the service's connections, or refuses it altogether for a while, is a transient failure:
 * each report waits and is retried until it can be advised on, in order; none is dead-lettered, none is advised
 * twice, and the retries are counted. (The role's connection limit is cluster-wide: other runs on the same server
 * would see the same short outage, and ride it out the same way.)
 */
@QuarkusTest
class TransientFailureIT {

    private static final String TERMINATE_OTHERS = """
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE usename = current_user AND datname = current_database() AND pid <> pg_backend_pid()
            """;

    @Inject
    DataSource dataSource;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void reportsWaitOutADatabaseThatDropsEveryConnection() throws Exception {
        String user = TestUsers.newUser("blip");
        double retriesBefore = retries();
        AtomicBoolean dropping = new AtomicBoolean(true);
        AtomicInteger terminated = new AtomicInteger();
        // A connection of its own, outside the service's pool, terminates every other connection of the role.
        Thread killer = new Thread(() -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                while (dropping.get()) {
                    try (var row = statement.executeQuery(TERMINATE_OTHERS)) {
                        row.next();
                        terminated.addAndGet(row.getInt(1));
                    }
                    Thread.sleep(5);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "connection-killer");
        List<UUID> reports = new ArrayList<>();
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.subjectRefOf(user); // the person's key, read before the database drops connections
            killer.start();
            for (int i = 0; i < 30; i++) {
                reports.add(send(writer, user));
                Thread.sleep(100);
            }
        } finally {
            dropping.set(false);
            killer.join();
        }
        System.out.printf("[faults] advice: %d connections terminated while 30 reports arrived; %.0f retries%n",
                terminated.get(), retries() - retriesBefore);
        assertTrue(terminated.get() > 0, "the database did drop the service's connections");
        assertAdvisedOnceAndNoneDeadLettered(user, reports);
    }

    /**
     * An outage as the service sees it: every connection dropped and new ones refused (the role's connection limit at
     * 0) for several seconds, longer than any bounded number of quick retries. Reports wait, the service says it is
     * not ready (naming the waiting partition) but stays live, and catches up when the database is back.
     */
    @Test
    void reportsWaitOutADatabaseOutageWhileTheServiceIsNotReady() throws Exception {
        String user = TestUsers.newUser("outage");
        double retriesBefore = retries();
        List<UUID> reports = new ArrayList<>();
        String readyDuringOutage;
        int liveDuringOutage;
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.subjectRefOf(user); // the person's key, read before the outage
            try (DatabaseOutage outage = DatabaseOutage.of(jdbcUrl, "advice_svc")) {
                for (int i = 0; i < 10; i++) {
                    reports.add(send(writer, user));
                }
                readyDuringOutage = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                        .until(() -> given().when().get("/q/health/ready").then().extract().asString(),
                                body -> body.contains("Event processing") && body.contains("DOWN")
                                        && body.contains("\"cramp-reports-"));
                liveDuringOutage = given().when().get("/q/health/live").statusCode();
                Thread.sleep(3_000); // the outage goes on: no bounded number of retries would outlast it
            }
        }
        System.out.printf("[faults] advice: database refused the service for the outage; %.0f retries; readiness said %s%n",
                retries() - retriesBefore, readyDuringOutage.replaceAll("\\s+", " "));
        assertEquals(200, liveDuringOutage, "liveness stays UP: a restart would not help");
        assertAdvisedOnceAndNoneDeadLettered(user, reports);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/q/health/ready").statusCode() == 200);
    }

    private static UUID send(CloudEventWriter writer, String user) {
        UUID reportId = UUID.randomUUID();
        writer.send(Topics.CRAMP_REPORTS, user, UUID.randomUUID().toString(), EventTypes.CRAMP_REPORT_SUBMITTED,
                AdviceEvents.INTAKE_SOURCE, AdviceEvents.json(AdviceEvents.report(user, reportId)));
        return reportId;
    }

    private void assertAdvisedOnceAndNoneDeadLettered(String user, List<UUID> reports) {
        for (UUID reportId : reports) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> asAdmin().when().get("/api/v1/cramp-reports/" + reportId + "/advice").statusCode() == 200);
        }
        assertEquals(reports.size(), asAdmin().queryParam("pageSize", 100).when().get("/api/v1/users/" + user + "/advice")
                .then().statusCode(200).extract().jsonPath().getList("items").size(), "one advice per report");
        assertEquals(0, deadLettersOf(user), "a database outage is not a reason to dead-letter a report");
        assertTrue(retries() > 0, "the failures were retried (crampcare_events_retries_total)");
    }

    /** Records of {@code user} on cramp-reports.dlq, read raw (other tests park records that are no CloudEvents). */
    private static long deadLettersOf(String user) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestUsers.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            String topic = Topics.deadLetter(Topics.CRAMP_REPORTS);
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long found = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    found += user.equals(record.key()) ? 1 : 0;
                }
            }
            return found;
        }
    }

    private double retries() {
        return registry.find("crampcare.events.retries").tag("topic", Topics.CRAMP_REPORTS).tag("failure", "transient")
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
