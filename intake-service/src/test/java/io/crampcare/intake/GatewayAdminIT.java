package io.crampcare.intake;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static io.crampcare.testsupport.TestTokens.asUser;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.crampcare.support.problem.ProblemMappers;
import io.crampcare.support.problem.ProblemTypes;
import io.crampcare.support.security.GatewayAdminFilter;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The operator endpoints (service-support's outbox view here) refuse whatever the API gateway relays, in every
 * spelling of their path, whoever asks; on the service's own port they serve ops as before.
 */
@QuarkusTest
class GatewayAdminIT {

    private static final String OUTBOX = "/api/v1/admin/outbox";
    /** Reached the outbox through the gateway before issue 27 (FIELD-NOTES, "Measured 2026-12-06"). */
    private static final String MATRIX_TRICK = OUTBOX + ";x%2F..%2F..%2Fcramp-reports";
    private static final List<String> SPELLINGS = List.of(OUTBOX, MATRIX_TRICK, "/api/v1/admin;x/outbox",
            "/api/v1/%61dmin/outbox", "/api//v1/./admin/outbox");

    /** As the gateway relays it: marked, and the raw path sent exactly as written. */
    private static RequestSpecification relayed(RequestSpecification request) {
        return request.header(GatewayAdminFilter.HEADER, "1").urlEncodingEnabled(false);
    }

    @Test
    void theMatrixTrickReachesTheOutboxOnTheServicePort() {
        // Without the gateway's mark the service routes the trick to the outbox: what the filter has to catch.
        asAdmin().urlEncodingEnabled(false).when().get(MATRIX_TRICK).then().statusCode(200)
                .body("pending", notNullValue());
    }

    @Test
    void relayedOperatorPathsAreNotFoundForAdmins() {
        for (String path : SPELLINGS) {
            notFound(relayed(asAdmin()).when().get(path).andReturn(), path);
        }
        notFound(relayed(asAdmin()).when().post(OUTBOX + "/parked/retry").andReturn(), "POST retry");
    }

    @Test
    void relayedOperatorPathsAreNotFoundWhateverTheToken() {
        notFound(relayed(RestAssured.given()).when().get(MATRIX_TRICK).andReturn(), "no token");
        notFound(relayed(asUser(TestUsers.newUser("relayed"))).when().get(OUTBOX).andReturn(),
                "user token");
    }

    @Test
    void relayedApiCallsAreServed() {
        String user = TestUsers.newUser("relayed");
        relayed(asUser(user)).contentType(ContentType.JSON).body(TestReports.valid(user))
                .when().post("/api/v1/cramp-reports").then().statusCode(201);
        relayed(asUser(user)).when().get("/api/v1/cramp-reports?userId=" + user).then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    /** The filter's own answer (the detail tells it from the router's 404), naming what was sent. */
    private static void notFound(Response response, String what) {
        assertEquals(404, response.statusCode(), what);
        assertEquals(ProblemMappers.PROBLEM_JSON, response.contentType(), what);
        assertEquals(ProblemTypes.NOT_FOUND, response.path("type"), what);
        assertEquals("No CrampCare API at this path.", response.path("detail"), what);
    }
}
