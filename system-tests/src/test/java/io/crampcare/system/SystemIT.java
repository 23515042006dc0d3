package io.crampcare.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.crampcare.client.advice.model.Advice;
import io.crampcare.client.advice.model.Recommendation;
import io.crampcare.client.advice.model.Urgency;
import io.crampcare.client.intake.model.Activity;
import io.crampcare.client.intake.model.ActivityType;
import io.crampcare.client.intake.model.CrampContext;
import io.crampcare.client.intake.model.CrampReport;
import io.crampcare.client.intake.model.CrampReportPage;
import io.crampcare.client.intake.model.CrampReportRequest;
import io.crampcare.client.intake.model.Muscle;
import io.crampcare.client.intake.model.Onset;
import io.crampcare.client.intake.model.Side;
import io.crampcare.client.intake.model.Symptom;
import io.crampcare.client.reminder.model.AckOutcome;
import io.crampcare.client.reminder.model.Acknowledgement;
import io.crampcare.client.reminder.model.Drink;
import io.crampcare.client.reminder.model.DrinkKind;
import io.crampcare.client.reminder.model.DrinkSource;
import io.crampcare.client.reminder.model.NewDrink;
import io.crampcare.client.reminder.model.Nudge;
import io.crampcare.client.reminder.model.NudgeKind;
import io.crampcare.client.reminder.model.NudgeStatus;
import io.crampcare.client.reminder.model.Preferences;
import io.crampcare.client.reminder.model.WaterDays;
import io.crampcare.client.reminder.model.WaterToday;
import io.crampcare.client.reminder.model.Workout;
import io.crampcare.client.reminder.model.WorkoutRequest;
import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.system.fuzz.HostileRequest;
import io.crampcare.system.fuzz.HostileRequests;
import io.crampcare.system.fuzz.StrictInputCases;
import io.crampcare.system.fuzz.Targets;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.TestTokens;
import io.crampcare.testsupport.TestTraces;
import io.crampcare.testsupport.TestUsers;
import io.restassured.response.Response;

/**
 * The product end to end: the packaged services as processes on a real broker and PostgreSQL, driven only through
 * REST (with bearer tokens) and topics, with an independent consumer checking every event. Then faults: a killed
 * broker, a killed advice service, two reminder replicas with one killed, poison and hostile input; one trace from a
 * posted report to its fired nudge, a rolling restart (SIGTERM) of every service, and the overdrinking guard. Each
 * scenario prints its figures ("[system] ..."). At the end, with every urgency and the guard in the logs, no service log
 * may hold a health fact beside a user id at INFO or above ({@link HealthFactsInLogs}).
 * <p>
 * All REST calls go through the Java clients generated from the services' own OpenAPI documents (typed models), and
 * test-support's ApiContractFilter checks each of their exchanges against the serving service's document; only the
 * hostile-input scenario sends raw bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemIT {

    private static final Duration ADVICE_TIMEOUT = Duration.ofSeconds(120);
    /** Kafka consumers per reminder process: mp.messaging.incoming.advice.concurrency in its application.properties. */
    private static final int REMINDER_CONSUMERS = 1;
    /**
     * Refused by the HTTP server while parsing the request line and headers, before any application code runs (URI
     * or headers too long): these carry no problem body. Documented in the README.
     */
    private static final Set<Integer> PROTOCOL_LEVEL = Set.of(414, 431);
    private SystemUnderTest system;
    private EventLog events;
    private ApiClients clients;

    @BeforeAll
    void start() {
        system = new SystemUnderTest();
        try {
            long started = System.nanoTime();
            system.start();
            clients = new ApiClients(system);
            events = new EventLog(system.bootstrapServers(), system.database.keyring());
            say("system up in %d ms (broker, database, intake, advice, reminder)", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    @AfterAll
    void stop() {
        if (events != null) {
            List<String> violations = events.violations();
            events.close();
            system.close();
            assertEquals(List.of(), violations, "every event on every topic is a valid CloudEvent matching its schema");
            // The run gave every urgency (EMERGENCY, SEE_DOCTOR, SELF_CARE) and the overdrinking guard.
            assertEquals(List.of(), HealthFactsInLogs.in(system.state, Set.of(NOTES)),
                    "no service logged a health fact beside a user id at INFO or above");
        } else if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void happyPath() {
        String user = TestUsers.newUser("alice");
        Preferences preferences = putPreferences(user, zoneWhereItIsAboutNoon());
        assertEquals(preferences, as(user).preferences.getPreferences().userIdPath(user).executeAs(status(200)));
        CrampReportRequest cramp = report(user, Instant.now().minus(10, ChronoUnit.MINUTES), Onset.SUDDEN, List.of())
                .visibleLump(true).bodyWeightKg(70.0);
        CrampReport stored = as(user).reports.submitCrampReport().body(cramp).executeAs(status(201));
        assertNotNull(stored.getId());
        assertEquals(user, stored.getUserId());
        assertEquals(Onset.SUDDEN, stored.getOnset());
        assertEquals(Boolean.TRUE, stored.getVisibleLump());
        assertEquals(stored, as(user).reports.getCrampReport().idPath(stored.getId()).executeAs(status(200)));
        UUID reportId = stored.getId();

        long t0 = System.nanoTime();
        Advice advice = awaitAdvice(user, reportId);
        say("happy path: advice %d ms after the report was accepted", (System.nanoTime() - t0) / 1_000_000);
        assertEquals(reportId, advice.getReportId());
        assertEquals(Urgency.SELF_CARE, advice.getUrgency());
        List<String> rules = advice.getRecommendations().stream().map(Recommendation::getRuleId).toList();
        // 900 mL already drunk: the advice counts it (daily-water is for reports that do not say).
        assertTrue(rules.containsAll(List.of("sudden-static-stretch", "daily-water-left", "warm-up-before", "stretch-after",
                "ease-glute-load", "balanced-diet-minerals", "sports-drink-heavy-workout")), rules.toString());
        assertTrue(advice.getRecommendations().stream().map(r -> r.getSource().getReference())
                .allMatch(s -> s != null && !s.isBlank()));
        assertEquals(advice, as(user).advice.getAdvice().idPath(advice.getAdviceId()).executeAs(status(200)));

        List<Integer> water = await().atMost(Duration.ofSeconds(30)).until(() -> as(user).nudges.listNudges()
                .userIdPath(user).statusQuery(NudgeStatus.PLANNED).pageSizeQuery(100).executeAs(status(200)).getItems()
                .stream().filter(n -> n.getKind() == NudgeKind.HYDRATION).map(Nudge::getAmountMl).toList(),
                list -> !list.isEmpty());
        say("happy path: %d hydration nudges planned (%d mL)", water.size(), water.stream().mapToInt(Integer::intValue).sum());

        // Warm-up lead is one minute here: a workout starting in 65 s has its warm-up due in 5 s.
        Instant start = Instant.now().plusSeconds(65).truncatedTo(ChronoUnit.SECONDS);
        Workout workout = as(user).workouts.createWorkout().userIdPath(user)
                .body(oneOffWorkout(start, io.crampcare.client.reminder.model.Intensity.HARD)).executeAs(status(201));
        assertNotNull(workout.getId(), "the created workout comes back with its id");
        assertEquals(start, workout.getStartsAt().toInstant());
        assertEquals(workout, as(user).workouts.getWorkout().userIdPath(user).workoutIdPath(workout.getId())
                .executeAs(status(200)));
        EventLog.Event warmUp = await().atMost(Duration.ofSeconds(30)).until(() -> events.on(Topics.NUDGES,
                e -> user.equals(e.key()) && "WARM_UP".equals(e.data().path("kind").asText())), l -> !l.isEmpty()).get(0);
        Instant due = Instant.parse(warmUp.data().path("dueAt").asText());
        assertEquals(start.minus(1, ChronoUnit.MINUTES), due);
        assertEquals(workout.getId().toString(), warmUp.data().path("workoutId").asText());

        Nudge answered = as(user).nudges.acknowledgeNudge().idPath(warmUp.data().path("nudgeId").asText())
                .body(new Acknowledgement().outcome(AckOutcome.DONE)).executeAs(status(200));
        assertEquals(NudgeStatus.DONE, answered.getStatus());
        assertEquals(workout.getId(), answered.getWorkoutId());
        await().atMost(Duration.ofSeconds(30)).until(() -> as(user).advice.getAdherence().userIdPath(user)
                .executeAs(status(200)).getAnswered(), n -> n == 1L);
        say("happy path: warm-up fired for %s, acknowledged DONE, adherence in the advice service: 1 of 1", due);
    }

    @Test
    @Order(2)
    void redFlagsGiveEmergencyAdviceFirst() {
        String user = TestUsers.newUser("red-flag");
        UUID reportId = submit(report(user, Instant.now().minusSeconds(60), Onset.GRADUAL,
                List.of(Symptom.SADDLE_NUMBNESS, Symptom.BLADDER_OR_BOWEL_CHANGE)));
        long t0 = System.nanoTime();
        Advice advice = awaitAdvice(user, reportId);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        say("red flag: EMERGENCY advice readable %d ms after the report (target: within a second)", ms);
        assertEquals(Urgency.EMERGENCY, advice.getUrgency());
        assertEquals(Urgency.EMERGENCY, advice.getRecommendations().get(0).getUrgency());
        assertTrue(advice.getHeadline().startsWith("Seek medical care now"));
        // Absent, not null: ApiContractFilter holds the body to the schema, which does not allow null.
        assertNull(advice.getHydration(), "no water plan in an emergency");
    }

    @Test
    @Order(3)
    void frequentCrampsDespiteAdherenceMeanSeeADoctor() {
        String user = TestUsers.newUser("frequent");
        Instant now = Instant.now();
        try (CloudEventWriter writer = new CloudEventWriter(system.bootstrapServers(), system.database.keyring())) {
            for (int day = 1; day <= 5; day++) {
                for (String kind : List.of("HYDRATION", "WARM_UP")) {
                    Instant at = now.minus(day, ChronoUnit.DAYS);
                    writer.send(Topics.NUDGE_ACKS, user, UUID.randomUUID().toString(), EventTypes.NUDGE_ACKNOWLEDGED,
                            "/crampcare/reminder-service", json(Map.of("nudgeId", UUID.randomUUID().toString(),
                                    "userId", user, "kind", kind, "outcome", "DONE", "dueAt", at.minusSeconds(60).toString(),
                                    "acknowledgedAt", at.toString())));
                }
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> as(user).advice.getAdherence().userIdPath(user)
                .executeAs(status(200)).getAnswered(), n -> n == 10L);
        Advice last = null;
        for (int daysAgo = 3; daysAgo >= 1; daysAgo--) {
            UUID reportId = submit(report(user, now.minus(daysAgo, ChronoUnit.DAYS).plusSeconds(7200), Onset.GRADUAL, List.of()));
            last = awaitAdvice(user, reportId);
        }
        assertEquals(Urgency.SEE_DOCTOR, last.getUrgency());
        assertEquals("frequent-despite-advice", last.getRecommendations().get(0).getRuleId());
        say("frequent despite adherence: 3 reports in 3 days with 10 of 10 nudges done -> SEE_DOCTOR");
    }

    @Test
    @Order(4)
    void poisonGoesToTheDeadLetterTopic() {
        String user = TestUsers.newUser("poison");
        String poisonId = UUID.randomUUID().toString();
        events.expectPoison(poisonId);
        try (CloudEventWriter writer = new CloudEventWriter(system.bootstrapServers(), system.database.keyring())) {
            writer.send(Topics.CRAMP_REPORTS, user, poisonId, EventTypes.CRAMP_REPORT_SUBMITTED,
                    "/crampcare/intake-service", "{\"reportId\": 42, oops");
        }
        awaitAdvice(user, postReport(user));
        List<EventLog.Event> parked = await().atMost(Duration.ofSeconds(30))
                .until(() -> events.on(Topics.deadLetter(Topics.CRAMP_REPORTS), e -> user.equals(e.key())), l -> !l.isEmpty());
        assertEquals("{\"reportId\": 42, oops", parked.get(0).raw());
        say("poison: parked on cramp-reports.dlq unchanged; the next good report still got its advice");
    }

    @Test
    @Order(5)
    void hostileInputNeverBreaksAnythingOrChangesData() throws Exception {
        String user = TestUsers.newUser("fuzz");
        String victim = TestUsers.newUser("victim");
        putPreferences(user, "Europe/Berlin");
        putPreferences(victim, "Europe/Berlin");
        UUID reportId = postReport(user);
        postReport(victim);
        UUID adviceId = awaitAdvice(user, reportId).getAdviceId();
        UUID workoutId = createWorkout(user, Instant.now().plus(3, ChronoUnit.HOURS),
                io.crampcare.client.reminder.model.Intensity.HARD).getId();
        UUID nudgeId = as(user).nudges.listNudges().userIdPath(user).executeAs(status(200)).getItems().get(0).getId();
        UUID drinkId = as(user).drinks.logDrink().userIdPath(user).body(new NewDrink().amountMl(250))
                .executeAs(status(201)).getId();
        as(victim).drinks.logDrink().userIdPath(victim).body(new NewDrink().amountMl(250)).executeAs(status(201));
        Map<String, Integer> before = holdings(user, victim);

        Targets targets = new Targets(user, TestTokens.user(user), victim, reportId.toString(), adviceId.toString(),
                nudgeId.toString(), workoutId.toString(), drinkId.toString());
        List<HostileRequest> requests = HostileRequests.generate(20261126L, 3000, targets);
        // HTTP/1.1, as the gateway speaks to the services: offered an h2c upgrade, a service may answer a body over
        // the limit by resetting the stream (HTTP/2's way of not reading the rest), which JDK 25's client reports as
        // an error before it reads the 413.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> created = new HashMap<>();
        int notSendable = 0;
        long t0 = System.nanoTime();
        for (HostileRequest request : requests) {
            HttpResponse<String> response = sendHostile(http, request, false);
            if (response == null) {
                notSendable++; // the HTTP client itself refuses it (e.g. a control character in a header)
                continue;
            }
            int status = response.statusCode();
            statuses.merge(status / 100 + "xx", 1, Integer::sum);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500) {
                wrong.add(status + " for " + request.description() + " (" + request.method() + " " + request.path() + ")");
            } else if (status >= 400 && !type.startsWith("application/problem+json") && !PROTOCOL_LEVEL.contains(status)) {
                wrong.add(status + " without a problem body (" + type + ") for " + request.description());
            } else if (status < 300) {
                created.merge(HostileRequests.endpointOf(request).name(), 1, Integer::sum);
            }
        }
        // The strict-input sweep: each case must get exactly its answer (issue 27).
        List<StrictInputCases.Case> strict = StrictInputCases.generate(targets);
        for (StrictInputCases.Case c : strict) {
            HttpResponse<String> response = sendHostile(http, c.request(), c.chunked());
            String problem = strictMismatch(c, response);
            if (problem != null) {
                wrong.add(problem + " for " + c.request().description() + " (" + c.request().method() + " "
                        + c.request().path() + ")");
            }
        }
        say("hostile input: %d requests and %d strict-input cases in %d ms (%d the HTTP client would not send): %s; "
                + "accepted by endpoint: %s", requests.size(), strict.size(), (System.nanoTime() - t0) / 1_000_000,
                notSendable, statuses, created);
        assertEquals(List.of(), wrong.stream().limit(20).toList(), "no 5xx, every error a problem");

        Map<String, Integer> after = holdings(user, victim);
        assertEquals(before.get("victim reports"), after.get("victim reports"), "nothing of the victim's changed");
        assertEquals(before.get("victim workouts"), after.get("victim workouts"), "nothing of the victim's changed");
        assertEquals(before.get("victim drinks"), after.get("victim drinks"), "nothing of the victim's changed");
        assertEquals(before.get("user drinks") + created.getOrDefault("DRINK_CREATE", 0), after.get("user drinks"),
                "the user's drinks changed only by the requests that were accepted");
        int reportsAccepted = created.getOrDefault("REPORT_CREATE", 0);
        assertEquals(before.get("user reports") + reportsAccepted, after.get("user reports"),
                "the user's reports changed only by the requests that were accepted");
    }

    /** Sends a hostile request as it is (chunked: without a length); null when the HTTP client refuses to build it. */
    private HttpResponse<String> sendHostile(HttpClient http, HostileRequest request, boolean chunked) throws Exception {
        HttpRequest.Builder builder;
        try {
            builder = request.toHttp(system.url(request.service()), chunked).timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** How a strict-input answer departs from the case (status, problem body, the field named, Allow); null if not. */
    private static String strictMismatch(StrictInputCases.Case c, HttpResponse<String> response) throws Exception {
        if (response == null) {
            return "not sendable";
        }
        if (response.statusCode() != c.status()
                || !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return response.statusCode() + " (" + response.headers().firstValue("Content-Type").orElse("") + "), not a "
                    + c.status() + " problem";
        }
        if (c.field() != null) {
            List<String> fields = new ArrayList<>();
            JSON.readTree(response.body()).path("errors").forEach(e -> fields.add(e.path("field").asText()));
            if (fields.stream().noneMatch(f -> f.startsWith(c.field()))) {
                return "400 naming " + fields + ", not " + c.field();
            }
        }
        if (c.allow() != null) {
            Set<String> allow = new TreeSet<>();
            response.headers().allValues("Allow").forEach(v -> Arrays.stream(v.split(",")).map(String::trim)
                    .filter(m -> !m.isEmpty()).forEach(allow::add));
            if (!allow.equals(c.allow())) {
                return "405 with Allow " + allow + ", not " + c.allow();
            }
        }
        return null;
    }

    private UUID postReport(String user) {
        return submit(report(user, Instant.now().minusSeconds(60), Onset.GRADUAL, List.of()));
    }

    /** How many reports, workouts and drinks each of the two users has (read as an admin). */
    private Map<String, Integer> holdings(String user, String victim) {
        Map<String, Integer> counts = new HashMap<>();
        for (String who : List.of(user, victim)) {
            String label = who.equals(user) ? "user" : "victim";
            ApiClients.Clients admin = asAdmin();
            int reports = 0;
            String token = null;
            do {
                var request = admin.reports.listCrampReports().userIdQuery(who).pageSizeQuery(100);
                if (token != null) {
                    request.pageTokenQuery(token);
                }
                CrampReportPage page = request.executeAs(status(200));
                reports += page.getItems().size();
                token = page.getNextPageToken();
            } while (token != null);
            counts.put(label + " reports", reports);
            counts.put(label + " workouts", admin.workouts.listWorkouts().userIdPath(who).executeAs(status(200)).size());
            int drinks = 0;
            token = null;
            do {
                var request = admin.drinks.listDrinks().userIdPath(who).pageSizeQuery(100);
                if (token != null) {
                    request.pageTokenQuery(token);
                }
                var page = request.executeAs(status(200));
                drinks += page.getItems().size();
                token = page.getNextPageToken();
            } while (token != null);
            counts.put(label + " drinks", drinks);
        }
        return counts;
    }

    @Test
    @Order(6)
    void brokerKilledWhileReportsArePosted() {
        Figures figures = postWhile("broker kill -9", 10_000, () -> {
            ServiceProcess.sleep(2_000);
            system.killBroker();
            say("broker killed (SIGKILL)");
            ServiceProcess.sleep(3_000);
            system.startBroker();
            say("broker restarted");
        });
        figures.check();
    }

    @Test
    @Order(7)
    void adviceServiceKilledMidStream() {
        Figures figures = postWhile("advice kill -9", 8_000, () -> {
            ServiceProcess.sleep(2_000);
            system.service("advice").kill();
            say("advice service killed (SIGKILL)");
            ServiceProcess.sleep(1_000);
            system.service("advice").start();
            system.service("advice").awaitReady(SystemUnderTest.READY_TIMEOUT);
            say("advice service restarted");
        });
        figures.check();
    }

    @Test
    @Order(8)
    void twoReminderReplicasOneKilledFireEachNudgeOnce() {
        ServiceProcess second = system.add("reminder", SystemUnderTest.freePort());
        second.start();
        second.awaitReady(SystemUnderTest.READY_TIMEOUT);
        int workouts = 40;
        Instant start = Instant.now().plusSeconds(80).truncatedTo(ChronoUnit.SECONDS); // warm-ups due in ~20 s
        Set<String> users = new HashSet<>();
        for (int i = 0; i < workouts; i++) {
            String user = TestUsers.newUser("replica");
            users.add(user);
            createWorkout(user, start, io.crampcare.client.reminder.model.Intensity.LIGHT);
        }
        Instant due = start.minus(1, ChronoUnit.MINUTES);
        while (Instant.now().isBefore(due.plusMillis(300))) {
            ServiceProcess.sleep(50);
        }
        system.service("reminder").kill(); // the first replica dies while both are dispatching
        say("replicas: first reminder replica killed at %s, %d warm-ups due at %s", Instant.now(), workouts, due);
        List<EventLog.Event> fired = await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofSeconds(3))
                .until(() -> events.on(Topics.NUDGES, e -> users.contains(e.key())), l -> distinct(l, "nudgeId") >= workouts);
        ServiceProcess.sleep(3_000); // late duplicates would show now
        fired = events.on(Topics.NUDGES, e -> users.contains(e.key()));
        long nudges = distinct(fired, "nudgeId");
        long eventIds = fired.stream().map(EventLog.Event::id).distinct().count();
        say("replicas: %d warm-ups due, %d fired, %d distinct events, %d records (redeliveries of the same event: %d)",
                workouts, nudges, eventIds, fired.size(), fired.size() - eventIds);
        assertEquals(workouts, nudges, "every due nudge fired");
        assertEquals(nudges, eventIds, "each nudge fired once (one event id per nudge)");
        system.service("reminder").start();
        system.service("reminder").awaitReady(SystemUnderTest.READY_TIMEOUT);
        second.stop();
        // The killed replica's consumers hold up the group until their session times out; the next scenarios need
        // advice events consumed again, by the one replica left.
        long t0 = System.nanoTime();
        system.awaitConsumerGroup("reminder-service", REMINDER_CONSUMERS, Duration.ofSeconds(90));
        say("replicas: reminder consumer group stable with one replica %d ms after the second stopped", (System.nanoTime() - t0) / 1_000_000);
    }

    // --- one trace from report to fired nudge, and a rolling restart ------------------------------------------

    /** Scenario 9's traced report: its user and trace id. Its water nudge fires during 10; 11 checks the trace. */
    private String tracedUser;
    private String tracedTraceId;

    @Test
    @Order(9)
    void aTracedReportIsAdvisedInItsTrace() {
        // Planning must happen within the minute (a consumer rebalance can delay it): else try again, new user.
        for (int attempt = 1; attempt <= 3 && tracedUser == null; attempt++) {
            postTracedReport();
        }
        assertNotNull(tracedUser, "a water nudge due within two minutes was planned");
    }

    /** A report in a new trace whose advice plans a water nudge for the next minute; sets tracedUser when it did. */
    private void postTracedReport() {
        String user = TestUsers.newUser("traced");
        // Awake until two minutes after the current one: the one minute left today, the next, gets a water nudge.
        if (Instant.now().atZone(ZoneOffset.UTC).getSecond() > 50) {
            ServiceProcess.sleep(11_000); // too close to the next minute: planning might only start in it
        }
        String zone = zoneWhereItIsAboutNoon();
        LocalTime local = LocalTime.now(ZoneId.of(zone)).truncatedTo(ChronoUnit.MINUTES);
        putPreferences(user, zone, local.plusMinutes(2).toString());
        String traceparent = TestTraces.newTraceparent();
        CrampReportRequest cramp = report(user, Instant.now().minus(10, ChronoUnit.MINUTES), Onset.GRADUAL, List.of())
                .bodyWeightKg(70.0);
        UUID reportId = as(user).reports.submitCrampReport().reqSpec(r -> r.addHeader("traceparent", traceparent))
                .body(cramp).executeAs(status(201)).getId();
        awaitAdvice(user, reportId);
        EventLog.Event advice = await().atMost(Duration.ofSeconds(30)).until(() -> events.on(Topics.ADVICE,
                e -> reportId.toString().equals(e.data().path("reportId").asText())), l -> !l.isEmpty()).get(0);
        assertNotNull(advice.traceparent(), "the advice event carries a traceparent");
        assertEquals(TestTraces.traceId(traceparent), TestTraces.traceId(advice.traceparent()), "advice in the report's trace");
        // Tomorrow's water is planned too: wait for the plan, then look for today's one nudge (planned or fired).
        List<Instant> due = await().atMost(Duration.ofSeconds(30)).until(() -> as(user).nudges.listNudges()
                .userIdPath(user).pageSizeQuery(100).executeAs(status(200)).getItems().stream()
                .filter(n -> n.getKind() == NudgeKind.HYDRATION).map(n -> n.getDueAt().toInstant()).toList(),
                l -> !l.isEmpty());
        Instant soon = Instant.now().plus(2, ChronoUnit.MINUTES);
        boolean today = due.stream().anyMatch(at -> at.isBefore(soon));
        say("trace %s: report posted with it, advice event in it, %s", TestTraces.traceId(traceparent),
                today ? "a water nudge planned for the next minute" : "planned too late for today's last minute");
        if (today) {
            tracedUser = user;
            tracedTraceId = TestTraces.traceId(traceparent);
        }
    }

    @Test
    @Order(10)
    void rollingRestartLosesAndDoublesNothing() {
        // Warm-ups due one a second through the restart, so the dispatcher is at work when the reminder stops.
        int workouts = 40;
        Instant firstStart = Instant.now().plusSeconds(65).truncatedTo(ChronoUnit.SECONDS);
        Set<String> users = new HashSet<>();
        for (int i = 0; i < workouts; i++) {
            String user = TestUsers.newUser("rolling");
            users.add(user);
            createWorkout(user, firstStart.plusSeconds(i), io.crampcare.client.reminder.model.Intensity.LIGHT);
        }
        int deadLettersBefore = deadLetters();
        Figures figures = postWhile("rolling restart", 5_000, () -> {
            ServiceProcess.sleep(2_000); // reports flowing first
            for (String name : List.of("intake", "advice", "reminder")) {
                ServiceProcess service = system.service(name);
                long t0 = System.nanoTime();
                service.stop();
                long stopped = System.nanoTime();
                service.start();
                service.awaitReady(SystemUnderTest.READY_TIMEOUT);
                say("rolling restart: %s stopped in %d ms (SIGTERM), ready again %d ms later", name,
                        (stopped - t0) / 1_000_000, (System.nanoTime() - stopped) / 1_000_000);
            }
        });
        figures.check();

        List<EventLog.Event> fired = await().atMost(Duration.ofSeconds(90)).until(
                () -> events.on(Topics.NUDGES, e -> users.contains(e.key())), l -> distinct(l, "nudgeId") >= workouts);
        ServiceProcess.sleep(2_000); // late duplicates would show now
        fired = events.on(Topics.NUDGES, e -> users.contains(e.key()));
        long eventIds = fired.stream().map(EventLog.Event::id).distinct().count();
        say("rolling restart: %d warm-ups due during it, %d fired, %d events, %d records", workouts,
                distinct(fired, "nudgeId"), eventIds, fired.size());
        assertEquals(workouts, distinct(fired, "nudgeId"), "every due nudge fired");
        assertEquals(workouts, eventIds, "each nudge fired once");
        assertEquals(workouts, fired.size(), "no event published twice");
        Map<String, Set<String>> eventsPerNudge = new HashMap<>();
        events.on(Topics.NUDGES, e -> true).forEach(e -> eventsPerNudge
                .computeIfAbsent(e.data().path("nudgeId").asText(), k -> new HashSet<>()).add(e.id()));
        assertEquals(List.of(), eventsPerNudge.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).toList(), "no nudge has two nudge.due events (whole run)");
        assertEquals(deadLettersBefore, deadLetters(), "nothing dead-lettered by the restarts");
    }

    @Test
    @Order(11)
    void oneTraceFromReportToFiredNudge() throws IOException {
        assertNotNull(tracedUser, "scenario 9 posted the traced report");
        EventLog.Event nudge = await().atMost(Duration.ofSeconds(120)).until(() -> events.on(Topics.NUDGES,
                e -> tracedUser.equals(e.key()) && "HYDRATION".equals(e.data().path("kind").asText())),
                l -> !l.isEmpty()).get(0);
        assertNotNull(nudge.traceparent(), "the nudge.due event carries a traceparent");
        assertEquals(tracedTraceId, TestTraces.traceId(nudge.traceparent()), "the nudge fired in the report's trace");
        say("trace %s: POST report -> advice -> nudge planned -> nudge fired (%s, after a restart of every service):"
                + " one trace across the three services", tracedTraceId, nudge.data().path("dueAt").asText());
        for (ServiceProcess service : system.services.values()) {
            String log = Files.readString(service.logFile());
            assertFalse(log.contains("Failed to export"), service.name + " tried to export spans without an endpoint");
        }
    }

    /** Free text of a user's own: no service may log it beside the user. */
    private static final String NOTES = "calf and glute cramped on the stairs, note " + UUID.randomUUID();

    @Test
    @Order(12)
    void overdrinkingGuardStopsTodaysWater() {
        String user = TestUsers.newUser("overdrinking");
        ZoneId zone = ZoneId.of(zoneWhereItIsAboutNoon());
        putPreferences(user, zone.getId());
        // More than the hourly guard (1,000 mL) in the last hour: the overdrinking guard holds for the day.
        CrampReportRequest cramp = report(user, Instant.now().minusSeconds(60), Onset.GRADUAL, List.of())
                .waterTodayMl(2_500).waterLastHourMl(1_200).notes(NOTES);
        Advice advice = awaitAdvice(user, submit(cramp));
        assertEquals(Boolean.TRUE, advice.getHydration().getDrinkToThirstOnly(), "the overdrinking guard holds");
        assertEquals(0, advice.getHydration().getRemainingTodayMl());
        // The reminder plans the next day's water and none of today's.
        LocalDate today = LocalDate.now(zone);
        List<LocalDate> days = await().atMost(Duration.ofSeconds(30)).until(() -> as(user).nudges.listNudges()
                .userIdPath(user).pageSizeQuery(100).executeAs(status(200)).getItems().stream()
                .filter(n -> n.getKind() == NudgeKind.HYDRATION)
                .map(n -> n.getDueAt().atZoneSameInstant(zone).toLocalDate()).toList(), l -> !l.isEmpty());
        assertTrue(days.stream().allMatch(today::isBefore), "no water nudge today: " + days);
        say("overdrinking guard: drink to thirst only, %d water nudges planned, none of them today", days.size());
    }

    @Test
    @Order(13)
    void theDrinkLogLoop() {
        String user = TestUsers.newUser("drinker");
        ZoneId zone = ZoneId.of(zoneWhereItIsAboutNoon());
        putPreferences(user, zone.getId());
        // Report -> advice -> planned water: the report says 900 mL were drunk so far today.
        Advice advice = awaitAdvice(user, submit(report(user, Instant.now().minusSeconds(60), Onset.GRADUAL, List.of())
                .waterTodayMl(900)));
        int target = advice.getHydration().getDailyTargetMl();
        int plannedBefore = await().atMost(Duration.ofSeconds(30)).until(() -> plannedWaterToday(user, zone), ml -> ml > 0);
        WaterToday before = as(user).drinks.getWaterToday().userIdPath(user).executeAs(status(200));
        assertEquals(target, before.getToday().getTargetMl());
        assertEquals(900, before.getToday().getDrunkMl(), "what the report said was drunk");

        // A logged drink -> a replanned day -> today's status.
        Drink drink = as(user).drinks.logDrink().userIdPath(user).body(new NewDrink().amountMl(1000).kind(DrinkKind.WATER))
                .executeAs(status(201));
        assertEquals(1000, drink.getAmountMl());
        assertEquals(DrinkSource.LOGGED, drink.getSource());
        assertEquals(drink, as(user).drinks.getDrink().userIdPath(user).drinkIdPath(drink.getId()).executeAs(status(200)));
        WaterToday after = as(user).drinks.getWaterToday().userIdPath(user).executeAs(status(200));
        assertEquals(1900, after.getToday().getDrunkMl());
        assertEquals(before.getToday().getRemainingMl() - 1000, after.getToday().getRemainingMl());
        int plannedAfter = plannedWaterToday(user, zone);
        assertTrue(plannedAfter < plannedBefore && plannedAfter <= after.getToday().getRemainingMl(),
                "replanned from what is left: " + plannedBefore + " -> " + plannedAfter);
        EventLog.Event logged = await().atMost(Duration.ofSeconds(30)).until(() -> events.on(Topics.DRINKS,
                e -> user.equals(e.key())), l -> !l.isEmpty()).get(0);
        assertEquals(drink.getId().toString(), logged.data().path("drinkId").asText());
        assertEquals(List.of(drink), as(user).drinks.listDrinks().userIdPath(user).executeAs(status(200)).getItems());
        WaterDays days = as(user).drinks.listWaterDays().userIdPath(user).executeAs(status(200));
        assertEquals(7, days.getDays().size());
        assertEquals(1900, days.getDays().get(6).getDrunkMl());

        // Undone: the water is planned again.
        as(user).drinks.deleteDrink().userIdPath(user).drinkIdPath(drink.getId()).execute(r -> r.then().statusCode(204));
        int plannedAgain = plannedWaterToday(user, zone);
        assertTrue(plannedAgain > plannedAfter, "planned again: " + plannedAfter + " -> " + plannedAgain);
        assertEquals(900, as(user).drinks.getWaterToday().userIdPath(user).executeAs(status(200)).getToday()
                .getDrunkMl());
        say("drink log: %d mL planned today, %d after a logged litre, %d again after its undo", plannedBefore,
                plannedAfter, plannedAgain);
    }

    /** The user's water planned for the rest of today, in mL. */
    private int plannedWaterToday(String user, ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        return as(user).nudges.listNudges().userIdPath(user).statusQuery(NudgeStatus.PLANNED).pageSizeQuery(100)
                .executeAs(status(200)).getItems().stream()
                .filter(n -> n.getKind() == NudgeKind.HYDRATION && n.getDueAt().atZoneSameInstant(zone).toLocalDate()
                        .equals(today))
                .mapToInt(Nudge::getAmountMl).sum();
    }

    private int deadLetters() {
        return Topics.WITH_DEAD_LETTERS.stream().mapToInt(t -> events.on(Topics.deadLetter(t), e -> true).size()).sum();
    }

    // --- load with a fault -------------------------------------------------------------------------------------

    /** What a fault scenario posted and what came of it. */
    private final class Figures {
        final String name;
        final int posted;
        final List<String> accepted;
        final int failed;

        Figures(String name, int posted, List<String> accepted, int failed) {
            this.name = name;
            this.posted = posted;
            this.accepted = accepted;
            this.failed = failed;
        }

        void check() {
            Map<String, String> users = acceptedUsers;
            long deadline = System.nanoTime() + ADVICE_TIMEOUT.toNanos();
            List<String> missing = new ArrayList<>(accepted);
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                missing.removeIf(id -> as(users.get(id)).advice.getAdviceForReport().reportIdPath(id)
                        .execute(Response::statusCode) == 200);
                if (!missing.isEmpty()) {
                    ServiceProcess.sleep(500);
                }
            }
            ServiceProcess.sleep(2_000); // let late advice events arrive
            Set<String> ours = Set.copyOf(accepted);
            Map<String, Set<String>> adviceIdsPerReport = new HashMap<>();
            events.on(Topics.ADVICE, e -> ours.contains(e.data().path("reportId").asText())).forEach(e ->
                    adviceIdsPerReport.computeIfAbsent(e.data().path("reportId").asText(), k -> new HashSet<>())
                            .add(e.data().path("adviceId").asText()));
            long duplicates = adviceIdsPerReport.values().stream().filter(s -> s.size() > 1).count();
            int advised = accepted.size() - missing.size();
            say("%s: posted %d, accepted (201) %d, refused %d, advised %d, reports with two advice %d, lost %d",
                    name, posted, accepted.size(), failed, advised, duplicates, missing.size());
            assertEquals(List.of(), missing, "every accepted report has advice");
            assertEquals(0, duplicates, "no report has two advice");
            assertEquals(accepted.size(), adviceIdsPerReport.size(), "one advice event per accepted report");
        }
    }

    private final Map<String, String> acceptedUsers = new ConcurrentHashMap<>();

    /** Posts reports from 4 users for {@code millis} while {@code fault} runs beside. */
    private Figures postWhile(String name, long millis, Runnable fault) {
        List<String> users = List.of(TestUsers.newUser("load"), TestUsers.newUser("load"), TestUsers.newUser("load"),
                TestUsers.newUser("load"));
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        AtomicInteger posted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread poster = new Thread(() -> {
            int i = 0;
            while (running.get()) {
                String user = users.get(i++ % users.size());
                posted.incrementAndGet();
                try {
                    Response response = as(user).reports.submitCrampReport()
                            .body(report(user, Instant.now().minusSeconds(30), i % 2 == 0 ? Onset.GRADUAL : Onset.SUDDEN, List.of()))
                            .execute(Function.identity());
                    if (response.statusCode() == 201) {
                        String id = response.as(CrampReport.class).getId().toString();
                        accepted.add(id);
                        acceptedUsers.put(id, user);
                    } else {
                        failed.incrementAndGet();
                    }
                } catch (Exception e) { // also what REST Assured throws undeclared: ConnectException while intake is down
                    failed.incrementAndGet();
                }
                ServiceProcess.sleep(40);
            }
        }, "poster");
        poster.start();
        long until = System.currentTimeMillis() + millis;
        fault.run();
        while (System.currentTimeMillis() < until) {
            ServiceProcess.sleep(100);
        }
        running.set(false);
        try {
            poster.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Figures(name, posted.get(), new ArrayList<>(accepted), failed.get());
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private ApiClients.Clients as(String user) {
        return clients.as(user);
    }

    private ApiClients.Clients asAdmin() {
        return clients.asAdmin();
    }

    private static Function<Response, Response> status(int expected) {
        return ApiClients.status(expected);
    }

    private UUID submit(CrampReportRequest report) {
        return as(report.getUserId()).reports.submitCrampReport().body(report).executeAs(status(201)).getId();
    }

    /** The report's advice once the advice service has it (404 until then). */
    private Advice awaitAdvice(String user, UUID reportId) {
        return await().atMost(ADVICE_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> as(user).advice.getAdviceForReport().reportIdPath(reportId).execute(Function.identity()),
                        r -> r.statusCode() == 200)
                .as(Advice.class);
    }

    private Workout createWorkout(String user, Instant start, io.crampcare.client.reminder.model.Intensity intensity) {
        return as(user).workouts.createWorkout().userIdPath(user).body(oneOffWorkout(start, intensity))
                .executeAs(status(201));
    }

    private static WorkoutRequest oneOffWorkout(Instant start, io.crampcare.client.reminder.model.Intensity intensity) {
        return new WorkoutRequest().type(io.crampcare.client.reminder.model.Type.ONE_OFF)
                .startsAt(OffsetDateTime.ofInstant(start, ZoneOffset.UTC)).durationMinutes(30).intensity(intensity);
    }

    private Preferences putPreferences(String user, String zone) {
        return putPreferences(user, zone, "23:59");
    }

    /** A user's first preferences (no If-Match needed), as stored. */
    private Preferences putPreferences(String user, String zone, String wakingEnd) {
        Preferences preferences = new Preferences().timeZone(zone).wakingStart("00:00").wakingEnd(wakingEnd).dailyCap(8)
                .kinds(new LinkedHashSet<>(List.of(NudgeKind.HYDRATION, NudgeKind.PRE_EXERCISE_HYDRATION,
                        NudgeKind.WARM_UP, NudgeKind.STRETCH)));
        Preferences stored = as(user).preferences.putPreferences().userIdPath(user).body(preferences)
                .executeAs(status(200));
        // Sent without unit and language: the defaults.
        assertEquals("ML", String.valueOf(stored.getUnit()));
        assertEquals("en", String.valueOf(stored.getLocale()));
        assertEquals(preferences.unit(stored.getUnit()).locale(stored.getLocale()), stored);
        return stored;
    }

    static CrampReportRequest report(String user, Instant occurredAt, Onset onset, List<Symptom> symptoms) {
        return new CrampReportRequest().userId(user).occurredAt(OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
                .muscle(Muscle.GLUTEUS_MAXIMUS).side(Side.LEFT).onset(onset).severity(7).durationSeconds(90)
                .context(CrampContext.AFTER_EXERCISE)
                .activity(new Activity().type(ActivityType.SQUATS)
                        .intensity(io.crampcare.client.intake.model.Intensity.HARD).minutes(45))
                .warmedUp(false).stretchedAfter(false).sweatingHeavily(true).waterTodayMl(900)
                .symptoms(new LinkedHashSet<>(symptoms));
    }

    private static long distinct(List<EventLog.Event> events, String field) {
        return events.stream().map(e -> e.data().path(field).asText()).distinct().count();
    }

    /** Absent values left out and instants as ISO-8601 text, as the generated clients write them. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setSerializationInclusion(JsonInclude.Include.NON_NULL);

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fixed-offset zone where it is about noon now, so today still has waking time left. */
    private static String zoneWhereItIsAboutNoon() {
        int offset = 12 - Instant.now().atZone(ZoneOffset.UTC).getHour();
        offset = offset > 14 ? offset - 24 : offset < -12 ? offset + 24 : offset;
        return ZoneOffset.ofHours(offset).getId();
    }

    static void say(String format, Object... args) {
        System.out.println("[system] " + String.format(format, args));
    }
}
