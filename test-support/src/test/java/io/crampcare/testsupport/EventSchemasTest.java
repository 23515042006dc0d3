package io.crampcare.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.EventTypes;

class EventSchemasTest {

    static final String MINIMAL_REPORT = """
            {"reportId":"0c8b7a69-5847-4a3b-9c2d-1e0f9a8b7c6d","userId":"user-42",
             "occurredAt":"2026-11-25T02:10:00Z","receivedAt":"2026-11-25T06:00:00Z",
             "muscle":"CALF","side":"RIGHT","onset":"GRADUAL","severity":3,"durationSeconds":40,
             "context":"DURING_SLEEP","activity":null,"symptoms":[],"notes":null}
            """;

    @Test
    void mapsTypesToSchemaResourcesByConvention() {
        assertEquals("schemas/cramp-report-submitted.v1.json", EventSchemas.schemaResource(EventTypes.CRAMP_REPORT_SUBMITTED));
        assertEquals("schemas/nudge-acknowledged.v1.json", EventSchemas.schemaResource(EventTypes.NUDGE_ACKNOWLEDGED));
    }

    @Test
    void validPayloadPasses() {
        assertEquals(List.of(), EventSchemas.violations(EventTypes.CRAMP_REPORT_SUBMITTED, MINIMAL_REPORT));
        EventSchemas.assertValid(EventTypes.CRAMP_REPORT_SUBMITTED, MINIMAL_REPORT);
    }

    @Test
    void invalidPayloadIsReportedWithEveryViolation() {
        String bad = MINIMAL_REPORT.replace("\"severity\":3", "\"severity\":11").replace("\"CALF\"", "\"ELBOW\"");
        List<String> violations = EventSchemas.violations(EventTypes.CRAMP_REPORT_SUBMITTED, bad);
        assertEquals(2, violations.size(), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("severity")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("muscle")), violations.toString());

        AssertionError error = assertThrows(AssertionError.class,
                () -> EventSchemas.assertValid(EventTypes.CRAMP_REPORT_SUBMITTED, bad));
        violations.forEach(v -> assertTrue(error.getMessage().contains(v), error.getMessage()));
    }

    @Test
    void malformedJsonIsAViolationNotACrash() {
        List<String> violations = EventSchemas.violations(EventTypes.CRAMP_REPORT_SUBMITTED, "{");
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("payload is not JSON"), violations.get(0));
    }

    @Test
    void unknownTypeFailsClearly() {
        IllegalArgumentException noSchema = assertThrows(IllegalArgumentException.class,
                () -> EventSchemas.violations("io.crampcare.cramp-report.withdrawn.v1", "{}"));
        assertTrue(noSchema.getMessage().contains("schemas/cramp-report-withdrawn.v1.json"), noSchema.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EventSchemas.violations("com.example.thing", "{}"));
    }
}
