package io.crampcare.advice;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.AuthorizationMatrix;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;

/** Who may call which advice endpoint (see {@link AuthorizationMatrix}). */
@QuarkusTest
class AuthorizationIT extends AuthorizationMatrix {

    private static final UUID REPORT_ID = UUID.randomUUID();
    /** The owner's report goes in as an event; its advice is the record the calls address. */
    private static final Supplier<String> OWNERS_ADVICE = once(() -> {
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.send(Topics.CRAMP_REPORTS, OWNER, UUID.randomUUID().toString(), EventTypes.CRAMP_REPORT_SUBMITTED,
                    AdviceEvents.INTAKE_SOURCE, AdviceEvents.json(AdviceEvents.report(OWNER, REPORT_ID)));
        }
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> asAdmin().when().get("/api/v1/cramp-reports/" + REPORT_ID + "/advice"),
                r -> r.statusCode() == 200).path("adviceId");
    });

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                ownRecord("GET /api/v1/advice/{id}", OWNERS_ADVICE),
                ownRecord("GET /api/v1/cramp-reports/{reportId}/advice", () -> {
                    OWNERS_ADVICE.get(); // the report exists once its advice does
                    return REPORT_ID;
                }),
                namedUser("GET /api/v1/users/{userId}/advice"),
                namedUser("GET /api/v1/users/{userId}/adherence"),
                namedUser("GET /api/v1/users/{userId}/data"),
                anyUser("GET /api/v1/rules"));
    }
}
