package io.crampcare.system.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The strict-input sweep without any service: it covers every field, parameter and body endpoint, and sends. */
class StrictInputCasesTest {

    private static final Targets TARGETS = new Targets("fuzz-user", "token", "fuzz-victim",
            "0b7c2f0e-8f4a-4e7e-9d55-6a1f2f3c9b11", "5f0c1d2e-8a44-4c36-9b9e-2d7f0f3b6a11",
            "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d", "1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a",
            "01a2516c-b68c-77e3-9852-85d3b00ef804");
    private static final List<StrictInputCases.Case> CASES = StrictInputCases.generate(TARGETS);

    /** The endpoints strict cases aim at: not the admin ones, which refuse the user's token first. */
    private static List<Endpoint> userEndpoints() {
        return Arrays.stream(Endpoint.values()).filter(e -> !e.admin()).toList();
    }

    @Test
    void adminEndpointsGetNoStrictCases() {
        Arrays.stream(Endpoint.values()).filter(Endpoint::admin)
                .forEach(e -> assertEquals(List.of(), on(e), e.toString()));
    }

    private static List<StrictInputCases.Case> on(Endpoint e) {
        return CASES.stream().filter(c -> c.request().description().startsWith(e.label() + " [")).toList();
    }

    @Test
    void everyBodyFieldGetsANulAndEachCoercionOfItsKind() {
        for (Endpoint e : userEndpoints()) {
            for (Bodies.Field f : Bodies.fields(e.body)) {
                Set<String> notes = on(e).stream().filter(c -> c.status() == 400 && f.path().equals(c.field()))
                        .map(c -> c.request().description()).collect(Collectors.toSet());
                int expected = switch (f.kind()) {
                    case OBJECT -> 0;
                    case INT, NUMBER, BOOL -> 3;
                    default -> 2;
                };
                assertEquals(expected, notes.size(), e + " " + f.path() + ": " + notes);
                if (f.kind() != Bodies.Kind.OBJECT) {
                    assertTrue(on(e).stream().anyMatch(c -> f.path().equals(c.field())
                            && new String(c.request().body(), StandardCharsets.UTF_8).contains("\\u0000")),
                            e + " " + f.path() + " has no NUL case");
                }
            }
        }
    }

    @Test
    void everyPathAndQueryParameterGetsANul() {
        for (Endpoint e : userEndpoints()) {
            Set<String> named = on(e).stream().filter(c -> c.request().description().contains("strict: NUL "))
                    .map(StrictInputCases.Case::field).collect(Collectors.toSet());
            int expected = (e.userInPath ? 1 : 0) + (e.hasId() ? 1 : 0) + (e.query.userId ? 1 : 0)
                    + (e.query.timeRange ? 2 : 0) + (e.query.paged ? 2 : 0) + (e.query.status ? 1 : 0) + (e.query.format ? 1 : 0);
            assertEquals(expected, named.size(), e + ": " + named);
            on(e).stream().filter(c -> c.request().description().contains("strict: NUL "))
                    .forEach(c -> assertTrue(c.request().path().contains("%00"), c.request().toString()));
        }
    }

    @Test
    void everyBodyEndpointGets415WithoutContentTypeAnd413ForAChunkedBody() {
        for (Endpoint e : userEndpoints()) {
            if (!e.takesBody()) {
                continue;
            }
            assertTrue(on(e).stream().anyMatch(c -> c.status() == 415 && !c.request().headers().containsKey("Content-Type")
                    && c.request().bodyLength() > 0), e.toString());
            assertTrue(on(e).stream().anyMatch(c -> c.status() == 413 && c.chunked()
                    && c.request().bodyLength() > 64 * 1024), e.toString());
        }
        assertTrue(CASES.stream().anyMatch(c -> c.chunked() && c.request().bodyLength() > 1024 * 1024),
                "a chunked body past Quarkus' own 1 MiB cap");
    }

    @Test
    void everyServiceGetsA405WithItsAllow() {
        Set<String> services = CASES.stream().filter(c -> c.status() == 405)
                .peek(c -> assertTrue(c.allow().contains("OPTIONS") && !c.allow().contains(c.request().method()),
                        c.toString()))
                .map(c -> c.request().service()).collect(Collectors.toSet());
        assertEquals(Set.of("intake", "advice", "reminder"), services);
    }

    @Test
    void everyCaseIsSendableAndTheSameEachTime() {
        assertEquals(CASES, StrictInputCases.generate(TARGETS));
        for (StrictInputCases.Case c : CASES) {
            HostileRequest r = c.request();
            assertDoesNotThrow(() -> r.toHttp("http://127.0.0.1:8081", c.chunked()).build(), r.toString());
            assertTrue(c.status() != 400 || c.field() != null, r.toString());
        }
    }
}
