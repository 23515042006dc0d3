package io.crampcare.advice;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.crampcare.testsupport.StrictInputChecks;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StrictInputIT extends StrictInputChecks {

    private static final String REPLAY = "/api/v1/admin/dead-letters/cramp-reports.dlq/replay";

    @Override
    protected BodyOperation bodyOperation() {
        return new BodyOperation("POST", REPLAY, Map.of("dryRun", true));
    }

    @Override
    protected NotAllowed notAllowed() {
        return new NotAllowed("POST", "/api/v1/rules", Set.of("GET", "HEAD", "OPTIONS"));
    }

    @Override
    protected TextParameter textParameter() {
        return new TextParameter("userId", "/api/v1/users/%s/advice");
    }

    static Stream<Arguments> coercions() {
        return Stream.of(
                Arguments.of(Map.of("dryRun", "true"), "dryRun"),
                Arguments.of(Map.of("dryRun", 1), "dryRun"),
                Arguments.of(Map.of("ceIds", List.of("a\u0000")), "ceIds[0]"),
                Arguments.of(Map.of("ceIds", List.of(7)), "ceIds[0]"),
                Arguments.of(Map.of("from", 1_764_000_000L), "from"));
    }

    @ParameterizedTest(name = "replay {0} -> 400 naming {1}")
    @MethodSource("coercions")
    void noCoercion(Map<String, Object> body, String field) {
        assertFieldRejected("POST", REPLAY, body, field);
    }
}
