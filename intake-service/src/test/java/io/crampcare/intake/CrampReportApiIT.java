package io.crampcare.intake;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Submitting, reading and listing reports over real HTTP and PostgreSQL. */
@QuarkusTest
class CrampReportApiIT {

    private static final String REPORTS = "/api/v1/cramp-reports";

    @Test
    void submitReturns201WithLocationAndTheStoredReport() {
        String user = TestUsers.newUser("submit");
        Response created = asAdmin().contentType(ContentType.JSON).body(TestReports.valid(user))
                .when().post(REPORTS);
        created.then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("userId", is(user))
                .body("muscle", is("GLUTEUS_MAXIMUS"))
                .body("activity.type", is("SQUATS"))
                .body("symptoms", is(List.of("NUMBNESS", "TINGLING")))
                .body("waterTodayMl", is(900))
                .body("waterTodayOz", is(30.4f))
                .body("notes", is("Last set of squats."))
                .body("hotEnvironment", is(false))
                .body("waterLastHourMl", is(250))
                .body("unaccustomedExercise", is(false))
                .body("takesStatin", is(false));
        String id = created.path("id");
        String location = created.header("Location");
        assertEquals(REPORTS + "/" + id, location);
        assertEquals(location, created.path("links.self"));
        assertEquals(location + "/advice", created.path("links.advice"));

        Response read = asAdmin().when().get(location);
        read.then().statusCode(200);
        assertEquals(created.asString(), read.asString());
    }

    @Test
    void theLookAlikeQuestionsAreStoredAndPublished() {
        String user = TestUsers.newUser("look-alikes");
        Map<String, Object> report = TestReports.valid(user);
        report.put("symptoms", List.of("FEVER", "HEADACHE", "DARK_URINE", "CONFUSION", "SHORTNESS_OF_BREATH",
                "NAUSEA_OR_VOMITING", "DIZZINESS", "FAINTING_OR_COLLAPSE", "SEIZURE"));
        report.put("hotEnvironment", true);
        report.put("unaccustomedExercise", true);
        report.put("takesStatin", true);
        report.put("waterLastHourMl", 900);
        Response created = asAdmin().contentType(ContentType.JSON).body(report).when().post(REPORTS);
        created.then().statusCode(201)
                .body("symptoms", is(List.of("HEADACHE", "NAUSEA_OR_VOMITING", "DIZZINESS", "CONFUSION",
                        "FAINTING_OR_COLLAPSE", "SEIZURE", "DARK_URINE", "SHORTNESS_OF_BREATH", "FEVER")))
                .body("hotEnvironment", is(true))
                .body("waterLastHourMl", is(900))
                .body("unaccustomedExercise", is(true))
                .body("takesStatin", is(true));
        asAdmin().when().get(created.header("Location")).then().statusCode(200).body("takesStatin", is(true));
    }

    @Test
    void optionalAnswersMayBeLeftOut() {
        String user = TestUsers.newUser("minimal");
        Map<String, Object> report = Map.of("userId", user, "occurredAt", Instant.now().toString(),
                "muscle", "GLUTEUS_MEDIUS", "side", "RIGHT", "onset", "SUDDEN", "severity", 8,
                "durationSeconds", 30, "context", "DURING_SLEEP");
        asAdmin().contentType(ContentType.JSON).body(report)
                .when().post(REPORTS)
                .then().statusCode(201)
                .body("activity", nullValue())
                .body("symptoms", is(List.of()))
                .body("waterTodayOz", nullValue());
    }

    @Test
    void listingWalksEveryReportOnceNewestFirst() {
        String user = TestUsers.newUser("paging");
        Instant base = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            // Three reports share one instant: the id breaks the tie, and paging must not lose any of them.
            Instant occurredAt = i < 3 ? base : base.plus(i, ChronoUnit.MINUTES);
            created.add(asAdmin().contentType(ContentType.JSON).body(TestReports.valid(user, occurredAt))
                    .when().post(REPORTS).then().statusCode(201).extract().path("id"));
        }
        asAdmin().contentType(ContentType.JSON).body(TestReports.valid(TestUsers.newUser("other")))
                .when().post(REPORTS).then().statusCode(201);

        List<Map<String, Object>> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            var request = asAdmin().queryParam("userId", user).queryParam("pageSize", 4);
            if (token != null) {
                request.queryParam("pageToken", token);
            }
            JsonPath page = request.when().get(REPORTS).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items"));
            token = page.getString("nextPageToken");
            pages++;
        } while (token != null && pages < 10);

        assertEquals(3, pages);
        List<String> ids = seen.stream().map(r -> (String) r.get("id")).toList();
        assertEquals(11, ids.size());
        assertEquals(new HashSet<>(created), new HashSet<>(ids));
        List<Map<String, Object>> sorted = new ArrayList<>(seen);
        sorted.sort(Comparator.<Map<String, Object>, Instant>comparing(r -> Instant.parse((String) r.get("occurredAt")))
                .thenComparing(r -> (String) r.get("id")).reversed()); // PostgreSQL orders uuids bytewise, as their text
        assertEquals(sorted.stream().map(r -> r.get("id")).toList(), ids, "newest first, ties by id");
    }

    @Test
    void listingFiltersByTime() {
        String user = TestUsers.newUser("window");
        Instant base = Instant.parse("2026-11-01T08:00:00Z");
        for (int day = 0; day < 5; day++) {
            asAdmin().contentType(ContentType.JSON).body(TestReports.valid(user, base.plus(day, ChronoUnit.DAYS)))
                    .when().post(REPORTS).then().statusCode(201);
        }
        JsonPath page = asAdmin().queryParam("userId", user)
                .queryParam("from", base.plus(1, ChronoUnit.DAYS).toString())
                .queryParam("to", base.plus(3, ChronoUnit.DAYS).toString())
                .when().get(REPORTS).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("2026-11-03T08:00:00Z", "2026-11-02T08:00:00Z"), page.getList("items.occurredAt"));
        assertNull(page.getString("nextPageToken"));
    }

    @Test
    void badListParametersAreAllNamedInOneProblem() {
        String instant = "must be an ISO-8601 instant between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z, "
                + "e.g. 2026-11-25T07:30:00Z";
        asAdmin().queryParam("from", "yesterday").queryParam("to", "3000-01-01T00:00:00Z").queryParam("pageSize", "0")
                .queryParam("pageToken", "garbage").when().get(REPORTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("https://crampcare.io/problems/validation"))
                .body("detail", is("The request has 5 invalid fields."))
                .body("errors.field", is(List.of("from", "pageSize", "pageToken", "to", "userId")))
                .body("errors.message", is(List.of(instant, "must be a whole number from 1 to 100",
                        "is not a token this API issued; start again without it", instant, "is required")));
        asAdmin().queryParam("userId", "someone").queryParam("from", "2026-11-25T08:00:00Z")
                .queryParam("to", "2026-11-25T08:00:00Z").when().get(REPORTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", is(List.of("to"))).body("errors.message", is(List.of("must be after from")));
    }
}
