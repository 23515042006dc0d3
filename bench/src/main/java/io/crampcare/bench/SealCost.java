package io.crampcare.bench;

import java.util.UUID;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.sealed.EventSeal;

/**
 * The CPU a sealed event costs (issue 32): sealing one cramp report's payload as the outbox does, and reading and
 * opening it as a consumer does, in microseconds per event, after a warm-up. One thread; no database or broker.
 *
 * <p>Usage: {@code java -cp "bench/target/bench.jar:bench/target/lib/*" io.crampcare.bench.SealCost [events]}
 */
public final class SealCost {

    private static final String PAYLOAD = """
            {"reportId":"%s","userId":"bench-user-0001","occurredAt":"2026-11-25T07:31:02.123456Z",\
            "receivedAt":"2026-11-25T07:31:03.000001Z","muscle":"GLUTEUS_MAXIMUS","side":"LEFT","onset":"GRADUAL",\
            "severity":6,"durationSeconds":90,"context":"EXERCISE","symptoms":[],"medications":[],"notes":null,\
            "activity":{"type":"RUN","intensity":"HIGH","minutes":45},"warmedUp":false,"stretchedAfter":false,\
            "sweatingHeavily":true,"waterTodayMl":900}""".formatted(UUID.randomUUID());

    private SealCost() {
    }

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        UUID subjectRef = UUID.randomUUID();
        byte[] key = EventSeal.newKey();
        String type = EventTypes.CRAMP_REPORT_SUBMITTED;
        for (int round = 1; round <= 3; round++) { // the first two warm the JIT up
            String sealed = null;
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                sealed = EventSeal.seal(subjectRef, key, Integer.toString(i), type, PAYLOAD);
            }
            long sealedAt = System.nanoTime();
            String last = Integer.toString(events - 1);
            for (int i = 0; i < events; i++) {
                EventSeal.read(sealed).open(key, last, type);
            }
            long openedAt = System.nanoTime();
            System.out.printf("round %d: payload %d bytes, sealed value %d bytes; seal %.2f us, read and open %.2f us"
                    + " per event%n", round, PAYLOAD.length(), sealed.length(), (sealedAt - start) / 1e3 / events,
                    (openedAt - sealedAt) / 1e3 / events);
        }
    }
}
