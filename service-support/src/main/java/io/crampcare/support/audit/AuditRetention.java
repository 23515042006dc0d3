package io.crampcare.support.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.crampcare.support.retention.RetainedKind;
import io.crampcare.support.retention.RetentionRuns;
import io.crampcare.support.retention.RetentionSweep;

/**
 * The retention of the audit of access, which every service keeps ({@code crampcare.retention.audit}): each service's
 * retention job starts and sweeps it with its own kinds, so it runs on the same schedule, in the same batches, and is
 * counted in the same metric ({@code kind=audit}).
 */
@ApplicationScoped
public class AuditRetention {

    public static final String KIND = "audit";

    private final AuditStore store;
    private final RetentionSweep sweep;

    AuditRetention(AuditStore store, RetentionSweep sweep) {
        this.store = store;
        this.sweep = sweep;
    }

    /** The audit's kind; nothing reads entries back, so its floor is the minimum any kind has. */
    public static RetainedKind kind(Duration retention) {
        return RetainedKind.of(KIND, retention);
    }

    /** A service's {@code kinds} and the audit's, for {@link RetentionSweep#start}. */
    public static List<RetainedKind> with(List<RetainedKind> kinds, RetentionRuns config) {
        List<RetainedKind> all = new ArrayList<>(kinds);
        all.add(kind(config.audit()));
        return List.copyOf(all);
    }

    /** Deletes the entries older than {@code crampcare.retention.audit} at {@code now}; returns how many. */
    public long run(RetentionRuns config, Instant now) {
        return sweep.sweep(kind(config.audit()), "access_audit", now, config.batchSize(), store::deleteOlderThan);
    }
}
