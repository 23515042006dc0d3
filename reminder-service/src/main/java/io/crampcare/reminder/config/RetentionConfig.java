package io.crampcare.reminder.config;

import java.time.Duration;

import io.crampcare.support.retention.RetentionRuns;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long the reminder keeps its health data ({@code crampcare.retention.*}; docs/operations.md, Retention). Planned
 * nudges and today's are never deleted, whatever their age.
 */
@ConfigMapping(prefix = "crampcare.retention")
public interface RetentionConfig extends RetentionRuns {

    /**
     * How long a past nudge (fired, answered, expired) is kept after it was due. 90 days: nudges are the bulk of the
     * reminder's rows (up to a dozen a user a day), the planning reads only yesterday's and today's, and what a person
     * keeps of them (what they drank, their water days) is in the drink log.
     */
    @WithDefault("90d")
    Duration nudges();

    /**
     * How long a drink is kept after it was drunk. 400 days: the water days and the streak read drinks a year (366
     * days) back, so a year stays whole, with a month to spare.
     */
    @WithDefault("400d")
    Duration drinks();

    /** How long a water day (target, what the report said was drunk, why water stopped) is kept, like drinks. */
    @WithDefault("400d")
    Duration waterDays();
}
