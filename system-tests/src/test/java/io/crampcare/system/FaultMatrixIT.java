package io.crampcare.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.client.intake.model.Onset;
import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.kafka.ConsumerGroups;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.TestTokens;
import io.crampcare.testsupport.TestUsers;

/**
 * Issue 14's fault matrix: each fault under a steady load of reports (8 POSTs a second, bearer tokens) and of warm-up
 * nudges falling due during it, on the packaged services, the local broker and PostgreSQL behind a {@link FaultyLink}.
 * After each fault: every accepted report advised (advice REST API) and advised once (the {@code advice} topic), every
 * warm-up that fell due fired exactly once (one nudge.due event id per nudge on {@code nudges}, FIRED in the reminder
 * API) unless expired by its grace, no dead letters but the injected poison, and how long after the fault's end the
 * system was ready, caught up and settled. Readiness and liveness are probed during the fault. The clock fault is a
 * reminder replica whose wall clock runs 30 minutes ahead. At the end no service log may hold a health fact beside a
 * user id at INFO or above. Figures: "[faults] ..." lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMatrixIT {

    private static final int REPORTS_PER_SECOND = 8;
    /** Before the fault: load flowing and the warm-ups registered. */
    private static final Duration LEAD_IN = Duration.ofSeconds(4);
    /** After the fault: new reports into a recovering system. */
    private static final Duration LOAD_AFTER = Duration.ofSeconds(3);
    /** From the fault's end: time to be ready and caught up; then to settle. Beyond a dead consumer's 45 s session. */
    private static final Duration CATCH_UP = Duration.ofSeconds(90);
    /** SystemUnderTest's CRAMPCARE_REMINDER_WARM_UP_LEAD. */
    private static final Duration WARM_UP_LEAD = Duration.ofMinutes(1);
    /** ReminderConfig's default warm-up grace: a warm-up later than this expires instead of firing. */
    private static final Duration WARM_UP_GRACE = Duration.ofMinutes(10);
    private static final List<String> DEAD_LETTER_TOPICS = Topics.WITH_DEAD_LETTERS.stream().map(Topics::deadLetter).toList();
    private static final Pattern OUTBOX_PENDING = Pattern.compile("(?m)^crampcare_outbox_pending(?:\\{[^}]*})? (\\S+)$");
    /**
     * How long a health probe waits for an answer. Longer than a load balancer would: the point is what the service
     * says (UP or DOWN), and its slowest answer is printed.
     */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How far ahead the clock-fault replica's wall clock runs. */
    private static final Duration CLOCK_AHEAD = Duration.ofMinutes(30);
    /** A warm-up fired later than this after its due time was not on time. */
    private static final Duration ON_TIME = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private SystemUnderTest system;
    private FaultyLink database;
    private EventLog events;
    private KafkaOffsets offsets;

    @BeforeAll
    void start() throws Exception {
        system = new SystemUnderTest();
        try {
            long t0 = System.nanoTime();
            database = system.linkDatabase();
            system.start();
            events = new EventLog(system.bootstrapServers(), system.database.keyring());
            offsets = new KafkaOffsets(system.bootstrapServers());
            // The groups' first rebalance is not a fault: let it finish before the first one.
            ConsumerGroups.await(system.bootstrapServers(), List.of("advice-service", "reminder-service"),
                    ConsumerGroups::assigned, Duration.ofSeconds(60));
            say("system up in %d ms, every service's PostgreSQL connections through the test's TCP proxy on port %d",
                    ms(t0), database.port());
        } catch (Exception e) {
            system.close();
            throw e;
        }
    }

    @AfterAll
    void stop() {
        if (events == null) {
            if (system != null) {
                system.close();
            }
            return;
        }
        Map<String, Set<String>> eventIdsPerNudge = new HashMap<>();
        events.on(Topics.NUDGES, e -> true).forEach(e -> eventIdsPerNudge
                .computeIfAbsent(e.data().path("nudgeId").asText(), k -> new HashSet<>()).add(e.id()));
        List<String> twice = eventIdsPerNudge.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).toList();
        say("whole run: %d nudges fired (every kind), %d of them with two nudge.due events; proxy passed %d PostgreSQL"
                + " connections, refused %d while cut", eventIdsPerNudge.size(), twice.size(), database.accepted(),
                database.refused());
        List<String> violations = events.violations();
        offsets.close();
        events.close();
        system.close();
        assertEquals(List.of(), twice, "no nudge has two nudge.due events (whole run)");
        assertEquals(List.of(), violations, "every event is a valid CloudEvent matching its schema, but the poison");
        assertEquals(List.of(), HealthFactsInLogs.in(system.state, Set.of()),
                "no service logged a health fact beside a user id at INFO or above, faults included");
    }

    // --- the faults ---------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void postgresUnavailableFor20Seconds() {
        run("postgres down 20 s", 10, Duration.ofSeconds(5), Duration.ofSeconds(16), s -> {
            // A backlog meets the outage, as in issue 14: the consumers are frozen while records pile up for them.
            ServiceProcess advice = system.service("advice");
            ServiceProcess reminder = system.service("reminder");
            reminder.pause();
            ServiceProcess.sleep(2_000);
            advice.pause();
            ServiceProcess.sleep(2_000);
            database.cut();
            reminder.resume();
            advice.resume();
            say("%s: reminder paused 4 s and advice 2 s (backlogs), then every PostgreSQL connection cut", s.name);
            try (HealthWatch watch = new HealthWatch()) {
                ServiceProcess.sleep(20_000);
                database.restore();
                watch.report(s.name + ", while cut");
                for (String consumer : List.of("advice", "reminder")) {
                    s.check(watch.ready(consumer).down.get() > 0, consumer + " answers ready DOWN while it cannot"
                            + " reach PostgreSQL");
                }
                for (String service : system.services.keySet()) {
                    s.check(watch.live(service).notUp() == 0, service + " stays live (UP) while PostgreSQL is away");
                }
            }
        });
    }

    @Test
    @Order(2)
    void slowDatabaseLink() {
        run("postgres +25 ms each way for 20 s", 10, Duration.ofSeconds(1), Duration.ofSeconds(18), s -> {
            database.delay(Duration.ofMillis(25));
            try (HealthWatch watch = new HealthWatch()) {
                ServiceProcess.sleep(20_000);
                database.delay(Duration.ZERO);
                watch.report(s.name + ", while slow");
            }
        });
    }

    @Test
    @Order(3)
    void brokerKilled() {
        run("broker kill -9", 8, Duration.ofSeconds(1), Duration.ofSeconds(8), s -> {
            try (HealthWatch watch = new HealthWatch()) {
                system.killBroker();
                ServiceProcess.sleep(10_000);
                long t0 = System.nanoTime();
                system.startBroker(); // the script returns once the broker serves and its topics exist
                say("%s: broker down 10 s, then started again in %d ms", s.name, ms(t0));
                watch.report(s.name + ", broker away");
                s.check(watch.ready("intake").notUp() == 0, "intake stays ready (UP, answered) while the broker is away");
            }
        });
    }

    @Test
    @Order(4)
    void poisonOnEveryConsumedTopic() {
        String acker = TestUsers.newUser("poison-acker");
        run("poison on each consumed topic", 3, Duration.ofMillis(500), Duration.ofSeconds(2), s -> {
            String reportUser = s.load.users.get(0);
            String adviceUser = s.load.users.get(1);
            List<EventLog.Position> poison = new ArrayList<>();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new StringSerializer())) {
                // Garbage value under right headers; the wrong type's event; a record with no ce_* headers at all.
                poison.add(sendPoison(producer, Topics.CRAMP_REPORTS, reportUser, EventTypes.CRAMP_REPORT_SUBMITTED,
                        "{\"reportId\": 42, oops"));
                poison.add(sendPoison(producer, Topics.ADVICE, adviceUser, EventTypes.NUDGE_DUE,
                        "{\"nudgeId\": \"not-a-nudge\"}"));
                poison.add(sendPoison(producer, Topics.NUDGE_ACKS, acker, null, "{\"nudgeId\": \"no headers\"}"));
            }
            try (CloudEventWriter writer = new CloudEventWriter(system.bootstrapServers(), system.database.keyring())) {
                Instant at = Instant.now();
                writer.send(Topics.NUDGE_ACKS, acker, UUID.randomUUID().toString(), EventTypes.NUDGE_ACKNOWLEDGED,
                        "/crampcare/reminder-service", SystemIT.json(Map.of("nudgeId", UUID.randomUUID().toString(),
                                "userId", acker, "kind", "WARM_UP", "outcome", "DONE",
                                "dueAt", at.minusSeconds(60).toString(), "acknowledgedAt", at.toString())));
            }
            say("%s: poison at %s", s.name, poison);
            // Each parked, and its consumer past the next record of the same partition (the load's, the good ack).
            s.alsoCaughtUp = () -> poison.stream().allMatch(p -> parked(p) && consumedPast(p))
                    && adherenceAnswered(acker) == 1;
        });
    }

    @Test
    @Order(5)
    void intakeKilled() {
        run("intake kill -9", 5, Duration.ofMillis(500), Duration.ofSeconds(3), s -> restartAfterKill(s, "intake"));
    }

    @Test
    @Order(6)
    void adviceKilled() {
        run("advice kill -9", 5, Duration.ofMillis(500), Duration.ofSeconds(3), s -> restartAfterKill(s, "advice"));
    }

    @Test
    @Order(7)
    void reminderKilled() {
        run("reminder kill -9", 8, Duration.ofMillis(500), Duration.ofSeconds(3), s -> restartAfterKill(s, "reminder"));
    }

    @Test
    @Order(8)
    void reminderReplicaWithItsClock30MinutesAhead() {
        run("reminder replica clock +30 min", 6, Duration.ofSeconds(1), Duration.ofSeconds(10), this::replicaClockAhead);
    }

    /**
     * A second reminder replica whose wall clock is {@link #CLOCK_AHEAD} ahead ({@link ClockShift}) dispatches beside
     * the first. What is due and what is late are the database's time, so it fires nothing early (a warm-up due in
     * 25 minutes is "5 minutes overdue" by its clock), expires nothing that is not overdue (one due in 5 minutes is
     * "25 minutes late", past the grace, by its clock), and what falls due while it dispatches alone (the first
     * replica frozen) it fires on time: not before it was due, nor much after.
     */
    private void replicaClockAhead(Scenario s) {
        ServiceProcess ahead = system.add("reminder", SystemUnderTest.freePort(),
                ClockShift.environment(system.root, CLOCK_AHEAD));
        ServiceProcess first = system.service("reminder");
        Instant startedAt = Instant.now();
        ahead.start();
        try {
            ahead.awaitReady(SystemUnderTest.READY_TIMEOUT);
            Instant logged = ServiceLog.read(ahead.logFile()).stream().filter(e -> e.at() != null).findFirst()
                    .orElseThrow().at().atZone(ZoneId.systemDefault()).toInstant();
            Duration shown = Duration.between(startedAt, logged);
            say("%s: second reminder replica ready, its clock %d s ahead (its first log line)", s.name, shown.toSeconds());
            s.check(shown.compareTo(CLOCK_AHEAD.minusMinutes(1)) > 0, "the replica's wall clock is " + CLOCK_AHEAD
                    + " ahead (its log says " + shown + ")");
            WarmUp notYetDue = registerWarmUp(Instant.now().plus(25, ChronoUnit.MINUTES));
            WarmUp notOverdue = registerWarmUp(Instant.now().plus(5, ChronoUnit.MINUTES));
            Instant from = Instant.now().plusSeconds(8);
            List<WarmUp> alone = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                alone.add(registerWarmUp(from.plusSeconds(2L * i)));
            }
            Map<String, Instant> seen = new HashMap<>();
            first.pause();
            try {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    Map<String, List<EventLog.Event>> fired = warmUpEvents();
                    alone.stream().filter(w -> fired.containsKey(w.workoutId()))
                            .forEach(w -> seen.putIfAbsent(w.workoutId(), Instant.now()));
                    return seen.size() == alone.size();
                });
            } catch (ConditionTimeoutException e) {
                s.check(false, "the replica alone fired the warm-ups due while the first was frozen (" + seen.size()
                        + " of " + alone.size() + ")");
            } finally {
                first.resume();
            }
            for (WarmUp w : alone) {
                Instant at = seen.get(w.workoutId());
                s.check(at == null || !at.isBefore(w.dueAt()), "warm-up due " + w.dueAt() + " not fired early (its"
                        + " event was read at " + at + ")");
                JsonNode nudge = warmUpNudge(w);
                Instant firedAt = nudge == null || !nudge.hasNonNull("firedAt") ? null
                        : Instant.parse(nudge.path("firedAt").asText());
                s.check(firedAt != null && !firedAt.isBefore(w.dueAt()) && firedAt.isBefore(w.dueAt().plus(ON_TIME)),
                        "warm-up due " + w.dueAt() + " fired within " + ON_TIME + " of it (fired at " + firedAt + ")");
            }
            // The dispatcher logs each expiry ("Nudge ... expired: more than ... late"); the replica must have none.
            List<String> expiredByAhead = ServiceLog.read(ahead.logFile()).stream().map(ServiceLog.Entry::text)
                    .filter(text -> text.contains(" expired: more than ")).toList();
            say("%s: the replica ahead fired the %d warm-ups due while it was alone and expired %d nudges; warm-ups due"
                    + " in 5 and 25 min: %s, %s", s.name, seen.size(), expiredByAhead.size(), status(notOverdue),
                    status(notYetDue));
            s.check(expiredByAhead.isEmpty(), "the replica ahead expired nothing (its log: " + expiredByAhead + ")");
            s.check("PLANNED".equals(status(notYetDue)), "a warm-up due in 25 minutes is not fired early");
            s.check("PLANNED".equals(status(notOverdue)), "a warm-up due in 5 minutes is not expired");
        } finally {
            system.remove(ahead);
        }
    }

    private String status(WarmUp w) {
        JsonNode nudge = warmUpNudge(w);
        return nudge == null ? "missing" : nudge.path("status").asText();
    }

    private void restartAfterKill(Scenario s, String name) {
        ServiceProcess service = system.service(name);
        service.kill();
        long t0 = System.nanoTime();
        service.start();
        service.awaitReady(SystemUnderTest.READY_TIMEOUT);
        say("%s: %s killed (SIGKILL), started again and ready in %d ms", s.name, name, ms(t0));
    }

    // --- one scenario: load, warm-ups, the fault, catching up, the checks ------------------------------------------

    /** The fault itself: returns when it is over (the link restored, the process back). */
    @FunctionalInterface
    private interface Fault {
        void inject(Scenario scenario) throws Exception;
    }

    /** A warm-up registered to fall due during the fault. */
    private record WarmUp(String user, String workoutId, Instant dueAt) {
    }

    private final class Scenario {
        final String name;
        final Load load;
        final List<String> failures = new ArrayList<>();
        /** Besides advice and nudges: what else must have happened for the system to have caught up. */
        BooleanSupplier alsoCaughtUp = () -> true;

        Scenario(String name, Load load) {
            this.name = name;
            this.load = load;
        }

        void check(boolean holds, String what) {
            if (!holds) {
                failures.add("violated: " + what);
            }
        }
    }

    private void run(String name, int warmUpCount, Duration warmUpsFrom, Duration warmUpsOver, Fault fault) {
        Map<String, Integer> deadLettersBefore = new HashMap<>();
        DEAD_LETTER_TOPICS.forEach(t -> deadLettersBefore.put(t, events.on(t, e -> true).size()));
        Scenario s = new Scenario(name, new Load());
        List<WarmUp> warmUps = new ArrayList<>();
        long[] readyMs = { -1 };
        long[] caughtUpMs = { -1 };
        long settledMs = -1;
        try {
            Instant faultAt = Instant.now().plus(LEAD_IN);
            for (int i = 0; i < warmUpCount; i++) {
                warmUps.add(registerWarmUp(faultAt.plus(warmUpsFrom).plus(warmUpsOver.multipliedBy(i).dividedBy(warmUpCount))));
            }
            sleepUntil(faultAt);
            try {
                fault.inject(s);
            } catch (Exception e) {
                throw new IllegalStateException(name + ": injecting the fault failed", e);
            }
            Instant faultEnd = Instant.now();

            // Ready and caught up (reports accepted by the fault's end advised, warm-ups due by then fired), measured
            // from the fault's end while the load goes on into the recovering system.
            Set<String> acceptedByEnd = s.load.acceptedBy(faultEnd);
            List<WarmUp> dueByEnd = warmUps.stream().filter(w -> !w.dueAt().isAfter(faultEnd)).toList();
            try {
                await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                    long since = Duration.between(faultEnd, Instant.now()).toMillis();
                    if (readyMs[0] < 0 && allReady()) {
                        readyMs[0] = since;
                    }
                    if (caughtUpMs[0] < 0 && unadvised(acceptedByEnd).isEmpty() && unfired(dueByEnd).isEmpty()
                            && s.alsoCaughtUp.getAsBoolean()) {
                        caughtUpMs[0] = since;
                    }
                    return readyMs[0] >= 0 && caughtUpMs[0] >= 0;
                });
            } catch (ConditionTimeoutException e) {
                s.check(false, "ready and caught up within " + CATCH_UP + " of the fault's end (ready after "
                        + readyMs[0] + " ms, caught up after " + caughtUpMs[0] + " ms; -1: not)");
            }
            sleepUntil(faultEnd.plus(LOAD_AFTER));
            s.load.stop();
            if (caughtUpMs[0] >= 0) {
                try { // then everything: the reports accepted after the fault's end too, warm-ups due after it
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                            .until(() -> unadvised(s.load.accepted.keySet()).isEmpty() && unfired(warmUps).isEmpty());
                } catch (ConditionTimeoutException e) {
                    s.check(false, "the reports accepted after the fault's end advised within 60 s");
                }
            }
            // Settled: nothing left to consume or to publish, and the event log has read it all: late duplicates show.
            try {
                await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(this::settled);
                settledMs = Duration.between(faultEnd, Instant.now()).toMillis();
            } catch (ConditionTimeoutException e) {
                s.check(false, "settled (consumer lag 0, outboxes empty) within " + CATCH_UP);
            }
        } finally {
            s.load.stop();
        }
        verify(s, warmUps, deadLettersBefore);
        say("%s: ready again %d ms after the fault's end, caught up after %d ms (all advised, due warm-ups fired),"
                + " settled after %d ms", name, readyMs[0], caughtUpMs[0], settledMs);
        assertEquals(List.of(), s.failures, name);
    }

    /** The checks after a fault, each printed: reports, advice, warm-ups, dead letters. */
    private void verify(Scenario s, List<WarmUp> warmUps, Map<String, Integer> deadLettersBefore) {
        Load load = s.load;
        List<String> unadvisedByApi = load.accepted.keySet().stream()
                .filter(id -> get("advice", "/api/v1/cramp-reports/" + id + "/advice", load.owner.get(id)).statusCode() != 200)
                .sorted().toList();
        Map<String, Set<String>> adviceIds = adviceIdsPerReport(load.accepted.keySet());
        long twice = adviceIds.values().stream().filter(ids -> ids.size() > 1).count();
        say("%s: posted %d, accepted (201) %d, refused %d %s, advised %d (advice API), without advice %d, with two"
                + " advice %d", s.name, load.posted.get(), load.accepted.size(), load.refusedCount(), load.refusals(),
                load.accepted.size() - unadvisedByApi.size(), unadvisedByApi.size(), twice);
        s.check(unadvisedByApi.isEmpty(), "every accepted report has advice (" + unadvisedByApi.size()
                + " have none, e.g. " + unadvisedByApi.stream().limit(5).toList() + ")");
        s.check(twice == 0, "no report has two advice ids (" + twice + " have)");
        s.check(adviceIds.size() == load.accepted.size(), "an advice event for every accepted report ("
                + adviceIds.size() + " of " + load.accepted.size() + ")");

        Map<String, List<EventLog.Event>> fired = warmUpEvents();
        int firedOnce = 0;
        int expired = 0;
        List<String> wrong = new ArrayList<>();
        for (WarmUp w : warmUps) {
            List<EventLog.Event> due = fired.getOrDefault(w.workoutId(), List.of());
            long eventIds = due.stream().map(EventLog.Event::id).distinct().count();
            JsonNode nudge = warmUpNudge(w);
            String status = nudge == null ? "missing" : nudge.path("status").asText();
            boolean expiredByGrace = "EXPIRED".equals(status) && due.isEmpty()
                    && Instant.now().isAfter(w.dueAt().plus(WARM_UP_GRACE));
            if (expiredByGrace) {
                expired++;
            } else if (eventIds == 1 && "FIRED".equals(status)
                    && nudge.path("id").asText().equals(due.get(0).data().path("nudgeId").asText())) {
                firedOnce++;
            } else {
                wrong.add(w.workoutId() + " due " + w.dueAt() + ": " + status + " with " + eventIds + " nudge.due events");
            }
        }
        long records = warmUps.stream().mapToLong(w -> fired.getOrDefault(w.workoutId(), List.of()).size()).sum();
        say("%s: warm-ups due during it %d, fired exactly once %d (%d nudge.due records), expired by grace %d, wrong %d",
                s.name, warmUps.size(), firedOnce, records, expired, wrong.size());
        s.check(wrong.isEmpty(), "every due warm-up fired exactly once (not so: " + wrong + ")");

        Map<String, Integer> poison = new TreeMap<>();
        Map<String, Integer> others = new TreeMap<>();
        for (String topic : DEAD_LETTER_TOPICS) {
            List<EventLog.Event> parked = events.on(topic, e -> true);
            for (EventLog.Event letter : parked.subList(deadLettersBefore.get(topic), parked.size())) {
                String cause = letter.cause() == null ? "?" : letter.cause().split(":")[0];
                (injected.contains(letter.origin()) ? poison : others).merge(topic + " " + cause, 1, Integer::sum);
            }
        }
        say("%s: dead letters: poison %s, other %s", s.name, poison, others);
        s.check(others.isEmpty(), "no dead letters but the injected poison (also: " + others + ")");
    }

    // --- the load ------------------------------------------------------------------------------------------------

    /** Reports posted at a steady rate by a few users, each answer recorded; survives intake being away. */
    private final class Load {
        final List<String> users = List.of(TestUsers.newUser("load"), TestUsers.newUser("load"),
                TestUsers.newUser("load"), TestUsers.newUser("load"));
        final AtomicInteger posted = new AtomicInteger();
        /** Report id -> when its 201 came. */
        final Map<String, Instant> accepted = new ConcurrentHashMap<>();
        final Map<String, String> owner = new ConcurrentHashMap<>();
        private final Map<String, Integer> refused = new ConcurrentHashMap<>();
        private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "load");
            thread.setDaemon(true);
            return thread;
        });

        Load() {
            timer.scheduleAtFixedRate(this::postOne, 0, 1000 / REPORTS_PER_SECOND, TimeUnit.MILLISECONDS);
        }

        private void postOne() {
            int n = posted.incrementAndGet();
            String user = users.get(n % users.size());
            HttpRequest request = request("intake", "/api/v1/cramp-reports", user)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(SystemIT.json(SystemIT.report(user, Instant.now().minusSeconds(30),
                            n % 2 == 0 ? Onset.GRADUAL : Onset.SUDDEN, List.of())))).build();
            CompletableFuture<?> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        if (failure != null) {
                            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                    ? failure.getCause() : failure;
                            refused.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
                        } else if (response.statusCode() == 201) {
                            String id = read(response.body()).path("id").asText();
                            owner.put(id, user);
                            accepted.put(id, Instant.now());
                        } else { // the status, and whether it came as an RFC 9457 problem
                            boolean problem = response.headers().firstValue("Content-Type").orElse("")
                                    .startsWith("application/problem+json");
                            refused.merge(response.statusCode() + (problem ? " problem" : " other"), 1, Integer::sum);
                        }
                    });
            inFlight.add(answer);
            answer.whenComplete((r, f) -> inFlight.remove(answer));
        }

        /** Stops posting and waits for the answers still out. */
        void stop() {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(f -> null)
                        .get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the load's last requests did not finish", e);
            }
        }

        Set<String> acceptedBy(Instant at) {
            return accepted.entrySet().stream().filter(e -> !e.getValue().isAfter(at)).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
        }

        int refusedCount() {
            return refused.values().stream().mapToInt(Integer::intValue).sum();
        }

        Map<String, Integer> refusals() {
            return new TreeMap<>(refused);
        }
    }

    // --- readiness during a fault ----------------------------------------------------------------------------------

    /** How often one probe of one service answered UP, DOWN (and which checks), or not at all, and its slowest answer. */
    private static final class Tally {
        final AtomicInteger up = new AtomicInteger();
        final AtomicInteger down = new AtomicInteger();
        final AtomicInteger unreachable = new AtomicInteger();
        final AtomicLong slowestMs = new AtomicLong();
        final Set<String> downChecks = ConcurrentHashMap.newKeySet();

        int notUp() {
            return down.get() + unreachable.get();
        }

        @Override
        public String toString() {
            return "UP " + up + ", DOWN " + down + (downChecks.isEmpty() ? "" : " " + new TreeSet<>(downChecks))
                    + ", no answer " + unreachable + ", slowest answer " + slowestMs + " ms";
        }
    }

    /**
     * Probes /q/health/ready and /q/health/live of every service every half second until closed, each endpoint on its
     * own (a probe that hangs holds up only its own next sample), waiting up to {@link #PROBE_TIMEOUT} for an answer.
     */
    private final class HealthWatch implements AutoCloseable {
        private final Map<String, Tally> ready = new ConcurrentHashMap<>();
        private final Map<String, Tally> live = new ConcurrentHashMap<>();
        private final List<Thread> probes = new ArrayList<>();
        private volatile boolean watching = true;

        HealthWatch() {
            for (String service : system.services.keySet()) {
                probes.add(probeLoop(service, "/q/health/ready", ready(service)));
                probes.add(probeLoop(service, "/q/health/live", live(service)));
            }
        }

        private Thread probeLoop(String service, String path, Tally tally) {
            Thread thread = new Thread(() -> {
                while (watching) {
                    long t0 = System.nanoTime();
                    probe(service, path, tally);
                    long wait = 500 - ms(t0);
                    if (wait > 0 && watching) {
                        ServiceProcess.sleep(wait);
                    }
                }
            }, "health-" + service + path);
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        private void probe(String service, String path, Tally tally) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(system.url(service) + path))
                        .timeout(PROBE_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
                tally.slowestMs.accumulateAndGet(ms(t0), Math::max);
                if (answer.statusCode() == 200) {
                    tally.up.incrementAndGet();
                } else {
                    tally.down.incrementAndGet();
                    read(answer.body()).path("checks").forEach(check -> {
                        if (!"UP".equals(check.path("status").asText())) {
                            tally.downChecks.add(check.path("name").asText());
                        }
                    });
                }
            } catch (IOException | RuntimeException e) {
                tally.unreachable.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        Tally ready(String service) {
            return ready.computeIfAbsent(service, k -> new Tally());
        }

        Tally live(String service) {
            return live.computeIfAbsent(service, k -> new Tally());
        }

        /** Stops probing and prints what each service said. */
        void report(String when) {
            close();
            for (String service : system.services.keySet()) {
                say("%s: %s ready: %s; live: %s", when, service, ready(service), live(service));
            }
        }

        @Override
        public void close() {
            watching = false;
            for (Thread probe : probes) {
                try {
                    probe.join(PROBE_TIMEOUT.toMillis() + 1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    // --- what the system shows ---------------------------------------------------------------------------------------

    /** Origins ({@code topic/partition@offset}) of the poison this class wrote. */
    private final Set<String> injected = ConcurrentHashMap.newKeySet();

    /**
     * Writes one poison record: the given ce_type and a new ce_id, or no ce_* headers at all when type is null; keyed
     * as the user's events are (their subjectRef), so it lands on their partition, before their next event.
     */
    private EventLog.Position sendPoison(KafkaProducer<String, String> producer, String topic, String user, String type,
            String value) throws Exception {
        String key = system.database.keyring().keyOf(user).subjectRef().toString();
        RecordHeaders headers = new RecordHeaders();
        if (type != null) {
            String id = UUID.randomUUID().toString();
            events.expectPoison(id);
            Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", "/fault-matrix",
                    "ce_time", Instant.now().toString(), "ce_subject", key, "content-type", "application/json")
                    .forEach((name, v) -> headers.add(name, v.getBytes(StandardCharsets.UTF_8)));
        }
        RecordMetadata sent = producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        EventLog.Position position = new EventLog.Position(topic, sent.partition(), sent.offset());
        events.expectPoison(position);
        injected.add(position.toString());
        return position;
    }

    /** The poison record is on its dead-letter topic, unchanged. */
    private boolean parked(EventLog.Position poison) {
        return !events.on(Topics.deadLetter(poison.topic()), e -> poison.toString().equals(e.origin())).isEmpty();
    }

    /** The topic's consumer group has committed past the poison and the record after it. */
    private boolean consumedPast(EventLog.Position poison) {
        String group = Topics.ADVICE.equals(poison.topic()) ? "reminder-service" : "advice-service";
        return offsets.committed(group, new TopicPartition(poison.topic(), poison.partition())) >= poison.offset() + 2;
    }

    private int adherenceAnswered(String user) {
        HttpResponse<String> answer = get("advice", "/api/v1/users/" + user + "/adherence", user);
        return answer.statusCode() == 200 ? read(answer.body()).path("answered").asInt() : -1;
    }

    private WarmUp registerWarmUp(Instant dueAt) {
        String user = TestUsers.newUser("warm-up");
        HttpResponse<String> created = send(request("reminder", "/api/v1/users/" + user + "/workouts", user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SystemIT.json(Map.of("type", "ONE_OFF",
                        "startsAt", dueAt.plus(WARM_UP_LEAD).toString(), "durationMinutes", 30, "intensity", "LIGHT"))))
                .build());
        assertEquals(201, created.statusCode(), created.body());
        return new WarmUp(user, read(created.body()).path("id").asText(), dueAt);
    }

    /** The warm-up nudge of the workout as the reminder API shows it, or null. */
    private JsonNode warmUpNudge(WarmUp w) {
        HttpResponse<String> page = get("reminder", "/api/v1/users/" + w.user() + "/nudges?pageSize=100", w.user());
        for (JsonNode nudge : read(page.body()).path("items")) {
            if ("WARM_UP".equals(nudge.path("kind").asText()) && w.workoutId().equals(nudge.path("workoutId").asText())) {
                return nudge;
            }
        }
        return null;
    }

    /** nudge.due events of warm-ups, by workout id. */
    private Map<String, List<EventLog.Event>> warmUpEvents() {
        return events.on(Topics.NUDGES, e -> "WARM_UP".equals(e.data().path("kind").asText())).stream()
                .collect(Collectors.groupingBy(e -> e.data().path("workoutId").asText()));
    }

    private List<WarmUp> unfired(List<WarmUp> warmUps) {
        Map<String, List<EventLog.Event>> fired = warmUpEvents();
        return warmUps.stream().filter(w -> !fired.containsKey(w.workoutId())).toList();
    }

    /** Of these report ids, those with no advice event on the advice topic yet. */
    private Set<String> unadvised(Set<String> reportIds) {
        Set<String> advised = events.on(Topics.ADVICE, e -> true).stream().map(e -> e.data().path("reportId").asText())
                .collect(Collectors.toSet());
        return reportIds.stream().filter(id -> !advised.contains(id)).collect(Collectors.toSet());
    }

    private Map<String, Set<String>> adviceIdsPerReport(Set<String> reportIds) {
        Map<String, Set<String>> ids = new HashMap<>();
        events.on(Topics.ADVICE, e -> reportIds.contains(e.data().path("reportId").asText())).forEach(e -> ids
                .computeIfAbsent(e.data().path("reportId").asText(), k -> new HashSet<>())
                .add(e.data().path("adviceId").asText()));
        return ids;
    }

    private boolean allReady() {
        return system.services.values().stream().allMatch(ServiceProcess::isReady);
    }

    /** Nothing left to consume (committed = end), nothing left to publish (outboxes empty), all of it read here. */
    private boolean settled() {
        if (offsets.lag("advice-service", List.of(Topics.CRAMP_REPORTS, Topics.NUDGE_ACKS)) > 0
                || offsets.lag("reminder-service", List.of(Topics.ADVICE)) > 0) {
            return false;
        }
        for (String service : system.services.keySet()) {
            Matcher pending = OUTBOX_PENDING.matcher(scrape(service));
            if (!pending.find() || Double.parseDouble(pending.group(1)) != 0) {
                return false;
            }
        }
        List<String> topics = new ArrayList<>(Topics.ALL);
        topics.addAll(DEAD_LETTER_TOPICS);
        return events.hasRead(offsets.ends(topics));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private HttpRequest.Builder request(String service, String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(system.url(service) + path))
                .timeout(Duration.ofSeconds(10));
        if (user != null) {
            builder.header("Authorization", "Bearer " + tokens.computeIfAbsent(user, TestTokens::user));
        }
        return builder;
    }

    /** The service's /q/metrics, read as Prometheus reads it: with a metrics-only token. */
    private String scrape(String service) {
        return send(HttpRequest.newBuilder(URI.create(system.url(service) + "/q/metrics")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TestTokens.metricsReader()).GET().build()).body();
    }

    private HttpResponse<String> get(String service, String path, String user) {
        return send(request(service, path, user).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    private static void sleepUntil(Instant at) {
        long wait = Duration.between(Instant.now(), at).toMillis();
        if (wait > 0) {
            ServiceProcess.sleep(wait);
        }
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static void say(String format, Object... args) {
        System.out.println("[faults] " + String.format(format, args));
    }
}
