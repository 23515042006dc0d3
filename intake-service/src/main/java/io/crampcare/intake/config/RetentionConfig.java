package io.crampcare.intake.config;

import java.time.Duration;

import io.crampcare.support.retention.RetentionRuns;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long intake keeps its health data ({@code crampcare.retention.*}; docs/operations.md, Retention). */
@ConfigMapping(prefix = "crampcare.retention")
public interface RetentionConfig extends RetentionRuns {

    /**
     * How long a cramp report is kept after its cramp ({@code occurredAt}). Two years: a person (and their doctor) can
     * look back over two seasons of training; nothing in intake reads reports for any other purpose, and the advice
     * service keeps what its rules need in its own schema.
     */
    @WithDefault("730d")
    Duration reports();
}
