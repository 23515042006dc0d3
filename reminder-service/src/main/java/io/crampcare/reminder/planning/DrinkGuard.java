package io.crampcare.reminder.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import io.crampcare.reminder.planning.DrinkLimits.Limit;

/**
 * Keeps all of one user's drink nudges (water portions, pre-exercise drinks, snoozed ones) within the reminder's
 * {@link DrinkLimits}, whichever path plans them: every drink nudge is admitted through a guard that holds the user's
 * other drinks: drink nudges planned or fired, and the drinks drunk (logged, or DONE drink nudges); skipped and
 * expired nudges were not drunk.
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>Hour.</b> The drinks due within any half-open hour {@code [t, t + 1 h)} add up to at most
 * {@link DrinkLimits#maxPerHourMl()}.</li>
 * <li><b>Day.</b> The drinks of one local day (in the user's zone) add up to at most
 * {@link DrinkLimits#maxDailyMl()}.</li>
 * <li><b>Portion.</b> No drink is above {@link DrinkLimits#maxPortionMl()}.</li>
 * <li><b>A drink that does not fit</b> is shrunk to what is left (down to a multiple of 10 mL), and dropped when that
 * is less than {@value #MIN_DRINK_ML} mL. Drinks held already are never changed or moved: the one planned first keeps
 * its amount, and nothing is ever added to a full hour or day. Less water than planned is the careful side: thirst
 * still asks for more, while too much in an hour is what harms.</li>
 * </ol>
 * Each drink admitted is checked against every hour that contains it, with the drinks already held, so the rules
 * hold after any sequence of admissions. Pure: no clock, no CDI.
 */
public final class DrinkGuard {

    /** The rolling window of the hourly guard. */
    public static final Duration WINDOW = Duration.ofHours(1);
    /** A drink shrunk below this is dropped rather than nudged for. */
    public static final int MIN_DRINK_ML = 50;

    private final DrinkLimits limits;
    private final ZoneId zone;
    private final Consumer<Limit> onClamp;
    private final List<Portion> held;

    /**
     * @param limits  the ceilings
     * @param zone    the user's zone, for the local day of a drink
     * @param held    the user's drinks that count already (around the times to be planned)
     * @param onClamp told of each drink shrunk or dropped, with the limit that did it
     */
    public DrinkGuard(DrinkLimits limits, ZoneId zone, Collection<Portion> held, Consumer<Limit> onClamp) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.onClamp = Objects.requireNonNull(onClamp, "onClamp");
        this.held = new ArrayList<>(held);
    }

    /**
     * The earliest due time of a drink that shares an hour or a local day with a drink due at or after {@code now}:
     * the guard for drinks planned from {@code now} on must hold every drink from then on.
     */
    public static Instant countsFrom(Instant now, ZoneId zone) {
        Instant dayStart = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        Instant hourBefore = now.minus(WINDOW);
        return dayStart.isBefore(hourBefore) ? dayStart : hourBefore;
    }

    /** The drink as it fits (maybe smaller), now held; empty when it is dropped. */
    public Optional<Portion> admit(Portion drink) {
        int room = limits.maxPortionMl();
        Limit binding = Limit.PORTION;
        int hourRoom = limits.maxPerHourMl() - fullestHour(drink.dueAt());
        if (hourRoom < room) {
            room = hourRoom;
            binding = Limit.HOURLY;
        }
        int dayRoom = limits.maxDailyMl() - dayTotal(drink.dueAt());
        if (dayRoom < room) {
            room = dayRoom;
            binding = Limit.DAILY;
        }
        if (drink.amountMl() <= room) {
            held.add(drink);
            return Optional.of(drink);
        }
        onClamp.accept(binding);
        int amount = Math.max(0, room) / 10 * 10;
        if (amount < MIN_DRINK_ML) {
            return Optional.empty();
        }
        Portion shrunk = new Portion(drink.dueAt(), amount);
        held.add(shrunk);
        return Optional.of(shrunk);
    }

    /** {@link #admit} for each, in time order: those that fit, as they fit. */
    public List<Portion> admitAll(Collection<Portion> drinks) {
        return drinks.stream().sorted(Comparator.comparing(Portion::dueAt)).map(this::admit)
                .flatMap(Optional::stream).toList();
    }

    /**
     * The limit the held drinks already exceed in an hour that contains {@code t}, or in its local day: the hourly
     * guard first. Empty while they keep within both (reaching a limit exactly is within it). This is the live guard
     * over what was drunk: the caller holds drinks only, not nudges that may never be drunk.
     */
    public Optional<Limit> exceededAt(Instant t) {
        if (fullestHour(t) > limits.maxPerHourMl()) {
            return Optional.of(Limit.HOURLY);
        }
        if (dayTotal(t) > limits.maxDailyMl()) {
            return Optional.of(Limit.DAILY);
        }
        return Optional.empty();
    }

    /** The drinks held: those the guard started with and those it admitted. */
    public List<Portion> held() {
        return List.copyOf(held);
    }

    /**
     * The most held in one hour that contains {@code t}. Such an hour starts in {@code (t - 1 h, t]}, and its sum is
     * largest when it starts at {@code t} or at a held drink's time.
     */
    private int fullestHour(Instant t) {
        int fullest = sumWithinHourFrom(t);
        for (Portion drink : held) {
            if (drink.dueAt().isAfter(t.minus(WINDOW)) && !drink.dueAt().isAfter(t)) {
                fullest = Math.max(fullest, sumWithinHourFrom(drink.dueAt()));
            }
        }
        return fullest;
    }

    private int sumWithinHourFrom(Instant start) {
        Instant end = start.plus(WINDOW);
        return held.stream().filter(d -> !d.dueAt().isBefore(start) && d.dueAt().isBefore(end))
                .mapToInt(Portion::amountMl).sum();
    }

    private int dayTotal(Instant t) {
        LocalDate day = t.atZone(zone).toLocalDate();
        return held.stream().filter(d -> d.dueAt().atZone(zone).toLocalDate().equals(day))
                .mapToInt(Portion::amountMl).sum();
    }
}
