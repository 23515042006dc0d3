package io.crampcare.advice;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.crampcare.testsupport.TestUsers;
import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The advice API: the ruleset for review, a user's advice page by page, and clear errors. */
@QuarkusTest
class AdviceApiIT {

    @Test
    void rulesAreListedWithTheirSources() {
        asAdmin().when().get("/api/v1/rules")
                .then().statusCode(200)
                .body("version", not(emptyOrNullString()))
                .body("frequentReports", is(3))
                .body("frequentWindowDays", is(14))
                .body("rules.id", hasItems("red-flag-nerve-emergency", "daily-water", "frequent-despite-advice"))
                .body("rules.source.reference", everyItem(not(emptyOrNullString())))
                .body("rules.source.type", everyItem(org.hamcrest.Matchers.oneOf("ARTICLE", "LITERATURE")))
                .body("rules.id", hasItems("overdrinking-symptoms-emergency", "heat-illness-emergency",
                        "dark-urine-emergency", "breathless-emergency", "fever-signs", "daily-water-left"))
                .body("hydration.maxDailyMl", is(6000))
                .body("hydration.maxPerHourMl", is(1000));
    }

    @Test
    void rulesPageIsServedBesideTheCatalogueWithoutAToken() {
        given().when().get("/docs/rules.html")
                .then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/html"))
                .body(org.hamcrest.Matchers.containsString("data-rule=\"overdrinking-guard\""))
                .body(org.hamcrest.Matchers.containsString("data-rule=\"daily-water\""));
        given().when().get("/docs/events.html").then().statusCode(200);
    }

    @Test
    void aUsersAdviceIsPagedWithoutGapsOrRepeats() {
        String user = TestUsers.newUser("paging");
        List<String> reports = new ArrayList<>();
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            for (int i = 0; i < 5; i++) {
                UUID reportId = UUID.randomUUID();
                reports.add(reportId.toString());
                writer.send(Topics.CRAMP_REPORTS, user, UUID.randomUUID().toString(), EventTypes.CRAMP_REPORT_SUBMITTED,
                        AdviceEvents.INTAKE_SOURCE, AdviceEvents.json(AdviceEvents.report(user, reportId,
                                Instant.now().minus(5 - i, ChronoUnit.HOURS))));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(
                () -> asAdmin().queryParam("pageSize", 100).when().get("/api/v1/users/" + user + "/advice")
                        .jsonPath().getList("items").size() == 5);

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            var request = asAdmin().queryParam("pageSize", 2);
            if (token != null) {
                request.queryParam("pageToken", token);
            }
            JsonPath page = request.when().get("/api/v1/users/" + user + "/advice").then().statusCode(200)
                    .extract().jsonPath();
            seen.addAll(page.getList("items.reportId"));
            token = page.getString("nextPageToken");
            pages++;
        } while (token != null && pages < 10);
        assertEquals(3, pages);
        assertEquals(5, seen.size());
        assertEquals(new HashSet<>(reports), new HashSet<>(seen));
    }

    @Test
    void badPagingIs400() {
        asAdmin().queryParam("pageSize", 0).when().get("/api/v1/users/someone/advice")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("pageSize"));
        asAdmin().queryParam("pageToken", "nope").when().get("/api/v1/users/someone/advice")
                .then().statusCode(400).body("errors.field", hasItems("pageToken"));
    }

    @Test
    void unknownAdviceIs404() {
        asAdmin().when().get("/api/v1/advice/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().when().get("/api/v1/advice/not-a-uuid").then().statusCode(404);
        asAdmin().when().get("/api/v1/users/nobody-" + UUID.randomUUID() + "/advice").then().statusCode(200)
                .body("items", hasSize(0));
    }
}
