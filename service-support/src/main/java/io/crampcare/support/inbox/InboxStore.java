package io.crampcare.support.inbox;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.sql.ColumnArrays;
import io.crampcare.support.sql.NamedSql;
import io.quarkus.scheduler.Scheduled;

/** The event ids processed before ({@code processed_event}): what makes consumption idempotent. SQL only. */
@ApplicationScoped
public class InboxStore {

    private static final Logger LOG = Logger.getLogger(InboxStore.class);
    // One statement for a whole round: an id inserted now is one seen for the first time; the others were processed
    // before (or are repeated in the list, then returned once).
    static final NamedSql FIRST_SEEN = NamedSql.of("""
            INSERT INTO processed_event (event_id, topic)
            SELECT DISTINCT id, :topic FROM unnest(:eventIds::text[]) AS id
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id
            """);
    private static final NamedSql FORGET_BEFORE = NamedSql.of("""
            DELETE FROM processed_event WHERE processed_at < :before
            """);

    private final AgroalDataSource dataSource;
    private final InboxConfig config;

    InboxStore(AgroalDataSource dataSource, InboxConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Records {@code eventIds} as processed in the current transaction; returns those not processed before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstSeen(String topic, List<String> eventIds) {
        // The pooled connection is enlisted in the caller's JTA transaction: the ids commit with the effects.
        return new HashSet<>(ColumnArrays.list(dataSource, FIRST_SEEN,
                Map.of("topic", topic, "eventIds", eventIds.toArray(String[]::new)), row -> row.text("event_id")));
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldIds() {
        try {
            int deleted = ColumnArrays.update(dataSource, FORGET_BEFORE,
                    Map.of("before", Instant.now().minus(config.retention())));
            if (deleted > 0) {
                LOG.infof("Forgot %d processed event ids older than %s", deleted, config.retention());
            }
        } catch (IllegalStateException e) {
            LOG.warnf("Forgetting old processed event ids failed; tried again in an hour: %s",
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        }
    }
}
