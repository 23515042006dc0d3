package io.crampcare.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ContractSchemasTest {

    @Test
    void mapsTypesToSchemaResourcesByConvention() {
        assertEquals("schemas/cramp-report-submitted.v1.json", ContractSchemas.resource(EventTypes.CRAMP_REPORT_SUBMITTED));
        assertEquals("schemas/advice-issued.v1.json", ContractSchemas.resource(EventTypes.ADVICE_ISSUED));
        assertEquals("schemas/nudge-due.v1.json", ContractSchemas.resource(EventTypes.NUDGE_DUE));
        assertEquals("schemas/nudge-acknowledged.v1.json", ContractSchemas.resource(EventTypes.NUDGE_ACKNOWLEDGED));
    }

    @Test
    void aTypeOfAnotherShapeHasNoSchema() {
        assertThrows(IllegalArgumentException.class, () -> ContractSchemas.resource("com.example.thing"));
        assertThrows(IllegalArgumentException.class, () -> ContractSchemas.resource(null));
    }
}
