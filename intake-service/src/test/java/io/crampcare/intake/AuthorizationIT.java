package io.crampcare.intake;

import java.util.Map;
import java.util.UUID;

import io.crampcare.testsupport.AuthorizationMatrix;
import io.crampcare.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may call which intake endpoint (see {@link AuthorizationMatrix}). */
@QuarkusTest
class AuthorizationIT extends AuthorizationMatrix {

    private static String reportId;

    @Override
    protected Map<String, Rule> rules() {
        return Map.of(
                "POST /api/v1/cramp-reports", Rule.NAMED_USER,
                "GET /api/v1/cramp-reports", Rule.NAMED_USER,
                "GET /api/v1/cramp-reports/{id}", Rule.OWN_RECORD,
                "GET /api/v1/admin/outbox", Rule.ADMIN,
                "GET /api/v1/admin/dead-letters/{topic}", Rule.ADMIN,
                "POST /api/v1/admin/dead-letters/{topic}/replay", Rule.ADMIN);
    }

    @Override
    protected Call call(String endpoint) {
        return switch (endpoint) {
            case "POST /api/v1/cramp-reports" -> new Call("/api/v1/cramp-reports", TestReports.valid(OWNER), null);
            case "GET /api/v1/cramp-reports" -> Call.of("/api/v1/cramp-reports?userId=" + OWNER);
            case "GET /api/v1/cramp-reports/{id}" -> new Call("/api/v1/cramp-reports/" + ownersReport(), null,
                    "/api/v1/cramp-reports/" + UUID.randomUUID());
            case "GET /api/v1/admin/outbox" -> Call.of("/api/v1/admin/outbox");
            case "GET /api/v1/admin/dead-letters/{topic}" -> Call.of("/api/v1/admin/dead-letters/cramp-reports.dlq");
            // A dry run: the matrix checks access, it must not replay other tests' dead letters.
            case "POST /api/v1/admin/dead-letters/{topic}/replay" -> new Call("/api/v1/admin/dead-letters/cramp-reports.dlq/replay",
                    Map.of("dryRun", true), null);
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    private static synchronized String ownersReport() {
        if (reportId == null) {
            reportId = TestTokens.asUser(OWNER).contentType(ContentType.JSON).body(TestReports.valid(OWNER))
                    .when().post("/api/v1/cramp-reports").then().statusCode(201).extract().path("id");
        }
        return reportId;
    }
}
