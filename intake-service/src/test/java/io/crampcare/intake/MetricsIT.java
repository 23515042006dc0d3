package io.crampcare.intake;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.crampcare.testsupport.Scrape;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What ops read on /q/metrics: accepted reports, and rejections by problem type and status. */
@QuarkusTest
class MetricsIT {

    private static final String REPORTS = "/api/v1/cramp-reports";
    private static final String ACCEPTED = "crampcare_reports_accepted_total";
    private static final String INVALID = "crampcare_requests_rejected_total{status=\"400\",type=\"validation\"}";
    private static final String TOO_LARGE = "crampcare_requests_rejected_total{status=\"413\",type=\"http\"}";
    private static final String UNAUTHORIZED = "crampcare_requests_rejected_total{status=\"401\",type=\"unauthorized\"}";

    private final String user = TestUsers.newUser("metrics");

    @Test
    void acceptedAndRejectedReportsAreCounted() {
        double accepted = Scrape.value(ACCEPTED);
        double invalid = Scrape.value(INVALID);
        double tooLarge = Scrape.value(TOO_LARGE);
        double unauthorized = Scrape.value(UNAUTHORIZED);

        asAdmin().contentType(ContentType.JSON).body(TestReports.valid(user)).when().post(REPORTS).then().statusCode(201);
        Map<String, Object> bad = TestReports.valid(user);
        bad.put("severity", 11);
        asAdmin().contentType(ContentType.JSON).body(bad).when().post(REPORTS).then().statusCode(400);
        Map<String, Object> huge = TestReports.valid(user);
        huge.put("notes", "n".repeat(100_000));
        asAdmin().contentType(ContentType.JSON).body(huge).when().post(REPORTS).then().statusCode(413);
        given().contentType(ContentType.JSON).body(TestReports.valid(user)).when().post(REPORTS).then().statusCode(401);

        assertEquals(accepted + 1, Scrape.value(ACCEPTED));
        assertEquals(invalid + 1, Scrape.value(INVALID));
        assertEquals(tooLarge + 1, Scrape.value(TOO_LARGE));
        assertEquals(unauthorized + 1, Scrape.value(UNAUTHORIZED));
    }
}
