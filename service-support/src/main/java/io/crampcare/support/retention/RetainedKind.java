package io.crampcare.support.retention;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * A kind of health data a service deletes after its retention ({@code crampcare.retention.<kind>}), and the shortest
 * retention allowed for it: what the service's rules and views read back over. {@link #requireAll} refuses a start with
 * a retention under that floor, or none.
 *
 * @param kind      the kind's name in the setting and in {@code crampcare.retention.deleted{kind}}
 * @param retention how long its rows are kept, as configured
 * @param floor     the shortest retention allowed, at least {@link #MINIMUM}
 * @param why       what reads the data back that far, for the message that refuses a shorter retention
 */
public record RetainedKind(String kind, Duration retention, Duration floor, String why) {

    /**
     * No health data is kept shorter than this, whatever reads it: a person can always look back a month, and a dead
     * letter replayed within the 30 days its topic keeps it still finds the rows it belongs to.
     */
    public static final Duration MINIMUM = Duration.ofDays(30);
    private static final String MINIMUM_WHY = "no health data is kept shorter (a month of history; dead letters are "
            + "replayable for 30 days)";

    public RetainedKind {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(retention, () -> "no retention for " + kind);
    }

    /**
     * A kind whose readers look back {@code readBack} ({@code why}); its floor is that or {@link #MINIMUM}, the longer.
     */
    public static RetainedKind of(String kind, Duration retention, Duration readBack, String why) {
        return readBack.compareTo(MINIMUM) > 0 ? new RetainedKind(kind, retention, readBack, why)
                : new RetainedKind(kind, retention, MINIMUM, MINIMUM_WHY);
    }

    /** A kind that nothing reads back further than {@link #MINIMUM}. */
    public static RetainedKind of(String kind, Duration retention) {
        return new RetainedKind(kind, retention, MINIMUM, MINIMUM_WHY);
    }

    /** The setting, {@code crampcare.retention.<kind>}. */
    public String property() {
        return "crampcare.retention." + kind;
    }

    /** The environment variable that sets it. */
    public String variable() {
        return property().replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Why this retention is refused, or null when it is allowed. */
    public String problem() {
        if (retention.isNegative() || retention.isZero()) {
            return property() + " (" + variable() + ") is " + days(retention) + ": health data must have a positive "
                    + "retention of at least " + days(floor) + "; it can neither be kept forever nor switched off";
        }
        if (retention.compareTo(floor) < 0) {
            return property() + " (" + variable() + ") is " + days(retention) + ", shorter than " + days(floor)
                    + ": " + why + ". Set at least " + days(floor);
        }
        return null;
    }

    /**
     * Throws, naming every refused kind, when a retention is under its floor or not positive.
     *
     * @throws ConfigurationException which stops the service's start
     */
    public static void requireAll(List<RetainedKind> kinds) {
        List<String> problems = kinds.stream().map(RetainedKind::problem).filter(Objects::nonNull).toList();
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Retention refused: " + String.join("; ", problems));
        }
    }

    /** A duration as whole days when it is some ({@code 14d}), else as Java writes it. */
    static String days(Duration duration) {
        return !duration.isZero() && duration.equals(Duration.ofDays(duration.toDays())) ? duration.toDays() + "d"
                : duration.toString();
    }
}
