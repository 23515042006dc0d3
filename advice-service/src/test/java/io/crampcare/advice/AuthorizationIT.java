package io.crampcare.advice;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
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
    protected Map<String, Rule> rules() {
        return Map.of(
                "GET /api/v1/advice/{id}", Rule.OWN_RECORD,
                "GET /api/v1/cramp-reports/{reportId}/advice", Rule.OWN_RECORD,
                "GET /api/v1/users/{userId}/advice", Rule.NAMED_USER,
                "GET /api/v1/users/{userId}/adherence", Rule.NAMED_USER,
                "GET /api/v1/rules", Rule.ANY_USER,
                "GET /api/v1/admin/outbox", Rule.ADMIN,
                "GET /api/v1/admin/dead-letters/{topic}", Rule.ADMIN,
                "POST /api/v1/admin/dead-letters/{topic}/replay", Rule.ADMIN);
    }

    @Override
    protected Call call(String endpoint) {
        return switch (endpoint) {
            case "GET /api/v1/advice/{id}" -> new Call("/api/v1/advice/" + ownersAdvice(), null,
                    "/api/v1/advice/" + UUID.randomUUID());
            case "GET /api/v1/cramp-reports/{reportId}/advice" -> new Call(
                    "/api/v1/cramp-reports/" + ownersReport() + "/advice", null,
                    "/api/v1/cramp-reports/" + UUID.randomUUID() + "/advice");
            case "GET /api/v1/users/{userId}/advice" -> Call.of("/api/v1/users/" + OWNER + "/advice");
            case "GET /api/v1/users/{userId}/adherence" -> Call.of("/api/v1/users/" + OWNER + "/adherence");
            case "GET /api/v1/rules" -> Call.of("/api/v1/rules");
            case "GET /api/v1/admin/outbox" -> Call.of("/api/v1/admin/outbox");
            case "GET /api/v1/admin/dead-letters/{topic}" -> Call.of("/api/v1/admin/dead-letters/cramp-reports.dlq");
            // A dry run: the matrix checks access, it must not replay other tests' dead letters.
            case "POST /api/v1/admin/dead-letters/{topic}/replay" -> new Call("/api/v1/admin/dead-letters/cramp-reports.dlq/replay",
                    Map.of("dryRun", true), null);
            default -> throw new IllegalArgumentException(endpoint);
        };
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
