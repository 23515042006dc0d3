package io.crampcare.support.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class RetryPolicyTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConsumerReadiness readiness = new ConsumerReadiness();
    private final ShutdownGate gate = new ShutdownGate();
    private final RetryPolicy policy = new RetryPolicy(config(3), registry, readiness, gate);

    @Test
    void aTransientFailureIsRetriedUntilItWorksWhileReadinessSaysDown() {
        AtomicInteger calls = new AtomicInteger();
        List<HealthCheckResponse.Status> seen = new ArrayList<>();
        String result = policy.run(policy.ofBatch("t", List.of("t-0", "t-1"), "e1", 2), () -> {
            if (calls.incrementAndGet() < 6) { // more than the bound for unknown failures
                seen.add(readiness.call().getStatus());
                throw new IllegalStateException(new SQLException("Connection refused", "08001"));
            }
            seen.add(readiness.call().getStatus());
            return "done";
        });
        assertEquals("done", result);
        assertEquals(6, calls.get());
        assertEquals(HealthCheckResponse.Status.DOWN, seen.get(5), "waiting while retrying");
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus(), "moving once done");
        assertEquals(5, retries("transient"));
    }

    @Test
    void anUnknownFailureIsGivenUpAfterTheRecordsAttemptsAndAtOnceForABatch() {
        AtomicInteger calls = new AtomicInteger();
        IllegalArgumentException bug = new IllegalArgumentException("a bug");
        assertSame(bug, assertThrows(IllegalArgumentException.class, () -> policy.run(policy.ofRecord("t", "t-0", "e1"),
                () -> {
                    calls.incrementAndGet();
                    throw bug;
                })));
        assertEquals(3, calls.get(), "crampcare.inbox.max-attempts");
        assertEquals(2, retries("unknown"));

        calls.set(0);
        assertThrows(IllegalArgumentException.class, () -> policy.run(policy.ofBatch("t", List.of("t-0"), "e1", 5), () -> {
            calls.incrementAndGet();
            throw bug;
        }));
        assertEquals(1, calls.get(), "a batch goes record by record instead");
    }

    @Test
    void poisonIsGivenUpAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(PoisonMessageException.class, () -> policy.run(policy.ofRecord("t", "t-0", "e1"), () -> {
            calls.incrementAndGet();
            throw new PoisonMessageException("never");
        }));
        assertEquals(1, calls.get());
    }

    @Test
    void aShutdownEndsThePause() {
        RetryPolicy slow = new RetryPolicy(new Config(3, Duration.ofSeconds(30)), registry, readiness, gate);
        new Thread(() -> {
            sleep(200);
            gate.stop(null);
        }).start();
        long start = System.nanoTime();
        assertThrows(RetryPolicy.StoppedWhileRetrying.class, () -> slow.run(slow.ofRecord("t", "t-0", "e1"), () -> {
            throw new IllegalStateException(new SQLException("Connection refused", "08001"));
        }));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "did not wait out the 30 s pause");
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
    }

    @Test
    void theBackoffDoublesUpToItsCap() {
        assertEquals(400, RetryPolicy.nextDelay(200, 5_000));
        assertEquals(5_000, RetryPolicy.nextDelay(4_000, 5_000));
    }

    private double retries(String failure) {
        return registry.counter(RetryPolicy.RETRIES, "topic", "t", "failure", failure).count();
    }

    private static InboxConfig config(int maxAttempts) {
        return new Config(maxAttempts, Duration.ofMillis(1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Config(int maxAttempts, Duration retryDelay) implements InboxConfig {

        @Override
        public Duration maxRetryDelay() {
            return retryDelay.multipliedBy(4);
        }

        @Override
        public Duration retention() {
            return Duration.ofDays(30);
        }
    }
}
