package io.crampcare.support.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class ConsumerReadinessTest {

    @Test
    void downWhileARecordWaitsOnATransientFailureUpOnceItMoves() {
        ConsumerReadiness readiness = new ConsumerReadiness();
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());

        readiness.waiting("cramp-reports-2", "e1", 1, new SQLException("Connection refused", "08001"));
        readiness.waiting("cramp-reports-2", "e1", 2, new SQLException("Connection refused", "08001"));
        HealthCheckResponse down = readiness.call();
        assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
        String detail = String.valueOf(down.getData().orElseThrow().get("cramp-reports-2"));
        assertTrue(detail.contains("event e1") && detail.contains("attempt 2") && detail.contains("Connection refused"),
                detail);

        readiness.moving("cramp-reports-2");
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
    }
}
