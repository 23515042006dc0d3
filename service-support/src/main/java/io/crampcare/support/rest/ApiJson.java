package io.crampcare.support.rest;

import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON of the REST API, one convention for all three services: a value that is absent is left out, never sent
 * as {@code null}. The OpenAPI documents list under {@code required} what every response carries; anything else may
 * be missing, and no schema needs to allow null. (Event payloads keep their own convention, in their JSON Schemas.)
 * Otherwise the application's ObjectMapper as configured (strict reading: {@code StrictJson}), and a request body's
 * null (or absent value) never becomes a primitive's 0 or false. (Not for events: an older producer's payload may lack
 * a newer primitive field.)
 */
@Provider
@Singleton
public class ApiJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    ApiJson(ObjectMapper application) {
        this.mapper = application.copy().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }

    /** A response body exactly as the API sends it (for answers stored to be replayed). */
    public String write(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Serializing a response failed", e);
        }
    }
}
