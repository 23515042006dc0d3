package io.crampcare.support.problem;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A field given twice in one JSON object is an error (400), not "the last one wins": otherwise two readers of the same
 * body could disagree about it, and records fail on it with a server-side error.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    }
}
