package io.crampcare.support.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    /** The 48-bit Unix milliseconds at the front of a version 7 UUID. */
    private static long unixMillis(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }

    /** PostgreSQL compares uuids as unsigned bytes, and the text form (processed_event's key) sorts the same way. */
    private static void assertSortsBefore(UUID earlier, UUID later) {
        assertTrue(earlier.toString().compareTo(later.toString()) < 0, earlier + " should sort before " + later);
    }

    @Test
    void isVersion7OfTheRfcVariant() {
        UUID id = TimeOrderedIds.next();
        assertEquals(7, id.version(), id.toString());
        assertEquals(2, id.variant(), id.toString()); // binary 10, RFC 9562
        assertEquals('7', id.toString().charAt(14));
        assertTrue("89ab".indexOf(id.toString().charAt(19)) >= 0, id.toString());
    }

    @Test
    void carriesTheClocksMilliseconds() {
        TimeOrderedIds ids = new TimeOrderedIds(System::currentTimeMillis);
        long before = System.currentTimeMillis();
        UUID id = ids.nextId();
        long after = System.currentTimeMillis();
        long stamped = unixMillis(id);
        assertTrue(before <= stamped && stamped <= after, before + " <= " + stamped + " <= " + after);
    }

    @Test
    void sortsByMillisecondAcrossMilliseconds() {
        AtomicLong clock = new AtomicLong(1_765_000_000_000L);
        TimeOrderedIds ids = new TimeOrderedIds(clock::get);
        UUID first = ids.nextId();
        clock.addAndGet(1);
        UUID second = ids.nextId();
        clock.addAndGet(60_000);
        UUID third = ids.nextId();
        assertEquals(1_765_000_000_000L, unixMillis(first));
        assertEquals(1_765_000_000_001L, unixMillis(second));
        assertSortsBefore(first, second);
        assertSortsBefore(second, third);
    }

    @Test
    void countsUpWithinAMillisecondAndCarriesIntoTheNextWhenFull() {
        AtomicLong clock = new AtomicLong(1_765_000_000_000L);
        TimeOrderedIds ids = new TimeOrderedIds(clock::get);
        List<UUID> made = IntStream.range(0, 5_000).mapToObj(i -> ids.nextId()).toList();
        for (int i = 1; i < made.size(); i++) {
            assertSortsBefore(made.get(i - 1), made.get(i));
        }
        assertEquals(1_765_000_000_000L, unixMillis(made.get(0)));
        // A counter starts below 2,048 of its 4,096, so 5,000 ids fill the first millisecond and borrow from the next.
        assertTrue(unixMillis(made.get(made.size() - 1)) > 1_765_000_000_000L);
        assertTrue(made.stream().allMatch(id -> id.version() == 7 && id.variant() == 2));
    }

    @Test
    void aClockSteppedBackKeepsTheOrder() {
        AtomicLong clock = new AtomicLong(1_765_000_000_000L);
        TimeOrderedIds ids = new TimeOrderedIds(clock::get);
        UUID before = ids.nextId();
        clock.addAndGet(-5_000);
        assertSortsBefore(before, ids.nextId());
    }

    @Test
    void manyAreUniqueAndIncreasing() {
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            made.add(TimeOrderedIds.next());
        }
        assertEquals(made.size(), new HashSet<>(made).size());
        for (int i = 1; i < made.size(); i++) {
            assertSortsBefore(made.get(i - 1), made.get(i));
        }
    }

    @Test
    void threadsTogetherNeverRepeatOne() throws InterruptedException {
        Set<UUID> made = ConcurrentHashMap.newKeySet();
        int perThread = 50_000;
        Runnable making = () -> IntStream.range(0, perThread).forEach(i -> made.add(TimeOrderedIds.next()));
        List<Thread> threads = IntStream.range(0, 4).mapToObj(t -> new Thread(making)).toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(4 * perThread, made.size());
    }
}
