package io.crampcare.intake;

import static io.crampcare.testsupport.TestTokens.asUser;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crampcare.intake.StandInServices.Control;
import io.crampcare.testsupport.TestJson;
import io.crampcare.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.Response;

/**
 * GET /api/v1/users/{userId}/export: intake's reports with the advice and reminder services' parts (stand-ins here,
 * {@link StandInServices}), fetched with the caller's own token; all or nothing; JSON or a zip of CSVs.
 */
@QuarkusTest
class ExportIT {

    private static final String NOTES = "Left glute, \"like a knot\".";
    private static final String ADVICE = """
            {"advice":[{"adviceId":"5f0c1d2e-8a44-4c36-9b9e-2d7f0f3b6a11","urgency":"SELF_CARE",
              "recommendations":[{"ruleId":"daily-water","text":"Drink, spread over the day."}]}],
             "reportHistory":[],"nudgeAcks":[{"eventId":"e-1","outcome":"DONE"}]}""";
    private static final String REMINDER = """
            {"preferences":[{"timeZone":"Europe/Berlin","kinds":["HYDRATION"]}],"workouts":[],"nudges":[],
             "drinks":[{"id":"d-1","amountMl":330},{"id":"d-2","amountMl":250,"nudgeId":"n-1"}],
             "hydrationTargets":[],"hydrationDays":[]}""";

    @AfterEach
    void resetStandIns() {
        Control.advice().reset();
        Control.reminder().reset();
    }

    @Test
    void everyServicesPartInOneDocumentFetchedWithTheCallersToken() {
        String user = "export-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> later = submit(user, now.minus(5, ChronoUnit.MINUTES));
        Map<String, Object> earlier = submit(user, now.minus(2, ChronoUnit.HOURS));
        Control.advice().answer(200, ADVICE);
        Control.reminder().answer(200, REMINDER);
        String token = TestTokens.user(user);

        JsonPath export = json(given().auth().oauth2(token).when().get("/api/v1/users/" + user + "/export").then()
                .statusCode(200).contentType(ContentType.JSON).extract().asString());

        assertEquals("crampcare-export/1", export.getString("format"));
        assertEquals(user, export.getString("userId"));
        Instant exportedAt = Instant.parse(export.getString("exportedAt"));
        assertTrue(Duration.between(exportedAt, Instant.now()).abs().toSeconds() < 60, "exportedAt is now");
        assertEquals(List.of(earlier, later), export.getList("intake.reports"), "every column, oldest first");
        assertEquals(json(ADVICE).getMap(""), export.getMap("advice"));
        assertEquals(json(REMINDER).getMap(""), export.getMap("reminder"));
        String asked = "GET /api/v1/users/" + user + "/data\nBearer " + token;
        assertEquals(asked, Control.advice().last(), "advice was asked with the caller's token");
        assertEquals(asked, Control.reminder().last(), "reminder was asked with the caller's token");

        assertEquals(export.getMap("intake"), json(asUser(user).when().get("/api/v1/users/" + user + "/data").then()
                .statusCode(200).extract().asString()).getMap(""), "intake's part alone");
    }

    @Test
    void anAdminExportsAnyoneAndAStrangerNobody() {
        String user = "export-" + UUID.randomUUID();
        submit(user, Instant.now().minus(1, ChronoUnit.HOURS));
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).header(TestTokens.ACCESS_REASON, "export for a court order").when()
                .get("/api/v1/users/" + user + "/export").then().statusCode(200)
                .body("intake.reports.size()", org.hamcrest.Matchers.is(1))
                // The admin's export is itself in the person's audit, with the reason given.
                .body("intake.audit.reason", org.hamcrest.Matchers.hasItem("export for a court order"))
                .body("intake.audit.operation", org.hamcrest.Matchers.hasItem("GET /api/v1/users/{userId}/export"));
        assertEquals("GET /api/v1/users/" + user + "/data\nBearer " + admin + "\nexport for a court order",
                Control.reminder().last(), "the other services are asked with the admin's token and reason");
        Control.reminder().reset();

        asUser("someone-else").when().get("/api/v1/users/" + user + "/export").then().statusCode(403)
                .contentType("application/problem+json");
        asUser("someone-else").when().get("/api/v1/users/" + user + "/data").then().statusCode(403);
        assertEquals("", Control.reminder().last(), "a refused export asks no other service");
    }

    @Test
    void aServiceThatDoesNotAnswerMakesItA503NamingIt() {
        String user = "export-" + UUID.randomUUID();
        Control.reminder().drop();
        unavailable(user, "reminder-service");

        Control.reminder().reset();
        Control.advice().answer(500, "{}");
        unavailable(user, "advice-service");

        Control.advice().answer(200, "not json");
        unavailable(user, "advice-service");
    }

    @Test
    void theCsvVariantIsAZipOfOneCsvPerTableAndTheDocument() throws IOException {
        String user = "export-" + UUID.randomUUID();
        Map<String, Object> report = submit(user, Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS));
        Control.advice().answer(200, ADVICE);
        Control.reminder().answer(200, REMINDER);

        Response response = asUser(user).queryParam("format", "csv").when().get("/api/v1/users/" + user + "/export")
                .then().statusCode(200).contentType("application/zip").extract().response();
        Map<String, String> files = unzip(response.asByteArray());

        assertEquals(List.of("export.json", "intake/reports.csv", "intake/audit.csv", "advice/advice.csv", "advice/reportHistory.csv",
                "advice/nudgeAcks.csv", "reminder/preferences.csv", "reminder/workouts.csv", "reminder/nudges.csv",
                "reminder/drinks.csv", "reminder/hydrationTargets.csv", "reminder/hydrationDays.csv"),
                List.copyOf(files.keySet()));
        JsonPath document = json(files.get("export.json"));
        assertEquals(List.of(report), document.getList("intake.reports"));
        assertEquals("crampcare-export/1", document.getString("format"));

        String header = String.join(",", report.keySet());
        String row = report.values().stream().map(ExportIT::cell).reduce((a, b) -> a + "," + b).orElseThrow();
        assertEquals(header + "\r\n" + row + "\r\n", files.get("intake/reports.csv"));
        assertTrue(files.get("intake/reports.csv").contains(",\"Left glute, \"\"like a knot\"\".\""),
                "RFC 4180 quoting");
        assertEquals("id,amountMl,nudgeId\r\nd-1,330,\r\nd-2,250,n-1\r\n", files.get("reminder/drinks.csv"),
                "a field absent in one row is an empty cell");
        assertEquals("timeZone,kinds\r\nEurope/Berlin,\"[\"\"HYDRATION\"\"]\"\r\n",
                files.get("reminder/preferences.csv"), "a list is its JSON text");
        assertEquals("", files.get("reminder/workouts.csv"), "a table without rows is an empty file");
    }

    @Test
    void anUnknownFormatIs400() {
        String user = "export-" + UUID.randomUUID();
        asUser(user).queryParam("format", "xml").when().get("/api/v1/users/" + user + "/export").then()
                .statusCode(400).contentType("application/problem+json");
    }

    private static void unavailable(String user, String service) {
        Response response = asUser(user).when().get("/api/v1/users/" + user + "/export").then().statusCode(503)
                .contentType("application/problem+json").extract().response();
        assertTrue(Integer.parseInt(response.header("Retry-After")) > 0);
        assertTrue(response.jsonPath().getString("detail").contains(service), response.asString());
    }

    /** Submits a report with every field; the report as the export shows it. */
    private static Map<String, Object> submit(String user, Instant occurredAt) {
        Map<String, Object> body = TestReports.valid(user, occurredAt);
        body.put("notes", NOTES);
        body.put("visibleLump", true);
        JsonPath stored = asUser(user).contentType(ContentType.JSON).body(body).when().post("/api/v1/cramp-reports")
                .then().statusCode(201).extract().jsonPath();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("id", stored.getString("id"));
        report.put("occurredAt", occurredAt.toString());
        report.put("receivedAt", stored.getString("receivedAt"));
        for (String field : List.of("muscle", "side", "onset", "severity", "durationSeconds", "context")) {
            report.put(field, body.get(field));
        }
        report.put("activityType", "SQUATS");
        report.put("activityIntensity", "HARD");
        report.put("activityMinutes", 45);
        for (String field : List.of("warmedUp", "stretchedAfter", "sweatingHeavily", "waterTodayMl",
                "waterLastHourMl", "visibleLump", "reliefBy", "symptoms", "newMedication", "takesStatin",
                "hotEnvironment", "unaccustomedExercise", "bodyWeightKg", "notes")) {
            report.put(field, body.get(field));
        }
        report.put("symptoms", List.of("NUMBNESS", "TINGLING")); // as stored: in the enum's order
        return report;
    }

    /** JSON read with decimals as doubles (bodyWeightKg), as the request bodies hold them. */
    private static JsonPath json(String text) {
        return JsonPath.from(text).using(JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.DOUBLE));
    }

    private static String cell(Object value) {
        String text = value instanceof List<?> list ? TestJson.write(list) : String.valueOf(value);
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                files.put(entry.getName(), new String(entries.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
