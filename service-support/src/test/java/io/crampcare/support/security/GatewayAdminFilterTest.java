package io.crampcare.support.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which raw paths the filter counts as operator endpoints (GatewayAdminIT in intake shows it on the wire). */
class GatewayAdminFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/admin/outbox",
            "/api/v1/admin",
            "/api/v1/admin/dead-letters/cramp-reports.dlq/replay",
            // Measured through the gateway before issue 27: the matrix parameter hides the rest from the matcher.
            "/api/v1/admin/outbox;x%2F..%2F..%2Fcramp-reports",
            "/api/v1/admin;x/outbox",
            "/api/v1;a=b/admin/outbox",
            "/api/v1/%61dmin/outbox",
            "/api/v1/ADMIN/outbox",
            "/api//v1/./admin/outbox",
            "/api/v1/cramp-reports/../admin/outbox",
            "/api/v1/cramp-reports/..%2F..%2Fv1/admin/outbox",
            "/api/v1/cramp-reports%2F..%2Fadmin%2Foutbox",
            "/api/v1/users\\..\\admin\\outbox",
    })
    void operatorPathsInAnySpelling(String rawPath) {
        assertTrue(GatewayAdminFilter.namesAdmin(rawPath), rawPath);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/cramp-reports",
            "/api/v1/users/admin/nudges",
            "/api/v1/users/administrator/advice",
            "/api/v1/administrative",
            "/api/v1/admin-console",
            "/api/v1/cramp-reports/%zz",
            "/q/health/ready",
            "/",
            "",
    })
    void everythingElse(String rawPath) {
        assertFalse(GatewayAdminFilter.namesAdmin(rawPath), rawPath);
    }
}
