package io.crampcare.advice.config;

import java.time.Duration;

import io.crampcare.support.retention.RetentionRuns;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long the advice service keeps its health data ({@code crampcare.retention.*}; docs/operations.md, Retention).
 * Neither may be shorter than the "frequent cramps" window ({@code crampcare.advice.frequent.window}) the rules read.
 */
@ConfigMapping(prefix = "crampcare.retention")
public interface RetentionConfig extends RetentionRuns {

    /**
     * How long an advice is kept after it was issued, and a report in the users' report history after its cramp. Two
     * years, as intake keeps the reports: each kept report has its advice; the rules read the history only over their
     * window.
     */
    @WithDefault("730d")
    Duration advice();

    /**
     * How long a nudge's answer is kept after it was given. 90 days: only the adherence over the rules' window (14 days)
     * reads answers; the rest is slack for a longer window, late answers and replays.
     */
    @WithDefault("90d")
    Duration acks();
}
