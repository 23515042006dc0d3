package io.crampcare.intake.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.crampcare.contracts.EventDescriptor;
import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.intake.mapping.CrampReportMapper;
import io.crampcare.intake.model.CrampReport;
import io.crampcare.intake.store.CrampReportStore;
import io.crampcare.support.idempotency.IdempotencyService;
import io.crampcare.support.metrics.CommittedCounts;
import io.crampcare.support.outbox.Outbox;
import io.crampcare.support.paging.PageRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/** Stores cramp reports and, in the same statement, the event that announces each one. */
@ApplicationScoped
public class CrampReportService {

    private static final Logger LOG = Logger.getLogger(CrampReportService.class);
    static final String ACCEPTED = "crampcare.reports.accepted";

    @Inject
    CrampReportStore store;
    @Inject
    IdempotencyService idempotency;
    @Inject
    CommittedCounts counts;

    void registerCounters(@Observes StartupEvent event) {
        counts.zero(ACCEPTED);
    }

    /** A report with the event that announces it, made once: the answer to the client is read from the same event. */
    public record Submission(CrampReport report, CrampReportSubmittedV1 event) {
    }

    public Submission prepare(CrampReport report) {
        return new Submission(report, CrampReportMapper.toEvent(report));
    }

    /**
     * Accepts a new report: the report row, its {@code cramp-reports} event and (with an Idempotency-Key) the answer
     * to replay commit together or not at all. Without a key that is one statement and no transaction around it (issue
     * 29: the JTA transaction and the Hibernate session cost intake more than the inserts); with a key, a transaction
     * holds that statement and the answer's update.
     *
     * @param answer the answer recorded for the request's Idempotency-Key, or null without one
     */
    public void submit(Submission submission, IdempotencyService.Answer answer) {
        CrampReport report = submission.report();
        Outbox.Message event = Outbox.Message.of(EventDescriptor.CRAMP_REPORT_SUBMITTED, submission.event(),
                report.receivedAt);
        if (answer == null) {
            store.insert(report, event);
        } else {
            QuarkusTransaction.joiningExisting().run(() -> {
                store.insert(report, event);
                idempotency.complete(answer);
            });
        }
        counts.increment(ACCEPTED); // committed by now
        // Ids only: what the report says about someone's body stays out of the logs.
        LOG.infof("Accepted cramp report %s", report.id); // not the user: a cramp beside a user id is health data
    }

    @Transactional
    public Optional<CrampReport> find(UUID id) {
        return store.find(id);
    }

    /** One page of a user's reports, newest first, with {@code occurredAt} in [from, to) when given. */
    @Transactional
    public PageRequest.Slice<CrampReport> list(String userId, Instant from, Instant to, PageRequest page) {
        return store.list(userId, from, to, page);
    }
}
