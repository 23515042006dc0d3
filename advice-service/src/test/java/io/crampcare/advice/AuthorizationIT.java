package io.crampcare.advice;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.AuthorizationMatrix;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;

/** Who may call which advice endpoint (see {@link AuthorizationMatrix}). */
@QuarkusTest
class AuthorizationIT extends AuthorizationMatrix {

    private static UUID reportId;
    private static String adviceId;

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                ownRecord("GET /api/v1/advice/{id}", AuthorizationIT::ownersAdvice),
                ownRecord("GET /api/v1/cramp-reports/{reportId}/advice", AuthorizationIT::ownersReport),
                namedUser("GET /api/v1/users/{userId}/advice"),
                namedUser("GET /api/v1/users/{userId}/adherence"),
                anyUser("GET /api/v1/rules"));
    }

    private static synchronized UUID ownersReport() {
        ownersAdvice();
        return reportId;
    }

    /** The owner's report goes in as an event; its advice is the record the calls address. */
    private static synchronized String ownersAdvice() {
        if (adviceId == null) {
            reportId = UUID.randomUUID();
            try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
                writer.send(Topics.CRAMP_REPORTS, OWNER, UUID.randomUUID().toString(), EventTypes.CRAMP_REPORT_SUBMITTED,
                        AdviceEvents.INTAKE_SOURCE, AdviceEvents.json(AdviceEvents.report(OWNER, reportId)));
            }
            adviceId = await().atMost(Duration.ofSeconds(30)).until(
                    () -> asAdmin().when().get("/api/v1/cramp-reports/" + reportId + "/advice"),
                    r -> r.statusCode() == 200).path("adviceId");
        }
        return adviceId;
    }
}
