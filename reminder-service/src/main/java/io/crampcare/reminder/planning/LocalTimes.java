package io.crampcare.reminder.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Objects;

/**
 * Local wall-clock time to instant, with explicit daylight-saving rules.
 *
 * <ul>
 * <li>Overlap (clocks fall back, a local time happens twice): the <em>earlier</em> offset, i.e. the first
 * time the wall clock shows it. 08:00 local stays 08:00 local.</li>
 * <li>Gap (clocks spring forward, a local time does not exist): the first valid instant after the gap,
 * which is the transition instant itself. 02:30 on a 02:00&rarr;03:00 day becomes 03:00 local. This
 * differs from {@link java.time.ZonedDateTime#of}, which shifts by the length of the gap (02:30 &rarr;
 * 03:30).</li>
 * </ul>
 */
public final class LocalTimes {

    /** Local times in the API: hours and minutes, as "07:00" (what is stored and what is echoed). */
    public static final String HH_MM_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    private LocalTimes() {
    }

    /** The instant at which the wall clock in {@code zone} shows {@code time} on {@code date}. */
    public static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        LocalDateTime local = date.atTime(time);
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            // gap: the local time does not exist; the first valid moment after it is the transition
            ZoneOffsetTransition transition = rules.getTransition(local);
            return transition.getInstant();
        }
        if (offsets.size() > 1) {
            // overlap: the offset in force before the transition, i.e. the first occurrence
            return local.toInstant(rules.getTransition(local).getOffsetBefore());
        }
        return local.toInstant(offsets.get(0));
    }

    /** Whether {@code time} exists on {@code date} in {@code zone} (false inside a spring-forward gap). */
    public static boolean exists(LocalDate date, LocalTime time, ZoneId zone) {
        return !zone.getRules().getValidOffsets(date.atTime(time)).isEmpty();
    }
}
