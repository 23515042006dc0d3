package io.crampcare.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.Schema;

/** Helpers the contract tests share: read a classpath resource, compile a schema, serialize like Quarkus. */
public final class JsonSchemas {

    /** Serializes the way Quarkus's ObjectMapper does for our payloads: ISO-8601 instants, nulls included. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonSchemas() {
    }

    /** A classpath resource as a JSON tree. */
    public static JsonNode readJson(String resource) {
        return ContractResources.readTree(resource, MAPPER);
    }

    /** A JSON text as a tree. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    /** The validator for a schema resource, with format assertions on. */
    public static Schema compile(String resource) {
        return compile(readJson(resource));
    }

    /** The validator for a schema given as a tree, with format assertions on. */
    public static Schema compile(JsonNode schema) {
        return ContractSchemas.compile(schema);
    }
}
