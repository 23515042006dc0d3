package io.crampcare.support.ids;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * New primary keys and CloudEvent ids as RFC 9562 UUIDs of version 7: 48 bits of Unix milliseconds first, then 12 bits
 * that count up within a millisecond, then 62 random bits. Rows written together sort together, so B-tree inserts
 * land on the index's right edge (a few hot pages) instead of a random leaf each, which after every checkpoint costs
 * a full-page image in the WAL (bench/BENCHMARKS.md, "Time-ordered ids"). Ids of one JVM increase strictly; across replicas
 * they interleave by their JVMs' clocks, which is all an index needs (nothing decides by them, see DatabaseClock).
 * Not for secrets: the creation time is readable from the id.
 */
public final class TimeOrderedIds {

    private static final TimeOrderedIds SHARED = new TimeOrderedIds(System::currentTimeMillis);

    // SecureRandom, as UUID.randomUUID(): unguessable bits (ids travel in URLs) and no seed two replicas could share.
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final long TIMESTAMP_MASK = 0xFFFF_FFFF_FFFFL;
    private static final int COUNTER_BITS = 12;
    // A new millisecond's counter starts at a random value below half, leaving at least 2,048 ids in that millisecond
    // before the counter carries into the timestamp (RFC 9562 6.2, method 1).
    private static final int COUNTER_START_BOUND = 1 << (COUNTER_BITS - 1);

    private final LongSupplier clock;
    /** The last id's timestamp and counter: {@code unixMillis << 12 | counter}. */
    private final AtomicLong last = new AtomicLong();

    TimeOrderedIds(LongSupplier clock) {
        this.clock = clock;
    }

    /** A new version 7 UUID, sorting after every one this JVM made before (as PostgreSQL sorts uuid, and as text). */
    public static UUID next() {
        return SHARED.nextId();
    }

    UUID nextId() {
        long fresh = ((clock.getAsLong() & TIMESTAMP_MASK) << COUNTER_BITS) | RANDOM.nextInt(COUNTER_START_BOUND);
        // A later millisecond starts afresh; the same one (or a clock stepped back) counts on from the last id.
        long stamp = last.accumulateAndGet(fresh, (previous, candidate) ->
                (candidate >>> COUNTER_BITS) > (previous >>> COUNTER_BITS) ? candidate : previous + 1);
        long unixMillis = (stamp >>> COUNTER_BITS) & TIMESTAMP_MASK;
        long counter = stamp & ((1L << COUNTER_BITS) - 1);
        long mostSignificant = (unixMillis << 16) | 0x7000L | counter; // version 7
        long leastSignificant = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // variant 10
        return new UUID(mostSignificant, leastSignificant);
    }
}
