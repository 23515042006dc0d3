package io.crampcare.intake;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.crampcare.testsupport.DatabaseOutage;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Without its database intake cannot accept a report, and says so the way a client can act on: 503, a problem,
 * Retry-After, nothing stored; it is not ready (a load balancer stops sending) but live. Reports accepted before the
 * outage are still there after it.
 */
@QuarkusTest
class DatabaseOutageIT {

    private static final String REPORTS = "/api/v1/cramp-reports";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void withoutItsDatabaseIntakeAnswers503AndKeepsWhatItAccepted() throws Exception {
        String user = TestUsers.newUser("outage");
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        String accepted = asAdmin().contentType(ContentType.JSON).body(TestReports.valid(user, at))
                .when().post(REPORTS).then().statusCode(201).extract().path("id");

        try (DatabaseOutage outage = DatabaseOutage.of(jdbcUrl, "intake_svc")) {
            asAdmin().contentType(ContentType.JSON).body(TestReports.valid(user, at.plusSeconds(1)))
                    .when().post(REPORTS)
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "2")
                    .body("type", is("https://crampcare.io/problems/unavailable"))
                    .body("status", is(503));
            given().when().get("/q/health/ready").then().statusCode(503);
            given().when().get("/q/health/live").then().statusCode(200);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        asAdmin().when().get(REPORTS + "/" + accepted).then().statusCode(200).body("id", is(accepted));
        asAdmin().queryParam("userId", user).when().get(REPORTS).then().statusCode(200)
                .body("items.size()", is(1)); // the refused one was not stored
        asAdmin().contentType(ContentType.JSON).body(TestReports.valid(user, at.plusSeconds(2)))
                .when().post(REPORTS).then().statusCode(201);
    }
}
