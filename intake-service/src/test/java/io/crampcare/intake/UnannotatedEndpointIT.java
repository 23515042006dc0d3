package io.crampcare.intake;

import static io.restassured.RestAssured.given;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

import io.crampcare.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An endpoint someone forgot to annotate is closed to everyone, admins included (service-support sets
 * quarkus.security.jaxrs.deny-unannotated-endpoints for every service): a missing annotation fails closed.
 */
@QuarkusTest
class UnannotatedEndpointIT {

    /** A test-only resource with no security annotation, left out of the API document. */
    @Path("/test-only/unannotated")
    public static class UnannotatedResource {
        @GET
        @Operation(hidden = true)
        public String get() {
            return "should never be seen";
        }
    }

    @Test
    void isDeniedToEveryCaller() {
        given().when().get("/test-only/unannotated").then().statusCode(401);
        TestTokens.asUser("alice").when().get("/test-only/unannotated").then().statusCode(403);
        TestTokens.asAdmin().when().get("/test-only/unannotated").then().statusCode(403);
    }
}
