package io.crampcare.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ContractSchemasTest {

    @Test
    void mapsTypesToSchemaResourcesByConvention() {
        assertEquals("schemas/cramp-report-submitted.v1.json", ContractSchemas.resource(EventTypes.CRAMP_REPORT_SUBMITTED));
        assertEquals("schemas/advice-issued.v1.json", ContractSchemas.resource(EventTypes.ADVICE_ISSUED));
        assertEquals("schemas/nudge-due.v1.json", ContractSchemas.resource(EventTypes.NUDGE_DUE));
        assertEquals("schemas/nudge-acknowledged.v1.json", ContractSchemas.resource(EventTypes.NUDGE_ACKNOWLEDGED));
        assertEquals("schemas/drink-logged.v1.json", ContractSchemas.resource(EventTypes.DRINK_LOGGED));
        assertEquals("schemas/drink-deleted.v1.json", ContractSchemas.resource(EventTypes.DRINK_DELETED));
    }

    @Test
    void aTypeOfAnotherShapeHasNoSchema() {
        assertThrows(IllegalArgumentException.class, () -> ContractSchemas.resource("com.example.thing"));
        assertThrows(IllegalArgumentException.class, () -> ContractSchemas.resource(null));
        assertEquals(Optional.empty(), ContractSchemas.dataSchema("com.example.thing"));
    }

    @Test
    void theDataSchemaOfEveryTypeIsTheIdOfItsSchemaFile() {
        for (String type : EventTypes.ALL) {
            assertEquals(JsonSchemas.readJson(ContractSchemas.resource(type)).path("$id").asText(),
                    ContractSchemas.dataSchema(type).orElseThrow().toString(), type + ": ce_dataschema = the schema's $id");
        }
        assertEquals("https://crampcare.io/schemas/cramp-report-submitted.v1.json",
                ContractSchemas.dataSchema(EventTypes.CRAMP_REPORT_SUBMITTED).orElseThrow().toString());
    }

    @Test
    void aKnownTypesDataSchemaIsResolvedOnce() {
        for (String type : EventTypes.ALL) {
            URI first = ContractSchemas.dataSchema(type).orElseThrow();
            assertSame(first, ContractSchemas.dataSchema(type).orElseThrow(), type);
        }
        // A type of the CrampCare shape that no constant names still gets its URI, resolved as it is asked for.
        assertEquals("https://crampcare.io/schemas/thing-done.v2.json",
                ContractSchemas.dataSchema("io.crampcare.thing.done.v2").orElseThrow().toString());
    }

    @Test
    void allListsEveryType() throws IllegalAccessException {
        List<String> constants = new ArrayList<>();
        for (Field field : EventTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        assertEquals(constants, EventTypes.ALL, "EventTypes.ALL, in the order the constants are declared");
    }
}
