package io.crampcare.intake;

import java.util.List;
import java.util.function.Supplier;

import io.crampcare.testsupport.AuthorizationMatrix;
import io.crampcare.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may call which intake endpoint (see {@link AuthorizationMatrix}). */
@QuarkusTest
class AuthorizationIT extends AuthorizationMatrix {

    private static final Supplier<String> OWNERS_REPORT = once(() -> TestTokens.asUser(OWNER)
            .contentType(ContentType.JSON).body(TestReports.valid(OWNER))
            .when().post("/api/v1/cramp-reports").then().statusCode(201).extract().path("id"));

    /** The erasure rows erase their own owner, whom no other row needs. */
    private static final String ERASED = "erased-" + Long.toHexString(System.nanoTime());
    private static final Supplier<String> ERASURE = once(() -> TestTokens.asUser(ERASED)
            .when().post("/api/v1/users/" + ERASED + "/erasure").then().statusCode(202).extract().path("id"));

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                namedUser("POST /api/v1/cramp-reports").body(() -> TestReports.valid(OWNER)),
                namedUser("GET /api/v1/cramp-reports").query("?userId=" + OWNER),
                namedUser("GET /api/v1/users/{userId}/data"),
                namedUser("GET /api/v1/users/{userId}/export"),
                ownRecord("GET /api/v1/cramp-reports/{id}", OWNERS_REPORT),
                namedUser("POST /api/v1/users/{userId}/erasure").ownedBy(ERASED),
                ownRecord("GET /api/v1/erasures/{erasureId}", ERASURE).ownedBy(ERASED));
    }
}
