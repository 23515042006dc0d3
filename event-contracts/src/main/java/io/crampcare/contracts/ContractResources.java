package io.crampcare.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads this module's contract files (JSON Schemas, asyncapi.yaml) from the classpath. */
public final class ContractResources {

    private ContractResources() {
    }

    /**
     * A classpath resource as a tree, parsed by {@code mapper} (a YAML mapper for asyncapi.yaml).
     *
     * @throws IllegalArgumentException when there is no such resource
     */
    public static JsonNode readTree(String resource, ObjectMapper mapper) {
        try (InputStream in = ContractResources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + resource);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
