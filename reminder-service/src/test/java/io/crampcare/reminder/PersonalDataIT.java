package io.crampcare.reminder;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static io.crampcare.testsupport.TestTokens.asUser;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.TestTokens;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** GET /api/v1/users/{userId}/data: every row the reminder holds about a person, table by table, oldest first. */
@QuarkusTest
class PersonalDataIT {

    @Test
    void everyTableOfThePersonFieldByField() {
        String user = "data-" + UUID.randomUUID();
        ReminderFixtures.preferences(user, "Europe/Berlin", List.of("HYDRATION", "WARM_UP"));
        String kept = workout(user, Instant.now().plus(3, ChronoUnit.HOURS));
        String deleted = workout(user, Instant.now().plus(5, ChronoUnit.HOURS));
        asUser(user).when().delete("/api/v1/users/" + user + "/workouts/" + deleted).then().statusCode(204);
        Instant drunkAt = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String drink = asUser(user).contentType(ContentType.JSON)
                .body(Map.of("amountMl", 330, "kind", "SPORTS_DRINK", "drunkAt", drunkAt.toString()))
                .when().post("/api/v1/users/" + user + "/drinks").then().statusCode(201).extract().path("id");
        UUID adviceId = UUID.randomUUID();
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.send(Topics.ADVICE, user, UUID.randomUUID().toString(), EventTypes.ADVICE_ISSUED,
                    ReminderFixtures.ADVICE_SOURCE, ReminderFixtures.advice(user, adviceId, 2400, null));
        }
        JsonPath data = await().atMost(Duration.ofSeconds(30)).until(() -> data(user),
                d -> !d.getList("hydrationTargets").isEmpty() && !d.getList("hydrationDays").isEmpty());

        Map<String, Object> preferences = data.getMap("preferences[0]");
        assertEquals(Map.of("timeZone", "Europe/Berlin", "wakingStart", "07:00", "wakingEnd", "22:00", "dailyCap", 8,
                "kinds", List.of("HYDRATION", "WARM_UP"), "unit", "ML", "locale", "en", "version", 1,
                "updatedAt", preferences.get("updatedAt")), preferences);
        assertEquals(1, data.getList("preferences").size());

        assertEquals(List.of(kept, deleted), data.getList("workouts.id"), "both workouts, oldest first");
        assertNull(data.get("workouts[0].deletedAt"));
        assertNotNull(data.get("workouts[1].deletedAt"), "a deleted workout is exported with when it was deleted");
        JsonPath keptWorkout = asUser(user).when().get("/api/v1/users/" + user + "/workouts/" + kept).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(30, data.getInt("workouts[0].durationMinutes"));
        assertEquals("MODERATE", data.getString("workouts[0].intensity"));
        assertEquals(Instant.parse(keptWorkout.getString("startsAt")),
                Instant.parse(data.getString("workouts[0].oneOffStart")));

        assertEquals(List.of(Map.of("id", drink, "drunkAt", drunkAt.toString(), "amountMl", 330,
                "kind", "SPORTS_DRINK", "source", "LOGGED", "loggedAt", data.getString("drinks[0].loggedAt"))),
                data.getList("drinks"));

        assertEquals(Map.of("adviceId", adviceId.toString(), "dailyTargetMl", 2400, "maxPerHourMl", 1000),
                Map.of("adviceId", data.getString("hydrationTargets[0].adviceId"),
                        "dailyTargetMl", data.getInt("hydrationTargets[0].dailyTargetMl"),
                        "maxPerHourMl", data.getInt("hydrationTargets[0].maxPerHourMl")));
        assertEquals(adviceId.toString(), data.getString("hydrationDays[0].adviceId"));
        assertEquals(2400, data.getInt("hydrationDays[0].dailyTargetMl"));

        List<Map<String, Object>> nudges = data.getList("nudges");
        assertFalse(nudges.isEmpty(), "the workout's and the water plan's nudges");
        List<Map<String, Object>> listed = asUser(user).queryParam("pageSize", 100)
                .when().get("/api/v1/users/" + user + "/nudges").then().statusCode(200).extract().jsonPath()
                .getList("items");
        assertEquals(listed.size(), nudges.size(), "every nudge the API lists");
        for (Map<String, Object> nudge : nudges) {
            Map<String, Object> view = listed.stream().filter(n -> n.get("id").equals(nudge.get("id"))).findFirst()
                    .orElseThrow();
            for (String field : List.of("kind", "status", "dueAt", "amountMl", "workoutId", "adviceId", "snoozes")) {
                assertEquals(view.get(field), nudge.get(field), field + " of nudge " + nudge.get("id"));
            }
            assertNotNull(nudge.get("plannedAt"));
            assertNotNull(nudge.get("localDate"));
        }
        List<Instant> due = nudges.stream().map(n -> Instant.parse((String) n.get("dueAt"))).toList();
        assertEquals(due.stream().sorted(Comparator.naturalOrder()).toList(), due, "oldest first");
        assertTrue(nudges.stream().anyMatch(n -> adviceId.toString().equals(n.get("adviceId"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyThePersonAndAnAdminReadIt() {
        String user = "data-" + UUID.randomUUID();
        ReminderFixtures.preferences(user, "UTC");
        asUser("someone-else").when().get("/api/v1/users/" + user + "/data").then().statusCode(403)
                .contentType("application/problem+json");
        Map<String, Object> own = data(user).getMap("");
        Map<String, Object> admins = asAdmin().when().get("/api/v1/users/" + user + "/data").then()
                .statusCode(200).extract().jsonPath().getMap("");
        // The same data; the audit part has one entry more, the admin's read with its reason (the fixture's
        // preferences were an admin's change, so both already hold that).
        List<Map<String, Object>> ownAudit = (List<Map<String, Object>>) own.remove("audit");
        List<Map<String, Object>> audit = (List<Map<String, Object>>) admins.remove("audit");
        assertEquals(own, admins);
        assertEquals(ownAudit, audit.subList(0, audit.size() - 1));
        Map<String, Object> read = audit.get(audit.size() - 1);
        assertEquals("GET /api/v1/users/{userId}/data", read.get("operation"));
        assertEquals(TestTokens.TEST_REASON, read.get("reason"));
    }

    @Test
    void aPersonWithoutDataGetsEmptyTables() {
        String user = "data-" + UUID.randomUUID();
        assertEquals(Map.of("preferences", List.of(), "workouts", List.of(), "nudges", List.of(), "drinks", List.of(),
                "hydrationTargets", List.of(), "hydrationDays", List.of(), "audit", List.of()), data(user).getMap(""));
    }

    private static JsonPath data(String user) {
        return asUser(user).when().get("/api/v1/users/" + user + "/data").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    private static String workout(String user, Instant startsAt) {
        return asUser(user).contentType(ContentType.JSON).body(Map.of("type", "ONE_OFF", "startsAt",
                startsAt.toString(), "durationMinutes", 30, "intensity", "MODERATE"))
                .when().post("/api/v1/users/" + user + "/workouts").then().statusCode(201).extract().path("id");
    }
}
