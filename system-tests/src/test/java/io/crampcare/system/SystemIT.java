package io.crampcare.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.system.fuzz.HostileRequest;
import io.crampcare.system.fuzz.HostileRequests;
import io.crampcare.system.fuzz.Targets;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.TestTokens;
import io.crampcare.testsupport.TestTraces;
import io.crampcare.testsupport.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The product end to end: the packaged services as processes on a real broker and PostgreSQL, driven only through
 * REST (with bearer tokens) and topics, with an independent consumer checking every event. Then faults: a killed
 * broker, a killed advice service, two reminder replicas with one killed, poison and hostile input; one trace from a
 * posted report to its fired nudge, and a rolling restart (SIGTERM) of every service. Each scenario prints its
 * figures ("[system] ...").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemIT {

    private static final Duration ADVICE_TIMEOUT = Duration.ofSeconds(120);
    /** Kafka consumers per reminder process: mp.messaging.incoming.advice.concurrency in its application.properties. */
    private static final int REMINDER_CONSUMERS = 3;
    /**
     * Refused by the HTTP server while parsing the request line and headers, before any application code runs (URI
     * or headers too long): these carry no problem body. Documented in the README.
     */
    private static final Set<Integer> PROTOCOL_LEVEL = Set.of(414, 431);
    private SystemUnderTest system;
    private EventLog events;

    @BeforeAll
    void start() {
        system = new SystemUnderTest();
        try {
            long started = System.nanoTime();
            system.start();
            events = new EventLog(system.bootstrapServers());
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
        } else if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void happyPath() {
        String user = TestUsers.newUser("alice");
        putPreferences(user, zoneWhereItIsAboutNoon());
        Map<String, Object> cramp = report(user, Instant.now().minus(10, ChronoUnit.MINUTES), "SUDDEN", List.of());
        cramp.put("visibleLump", true);
        cramp.put("bodyWeightKg", 70.0);
        String reportId = as(user, "intake").contentType(ContentType.JSON).body(cramp)
                .post("/api/v1/cramp-reports").then().statusCode(201).extract().path("id");

        long t0 = System.nanoTime();
        Response advice = awaitAdvice(user, reportId);
        say("happy path: advice %d ms after the report was accepted", (System.nanoTime() - t0) / 1_000_000);
        assertEquals("SELF_CARE", advice.path("urgency"));
        List<String> rules = advice.path("recommendations.ruleId");
        // 900 mL already drunk: the advice counts it (daily-water is for reports that do not say).
        assertTrue(rules.containsAll(List.of("sudden-static-stretch", "daily-water-left", "warm-up-before", "stretch-after",
                "ease-glute-load", "balanced-diet-minerals", "sports-drink-heavy-workout")), rules.toString());
        List<String> sources = advice.path("recommendations.source.reference");
        assertTrue(sources.stream().allMatch(s -> s != null && !s.isBlank()));

        List<Integer> water = await().atMost(Duration.ofSeconds(30)).until(() -> as(user, "reminder")
                .queryParam("status", "PLANNED").queryParam("pageSize", 100).get("/api/v1/users/" + user + "/nudges")
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.kind == 'HYDRATION' }.amountMl", Integer.class),
                list -> !list.isEmpty());
        say("happy path: %d hydration nudges planned (%d mL)", water.size(), water.stream().mapToInt(Integer::intValue).sum());

        // Warm-up lead is one minute here: a workout starting in 65 s has its warm-up due in 5 s.
        Instant start = Instant.now().plusSeconds(65).truncatedTo(ChronoUnit.SECONDS);
        String workoutId = as(user, "reminder").contentType(ContentType.JSON)
                .body(Map.of("type", "ONE_OFF", "startsAt", start.toString(), "durationMinutes", 30, "intensity", "HARD"))
                .post("/api/v1/users/" + user + "/workouts").then().statusCode(201).extract().path("id");
        EventLog.Event warmUp = await().atMost(Duration.ofSeconds(30)).until(() -> events.on(Topics.NUDGES,
                e -> user.equals(e.key()) && "WARM_UP".equals(e.data().path("kind").asText())), l -> !l.isEmpty()).get(0);
        Instant due = Instant.parse(warmUp.data().path("dueAt").asText());
        assertEquals(start.minus(1, ChronoUnit.MINUTES), due);
        assertEquals(workoutId, warmUp.data().path("workoutId").asText());

        as(user, "reminder").contentType(ContentType.JSON).body(Map.of("outcome", "DONE"))
                .post("/api/v1/nudges/" + warmUp.data().path("nudgeId").asText() + "/ack").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(user, "advice").get("/api/v1/users/" + user + "/adherence")
                .then().statusCode(200).extract().<Integer>path("answered"), answered -> answered == 1);
        say("happy path: warm-up fired for %s, acknowledged DONE, adherence in the advice service: 1 of 1", due);
    }

    @Test
    @Order(2)
    void redFlagsGiveEmergencyAdviceFirst() {
        String user = TestUsers.newUser("red-flag");
        String reportId = as(user, "intake").contentType(ContentType.JSON)
                .body(report(user, Instant.now().minusSeconds(60), "GRADUAL", List.of("SADDLE_NUMBNESS", "BLADDER_OR_BOWEL_CHANGE")))
                .post("/api/v1/cramp-reports").then().statusCode(201).extract().path("id");
        long t0 = System.nanoTime();
        Response advice = awaitAdvice(user, reportId);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        say("red flag: EMERGENCY advice readable %d ms after the report (target: within a second)", ms);
        assertEquals("EMERGENCY", advice.path("urgency"));
        assertEquals("EMERGENCY", advice.path("recommendations[0].urgency"));
        assertTrue(advice.<String>path("headline").startsWith("Seek medical care now"));
        assertNull(advice.path("hydration"), "no water plan in an emergency");
    }

    @Test
    @Order(3)
    void frequentCrampsDespiteAdherenceMeanSeeADoctor() {
        String user = TestUsers.newUser("frequent");
        Instant now = Instant.now();
        try (CloudEventWriter writer = new CloudEventWriter(system.bootstrapServers())) {
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
        await().atMost(Duration.ofSeconds(30)).until(() -> as(user, "advice").get("/api/v1/users/" + user + "/adherence")
                .then().extract().<Integer>path("answered"), n -> n != null && n == 10);
        Response last = null;
        for (int daysAgo = 3; daysAgo >= 1; daysAgo--) {
            String reportId = as(user, "intake").contentType(ContentType.JSON)
                    .body(report(user, now.minus(daysAgo, ChronoUnit.DAYS).plusSeconds(7200), "GRADUAL", List.of()))
                    .post("/api/v1/cramp-reports").then().statusCode(201).extract().path("id");
            last = awaitAdvice(user, reportId);
        }
        assertEquals("SEE_DOCTOR", last.path("urgency"));
        assertEquals("frequent-despite-advice", last.path("recommendations[0].ruleId"));
        say("frequent despite adherence: 3 reports in 3 days with 10 of 10 nudges done -> SEE_DOCTOR");
    }

    @Test
    @Order(4)
    void poisonGoesToTheDeadLetterTopic() {
        String user = TestUsers.newUser("poison");
        String poisonId = UUID.randomUUID().toString();
        events.expectPoison(poisonId);
        try (CloudEventWriter writer = new CloudEventWriter(system.bootstrapServers())) {
            writer.send(Topics.CRAMP_REPORTS, user, poisonId, EventTypes.CRAMP_REPORT_SUBMITTED,
                    "/crampcare/intake-service", "{\"reportId\": 42, oops");
        }
        String reportId = as(user, "intake").contentType(ContentType.JSON)
                .body(report(user, Instant.now().minusSeconds(60), "GRADUAL", List.of()))
                .post("/api/v1/cramp-reports").then().statusCode(201).extract().path("id");
        awaitAdvice(user, reportId);
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
        String reportId = postReport(user);
        postReport(victim);
        String adviceId = awaitAdvice(user, reportId).path("adviceId");
        String workoutId = as(user, "reminder").contentType(ContentType.JSON)
                .body(Map.of("type", "ONE_OFF", "startsAt", Instant.now().plus(3, ChronoUnit.HOURS).toString(),
                        "durationMinutes", 30, "intensity", "HARD"))
                .post("/api/v1/users/" + user + "/workouts").then().statusCode(201).extract().path("id");
        String nudgeId = as(user, "reminder").get("/api/v1/users/" + user + "/nudges").then().statusCode(200)
                .extract().path("items[0].id");
        Map<String, Integer> before = holdings(user, victim);

        List<HostileRequest> requests = HostileRequests.generate(20261126L, 3000,
                new Targets(user, TestTokens.user(user), victim, reportId, adviceId, nudgeId, workoutId));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> created = new HashMap<>();
        int notSendable = 0;
        long t0 = System.nanoTime();
        for (HostileRequest request : requests) {
            HttpRequest.Builder builder;
            try {
                builder = HttpRequest.newBuilder(URI.create(system.url(request.service()) + request.path()))
                        .timeout(Duration.ofSeconds(30))
                        .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
                request.headers().forEach(builder::header);
            } catch (IllegalArgumentException e) {
                notSendable++; // the HTTP client itself refuses it (e.g. a control character in a header)
                continue;
            }
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
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
        say("hostile input: %d requests in %d ms (%d the HTTP client would not send): %s; accepted by endpoint: %s",
                requests.size(), (System.nanoTime() - t0) / 1_000_000, notSendable, statuses, created);
        assertEquals(List.of(), wrong.stream().limit(20).toList(), "no 5xx, every error a problem");

        Map<String, Integer> after = holdings(user, victim);
        assertEquals(before.get("victim reports"), after.get("victim reports"), "nothing of the victim's changed");
        assertEquals(before.get("victim workouts"), after.get("victim workouts"), "nothing of the victim's changed");
        int reportsAccepted = created.getOrDefault("REPORT_CREATE", 0);
        assertEquals(before.get("user reports") + reportsAccepted, after.get("user reports"),
                "the user's reports changed only by the requests that were accepted");
    }

    private String postReport(String user) {
        return as(user, "intake").contentType(ContentType.JSON)
                .body(report(user, Instant.now().minusSeconds(60), "GRADUAL", List.of()))
                .post("/api/v1/cramp-reports").then().statusCode(201).extract().path("id");
    }

    /** How many reports and workouts each of the two users has (read as an admin). */
    private Map<String, Integer> holdings(String user, String victim) {
        Map<String, Integer> counts = new HashMap<>();
        for (String who : List.of(user, victim)) {
            String label = who.equals(user) ? "user" : "victim";
            int reports = 0;
            String token = null;
            do {
                RequestSpecification request = TestTokens.asAdmin().baseUri(system.url("intake"))
                        .queryParam("userId", who).queryParam("pageSize", 100);
                if (token != null) {
                    request.queryParam("pageToken", token);
                }
                JsonPath page = request.get("/api/v1/cramp-reports").then().statusCode(200)
                        .extract().jsonPath();
                reports += page.getList("items").size();
                token = page.getString("nextPageToken");
            } while (token != null);
            counts.put(label + " reports", reports);
            counts.put(label + " workouts", TestTokens.asAdmin().baseUri(system.url("reminder"))
                    .get("/api/v1/users/" + who + "/workouts").then().statusCode(200).extract().jsonPath()
                    .getList("").size());
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
            as(user, "reminder").contentType(ContentType.JSON)
                    .body(Map.of("type", "ONE_OFF", "startsAt", start.toString(), "durationMinutes", 30, "intensity", "LIGHT"))
                    .post("/api/v1/users/" + user + "/workouts").then().statusCode(201);
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
        Map<String, Object> cramp = report(user, Instant.now().minus(10, ChronoUnit.MINUTES), "GRADUAL", List.of());
        cramp.put("bodyWeightKg", 70.0);
        String reportId = as(user, "intake").header("traceparent", traceparent).contentType(ContentType.JSON)
                .body(cramp).post("/api/v1/cramp-reports").then().statusCode(201).extract().path("id");
        awaitAdvice(user, reportId);
        EventLog.Event advice = await().atMost(Duration.ofSeconds(30)).until(() -> events.on(Topics.ADVICE,
                e -> reportId.equals(e.data().path("reportId").asText())), l -> !l.isEmpty()).get(0);
        assertNotNull(advice.traceparent(), "the advice event carries a traceparent");
        assertEquals(TestTraces.traceId(traceparent), TestTraces.traceId(advice.traceparent()), "advice in the report's trace");
        // Tomorrow's water is planned too: wait for the plan, then look for today's one nudge (planned or fired).
        List<String> due = await().atMost(Duration.ofSeconds(30)).until(() -> as(user, "reminder")
                .queryParam("pageSize", 100).get("/api/v1/users/" + user + "/nudges").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.kind == 'HYDRATION' }.dueAt", String.class),
                l -> !l.isEmpty());
        Instant soon = Instant.now().plus(2, ChronoUnit.MINUTES);
        boolean today = due.stream().map(Instant::parse).anyMatch(at -> at.isBefore(soon));
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
            as(user, "reminder").contentType(ContentType.JSON)
                    .body(Map.of("type", "ONE_OFF", "startsAt", firstStart.plusSeconds(i).toString(),
                            "durationMinutes", 30, "intensity", "LIGHT"))
                    .post("/api/v1/users/" + user + "/workouts").then().statusCode(201);
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

    private int deadLetters() {
        return Topics.ALL.stream().mapToInt(t -> events.on(Topics.deadLetter(t), e -> true).size()).sum();
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
                missing.removeIf(id -> as(users.get(id), "advice").get("/api/v1/cramp-reports/" + id + "/advice")
                        .statusCode() == 200);
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
                    Response response = as(user, "intake").contentType(ContentType.JSON)
                            .body(report(user, Instant.now().minusSeconds(30), i % 2 == 0 ? "GRADUAL" : "SUDDEN", List.of()))
                            .post("/api/v1/cramp-reports");
                    if (response.statusCode() == 201) {
                        String id = response.path("id");
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

    private RequestSpecification as(String user, String service) {
        return TestTokens.asUser(user).baseUri(system.url(service)).when();
    }

    private Response awaitAdvice(String user, String reportId) {
        return await().atMost(ADVICE_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> as(user, "advice").get("/api/v1/cramp-reports/" + reportId + "/advice"),
                        r -> r.statusCode() == 200);
    }

    private void putPreferences(String user, String zone) {
        putPreferences(user, zone, "23:59");
    }

    private void putPreferences(String user, String zone, String wakingEnd) {
        as(user, "reminder").contentType(ContentType.JSON)
                .body(Map.of("timeZone", zone, "wakingStart", "00:00", "wakingEnd", wakingEnd, "dailyCap", 8,
                        "kinds", List.of("HYDRATION", "PRE_EXERCISE_HYDRATION", "WARM_UP", "STRETCH")))
                .put("/api/v1/users/" + user + "/preferences").then().statusCode(200);
    }

    static Map<String, Object> report(String user, Instant occurredAt, String onset, List<String> symptoms) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("userId", user);
        report.put("occurredAt", occurredAt.toString());
        report.put("muscle", "GLUTEUS_MAXIMUS");
        report.put("side", "LEFT");
        report.put("onset", onset);
        report.put("severity", 7);
        report.put("durationSeconds", 90);
        report.put("context", "AFTER_EXERCISE");
        report.put("activity", Map.of("type", "SQUATS", "intensity", "HARD", "minutes", 45));
        report.put("warmedUp", false);
        report.put("stretchedAfter", false);
        report.put("sweatingHeavily", true);
        report.put("waterTodayMl", 900);
        report.put("symptoms", symptoms);
        return report;
    }

    private static long distinct(List<EventLog.Event> events, String field) {
        return events.stream().map(e -> e.data().path(field).asText()).distinct().count();
    }

    static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
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
