package io.crampcare.intake;

import static io.crampcare.testsupport.TestTokens.asUser;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.TestTraces;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The first hop of a trace: a report posted in a trace is published in it (traceparent header, via the outbox). */
@QuarkusTest
class TracingIT {

    @Test
    void theReportEventContinuesTheTraceOfThePost() {
        String user = TestUsers.newUser("traced");
        String traceparent = TestTraces.newTraceparent();
        asUser(user).header("traceparent", traceparent).contentType(ContentType.JSON).body(TestReports.valid(user))
                .when().post("/api/v1/cramp-reports").then().statusCode(201);
        // The parent in the record is intake's own publish span, in the caller's trace.
        TestTraces.assertPublishedInTrace(Topics.CRAMP_REPORTS, user, traceparent);
    }
}
