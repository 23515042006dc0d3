package io.crampcare.reminder.planning;

import static io.crampcare.reminder.planning.HydrationSchedule.MIN_GAP;
import static io.crampcare.reminder.planning.HydrationSchedule.ROUND_MINUTES;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The allowed minutes of a day, in time order, each with its local time and instant: the places
 * {@link HydrationSchedule} may put a portion, searched by time and by 5-minute mark.
 */
final class AllowedMinutes {

    private static final int MINUTES_PER_DAY = 24 * 60;

    private final LocalTime[] local;
    private final Instant[] instants;
    private final int[] indexByMinuteOfDay;

    private AllowedMinutes(LocalTime[] local, Instant[] instants, int[] indexByMinuteOfDay) {
        this.local = local;
        this.instants = instants;
        this.indexByMinuteOfDay = indexByMinuteOfDay;
    }

    static AllowedMinutes of(LocalDate day, Preferences prefs, Instant notBefore) {
        ZoneId zone = prefs.zone();
        List<LocalTime> local = new ArrayList<>();
        List<Instant> instants = new ArrayList<>();
        int[] byMinute = new int[MINUTES_PER_DAY];
        Arrays.fill(byMinute, -1);
        for (int minute = 0; minute < MINUTES_PER_DAY; minute++) {
            LocalTime time = LocalTime.of(minute / 60, minute % 60);
            if (!prefs.allows(time) || !LocalTimes.exists(day, time, zone)) {
                continue;
            }
            Instant at = LocalTimes.at(day, time, zone);
            if (at.isBefore(notBefore)) {
                continue;
            }
            byMinute[minute] = local.size();
            local.add(time);
            instants.add(at);
        }
        return new AllowedMinutes(local.toArray(LocalTime[]::new), instants.toArray(Instant[]::new), byMinute);
    }

    int size() {
        return instants.length;
    }

    Instant instant(int index) {
        return instants[index];
    }

    /** Index of the first slot at or after {@code t}, or -1. */
    int firstAtOrAfter(Instant t) {
        int index = countBefore(t, false);
        return index < instants.length ? index : -1;
    }

    /** Index of the last slot at or before {@code t}, or -1. */
    int lastAtOrBefore(Instant t) {
        return countBefore(t, true) - 1;
    }

    /** How many slots (a prefix, by binary search) are before {@code t}, or at it too when {@code orAt}. */
    private int countBefore(Instant t, boolean orAt) {
        int lo = 0;
        int hi = instants.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (orAt ? !instants[mid].isAfter(t) : instants[mid].isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Greedy from the start: first slot, then each next slot at least {@link HydrationSchedule#MIN_GAP} later; at most
     * {@code limit} long. Its full length is the most portions the slots can hold.
     */
    int[] earliestChain(int limit) {
        List<Integer> chain = new ArrayList<>();
        int index = 0;
        while (index >= 0 && chain.size() < limit) {
            chain.add(index);
            index = firstAtOrAfter(instants[index].plus(MIN_GAP));
        }
        return chain.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Greedy from the end, {@code n} long: the latest position each of n portions can take. */
    int[] latestChain(int n) {
        int[] chain = new int[n];
        chain[n - 1] = instants.length - 1;
        for (int i = n - 2; i >= 0; i--) {
            chain[i] = lastAtOrBefore(instants[chain[i + 1]].minus(MIN_GAP));
        }
        return chain;
    }

    /** The slot at the nearest 5-minute local mark to {@code index}, if that mark is a slot; else index. */
    int roundedToMark(int index) {
        int minute = local[index].getHour() * 60 + local[index].getMinute();
        int rounded = Math.floorDiv(minute + ROUND_MINUTES / 2, ROUND_MINUTES) * ROUND_MINUTES;
        if (rounded < MINUTES_PER_DAY && indexByMinuteOfDay[rounded] >= 0) {
            return indexByMinuteOfDay[rounded];
        }
        return index;
    }

    /**
     * The first slot from {@code index} (up to {@code limit}) that is on a 5-minute mark and less than
     * 5 minutes later; else {@code index}.
     */
    int nextMark(int index, int limit) {
        Instant horizon = instants[index].plus(Duration.ofMinutes(ROUND_MINUTES));
        for (int i = index; i <= limit && instants[i].isBefore(horizon); i++) {
            if (local[i].getMinute() % ROUND_MINUTES == 0) {
                return i;
            }
        }
        return index;
    }
}
