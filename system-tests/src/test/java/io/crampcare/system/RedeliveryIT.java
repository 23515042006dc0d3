package io.crampcare.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.client.intake.model.Onset;
import io.crampcare.contracts.Topics;
import io.crampcare.kafka.ConsumerGroups;
import io.crampcare.testsupport.TestKeyring;
import io.crampcare.testsupport.TestTokens;
import io.crampcare.testsupport.TestUsers;

/**
 * The consumers' exactly-once effect when Kafka delivers a batch again, on the packaged services. Offsets are committed
 * only after a batch's transaction, and periodically: a crash between the two leaves the group's offsets before
 * records whose effects are in the database. That crash is made here deterministically: once a batch is applied and
 * committed, the consumer service is killed (SIGKILL), its group emptied and its offsets set back to before the batch
 * with the admin client, and the service started again. Every record comes again; each must be recognised as a
 * duplicate (the inbox, {@code processed_event}) and change nothing: no second advice or outbox event, the reminder's
 * plan untouched. Then a graceful stop (SIGTERM) while the advice service works through a backlog of hundreds of
 * reports, sent once a batch is in its transaction (its lock on {@code processed_event} seen; its remaining statements
 * slowed by the {@link FaultyLink} in front of PostgreSQL): that batch commits before the exit, the rest waits, the
 * process exits cleanly with no error logged, and after a restart each report has its advice once. No dead letters
 * anywhere. Figures: "[redelivery] ..." lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedeliveryIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> ADVICE_INPUTS = List.of(Topics.CRAMP_REPORTS, Topics.NUDGE_ACKS);
    private static final List<String> DEAD_LETTER_TOPICS = Topics.WITH_DEAD_LETTERS.stream().map(Topics::deadLetter).toList();
    /** The JVM's exit status after SIGTERM (128 + 15) once the shutdown hooks have run. */
    private static final int EXIT_AFTER_SIGTERM = 143;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private SystemUnderTest system;
    private FaultyLink database;
    private EventLog events;
    private KafkaOffsets offsets;
    private Connection db;
    private TestKeyring keyring;

    @BeforeAll
    void start() throws Exception {
        system = new SystemUnderTest();
        try {
            database = system.linkDatabase();
            system.start();
            events = new EventLog(system.bootstrapServers(), system.database.keyring());
            offsets = new KafkaOffsets(system.bootstrapServers());
            db = system.database.connectAsAdmin();
            keyring = system.database.keyring();
            ConsumerGroups.await(system.bootstrapServers(), List.of("advice-service", "reminder-service"),
                    ConsumerGroups::assigned, TIMEOUT);
        } catch (Exception e) {
            system.close();
            throw e;
        }
    }

    @AfterAll
    void stop() throws SQLException {
        if (db != null) {
            db.close();
        }
        List<String> violations = events == null ? List.of() : events.violations();
        if (offsets != null) {
            offsets.close();
        }
        if (events != null) {
            events.close();
        }
        system.close();
        assertEquals(List.of(), violations, "every event is a valid CloudEvent matching its schema");
    }

    // --- a crash between the database commit and the offset commit --------------------------------------------------

    @Test
    @Order(1)
    void adviceCrashAfterItsCommitAppliesARedeliveredBatchOnce() throws SQLException {
        Map<TopicPartition, Long> beforeBatch = offsets.ends(List.of(Topics.CRAMP_REPORTS));
        List<String> reports = postReports(40, 4);
        awaitTrue("the reports advised, their advice published and the offsets committed", () ->
                count(ADVISED, reports) == reports.size() && adviceOutbox(reports, true) == reports.size()
                        && offsets.lag("advice-service", ADVICE_INPUTS) == 0);
        crashAndRewind("advice", "advice-service", beforeBatch);

        // Lag 0: every redelivered record settled, acknowledged or dead-lettered.
        awaitTrue("the redelivered batch consumed (lag 0)", () -> offsets.lag("advice-service", ADVICE_INPUTS) == 0);
        awaitSettled();
        double duplicates = consumed("advice", Topics.CRAMP_REPORTS, "duplicate");
        double applied = consumed("advice", Topics.CRAMP_REPORTS, "applied");
        say("advice: %d reports redelivered after the crash, %d recognised as duplicates, %d applied again; advice rows"
                + " %d, outbox events %d, advice records on the topic %d", reports.size(), (long) duplicates,
                (long) applied, count(ADVISED, reports), adviceOutbox(reports, false), adviceRecords(reports));
        assertEquals(reports.size(), duplicates, "every redelivered report recognised as processed before");
        assertEquals(0, applied, "no redelivered report applied again");
        assertEquals(reports.size(), count(ADVISED, reports), "one advice row per report");
        assertEquals(reports.size(), adviceOutbox(reports, false), "one outbox event per report");
        assertEquals(reports.size(), adviceRecords(reports), "one advice record per report on the advice topic");
        assertNoDeadLetters();
    }

    @Test
    @Order(2)
    void reminderCrashAfterItsCommitAppliesARedeliveredBatchOnce() throws SQLException {
        Map<TopicPartition, Long> beforeBatch = offsets.ends(List.of(Topics.ADVICE));
        List<String> reports = postReports(20, 20); // one per user: each advice plans its user's water
        List<String> users = owners(reports);
        awaitTrue("the advice planned by the reminder and its offsets committed", () ->
                adviceRecords(reports) == reports.size() && count(PLANNED, users) == users.size()
                        && offsets.lag("reminder-service", List.of(Topics.ADVICE)) == 0);
        List<String> targetsBefore = rows(TARGETS, users);
        List<String> nudgesBefore = rows(NUDGES, users);
        crashAndRewind("reminder", "reminder-service", beforeBatch);

        awaitTrue("the redelivered batch consumed (lag 0)",
                () -> offsets.lag("reminder-service", List.of(Topics.ADVICE)) == 0);
        double duplicates = consumed("reminder", Topics.ADVICE, "duplicate");
        double applied = consumed("reminder", Topics.ADVICE, "applied");
        double outdated = counter("reminder", "crampcare_advice_outdated_total", Map.of());
        say("reminder: %d advice redelivered after the crash, %d recognised as duplicates, %d applied again (%d found"
                + " outdated by the plan); %d water targets and %d nudges of the batch's users unchanged: %s",
                reports.size(), (long) duplicates, (long) applied, (long) outdated, targetsBefore.size(),
                nudgesBefore.size(), nudgesBefore.equals(rows(NUDGES, users)));
        assertEquals(reports.size(), duplicates, "every redelivered advice recognised as processed before");
        assertEquals(0, applied, "no redelivered advice applied again");
        assertEquals(0, outdated, "the inbox, not the plan's ordering, kept the redelivered advice out");
        assertEquals(targetsBefore, rows(TARGETS, users), "the water targets unchanged");
        assertEquals(nudgesBefore, rows(NUDGES, users), "the planned nudges unchanged (a replan gives new ids)");
        assertNoDeadLetters();
    }

    /**
     * kill -9 of the consumer service once its batch is committed; then, as if its offsets had never been committed,
     * the group set back to {@code beforeBatch}; then the service started again.
     */
    private void crashAndRewind(String service, String group, Map<TopicPartition, Long> beforeBatch) {
        ServiceProcess process = system.service(service);
        process.kill();
        offsets.removeMembers(group); // what the broker does when the killed consumers' sessions time out
        Map<TopicPartition, Long> committed = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
        beforeBatch.keySet().forEach(p -> committed.put(p, offsets.committed(group, p)));
        offsets.rewind(group, beforeBatch);
        say("%s: killed (SIGKILL) with %s committed; %s set back to %s", service, committed, group, beforeBatch);
        process.start();
        process.awaitReady(SystemUnderTest.READY_TIMEOUT);
    }

    // --- a graceful stop with a batch in flight ------------------------------------------------------------------

    @Test
    @Order(3)
    void sigtermWhileWorkingThroughABacklogLosesAndDoublesNothing() throws SQLException {
        ServiceProcess advice = system.service("advice");
        advice.stop();
        List<String> reports = postReports(800, 20);
        Set<String> backlog = Set.copyOf(reports);
        awaitTrue("the backlog on cramp-reports", () -> events.on(Topics.CRAMP_REPORTS,
                e -> backlog.contains(e.data().path("reportId").asText())).size() == reports.size());

        LocalDateTime startedAt = LocalDateTime.now();
        advice.start();
        long atSigterm = await("a batch of the backlog in its transaction").atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(10)).until(() -> count(ADVISED_WITH_A_BATCH_IN_FLIGHT, reports), n -> n >= 0);
        // The rest of the batch's statements slowed down, so that SIGTERM surely finds it in flight.
        database.delay(Duration.ofMillis(3));
        try {
            advice.stop();
        } finally {
            database.delay(Duration.ZERO);
        }
        long atExit = count(ADVISED, reports);
        List<ServiceLog.Entry> log = ServiceLog.read(advice.logFile()).stream()
                .filter(e -> e.at() != null && !e.at().isBefore(startedAt)).toList();
        List<String> errors = log.stream().filter(e -> "ERROR".equals(e.level()) || "FATAL".equals(e.level()))
                .map(ServiceLog.Entry::text).toList();
        long leftForRedelivery = log.stream().filter(e -> e.text().contains("left for redelivery")
                || e.text().contains("left unacknowledged for redelivery")).count();
        say("sigterm: %d reports waiting; %d advised when SIGTERM came, %d when the process had exited (exit %d);"
                + " %d log lines about records left for redelivery", reports.size(), atSigterm, atExit,
                advice.exitCode(), leftForRedelivery);
        assertEquals(EXIT_AFTER_SIGTERM, advice.exitCode(), "the advice service exited as SIGTERM asks");
        assertEquals(List.of(), errors, "no error logged during the stop");
        assertTrue(atExit > atSigterm, "the batch in flight at SIGTERM committed before the process exited");
        assertTrue(atExit < reports.size(), "the stop came while the backlog was still being consumed");

        advice.start();
        advice.awaitReady(SystemUnderTest.READY_TIMEOUT);
        awaitTrue("the rest of the backlog advised and consumed", () -> count(ADVISED, reports) == reports.size()
                && offsets.lag("advice-service", ADVICE_INPUTS) == 0);
        awaitSettled();
        say("sigterm: after the restart %d advice rows, %d outbox events, %d advice records on the topic for %d reports",
                count(ADVISED, reports), adviceOutbox(reports, false), adviceRecords(reports), reports.size());
        assertEquals(reports.size(), count(ADVISED, reports), "one advice row per report");
        assertEquals(reports.size(), adviceOutbox(reports, false), "one outbox event per report");
        assertEquals(reports.size(), adviceRecords(reports), "one advice record per report on the advice topic");
        assertNoDeadLetters();
    }

    // --- what the system shows -------------------------------------------------------------------------------------

    private static final String ADVISED = "SELECT count(*) FROM advice.advice WHERE report_id::text = ANY(?)";
    /**
     * While a batch is being applied (an open transaction has recorded consumed event ids: it holds its lock on
     * processed_event until it ends), the reports advised before it, in one snapshot; else -1.
     */
    private static final String ADVISED_WITH_A_BATCH_IN_FLIGHT = "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_locks l"
            + " JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND n.nspname = 'advice' AND c.relname = 'processed_event' AND l.mode = 'RowExclusiveLock')"
            + " THEN (" + ADVISED + ") ELSE -1 END";
    private static final String PLANNED = "SELECT count(*) FROM reminder.hydration_target WHERE user_id = ANY(?)";
    private static final String TARGETS = "SELECT user_id || ' ' || advice_id || ' ' || daily_target_ml"
            + " FROM reminder.hydration_target WHERE user_id = ANY(?) ORDER BY 1";
    private static final String NUDGES = "SELECT id || ' ' || kind || ' ' || due_at || ' ' || coalesce(amount_ml, 0)"
            + " FROM reminder.nudge WHERE user_id = ANY(?) ORDER BY 1";

    /**
     * The advice service's outbox events about these reports, all or only those sent. Their payloads are sealed
     * (issue 32), so each is opened with the key ring rather than read in SQL.
     */
    private long adviceOutbox(Collection<String> reports, boolean sentOnly) throws SQLException {
        Set<String> wanted = Set.copyOf(reports);
        long found = 0;
        try (PreparedStatement query = db.prepareStatement("SELECT id::text, message_key, event_type, payload::text"
                + " FROM advice.outbox_event WHERE topic = 'advice'" + (sentOnly ? " AND sent_at IS NOT NULL" : ""));
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Optional<TestKeyring.Opened> opened = keyring.open(rows.getString(2), rows.getString(1),
                        rows.getString(3), rows.getString(4));
                if (opened.isPresent() && wanted.contains(reportIdOf(opened.get().payload()))) {
                    found++;
                }
            }
        }
        return found;
    }

    private long count(String sql, Collection<String> ids) throws SQLException {
        List<String> rows = rows(sql, ids);
        return Long.parseLong(rows.get(0));
    }

    private List<String> rows(String sql, Collection<String> ids) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            Array array = db.createArrayOf("text", ids.toArray(String[]::new));
            query.setArray(1, array);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }

    /** Records (not distinct events) on the advice topic for these reports, as read by the event log. */
    private long adviceRecords(Collection<String> reports) {
        Set<String> ids = Set.copyOf(reports);
        return events.on(Topics.ADVICE, e -> ids.contains(e.data().path("reportId").asText())).size();
    }

    private void assertNoDeadLetters() {
        List<String> parked = DEAD_LETTER_TOPICS.stream().flatMap(t -> events.on(t, e -> true).stream())
                .map(e -> e.origin() + " " + e.cause()).toList();
        assertEquals(List.of(), parked, "nothing dead-lettered");
    }

    /** Nothing left to publish (the outboxes' pending gauges 0) and every topic read by the event log. */
    private void awaitSettled() {
        awaitTrue("outboxes empty and every topic read", () -> {
            for (ServiceProcess service : system.services.values()) {
                if (counter(service.name, "crampcare_outbox_pending", Map.of()) != 0) {
                    return false;
                }
            }
            List<String> topics = new ArrayList<>(Topics.ALL);
            topics.addAll(DEAD_LETTER_TOPICS);
            return events.hasRead(offsets.ends(topics));
        });
    }

    /** crampcare.events.consumed of the service's running process for the topic and outcome. */
    private double consumed(String service, String topic, String outcome) {
        return counter(service, "crampcare_events_consumed_total", Map.of("topic", topic, "outcome", outcome));
    }

    /** The sum of a metric's samples with these labels in the service's /q/metrics; 0 when it has none. */
    private double counter(String service, String metric, Map<String, String> labels) {
        Pattern sample = Pattern.compile("^" + metric + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
        return sample.matcher(system.service(service).metrics()).results()
                .filter(m -> labels.entrySet().stream().allMatch(l -> m.group(1) != null
                        && m.group(1).contains(l.getKey() + "=\"" + l.getValue() + "\"")))
                .mapToDouble(m -> Double.parseDouble(m.group(2))).sum();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private final Map<String, String> owner = new ConcurrentHashMap<>();

    /** Posts {@code count} reports spread over {@code users} new users, 16 at a time; returns their ids. */
    private List<String> postReports(int count, int users) {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            people.add(TestUsers.newUser("redelivery"));
        }
        Semaphore permits = new Semaphore(16);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String user = people.get(n % users);
            permits.acquireUninterruptibly();
            HttpRequest request = HttpRequest.newBuilder(URI.create(system.url("intake") + "/api/v1/cramp-reports"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TestTokens.user(user))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(SystemIT.json(SystemIT.report(user,
                            Instant.now().minusSeconds(30), n % 2 == 0 ? Onset.GRADUAL : Onset.SUDDEN, List.of()))))
                    .build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, f) -> permits.release())
                    .thenApply(response -> {
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException("report refused: " + response.statusCode() + " " + response.body());
                        }
                        String id = read(response.body());
                        owner.put(id, user);
                        return id;
                    }));
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }

    private List<String> owners(List<String> reports) {
        return reports.stream().map(owner::get).distinct().toList();
    }

    private static String reportIdOf(String advice) {
        try {
            return JSON.readTree(advice).path("reportId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String body) {
        try {
            return JSON.readTree(body).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(String what, Condition condition) {
        awaitTrue(what, condition, Duration.ofMillis(200));
    }

    private static void awaitTrue(String what, Condition condition, Duration poll) {
        await(what).atMost(TIMEOUT).pollInterval(poll).until(condition::holds);
    }

    static void say(String format, Object... args) {
        System.out.println("[redelivery] " + String.format(format, args));
    }
}
