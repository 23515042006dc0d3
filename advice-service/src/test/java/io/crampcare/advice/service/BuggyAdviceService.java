package io.crampcare.advice.service;

import java.util.List;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;

import io.crampcare.advice.rules.AdviceDecider;
import io.crampcare.advice.store.AdviceStore;
import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.support.inbox.InboxEvent;
import io.crampcare.support.metrics.CommittedCounts;
import io.crampcare.support.outbox.Outbox;

/**
 * The advice service with a bug that only reports of users named "bug-..." meet: an unknown failure, neither poison
 * nor transient. Enabled by a test profile only (UnknownFailureInBatchIT).
 */
@Alternative
@Singleton // no client proxy: a subclass of a bean with only an injecting constructor
public class BuggyAdviceService extends AdviceService {

    BuggyAdviceService(AdviceDecider decider, AdviceStore store, Outbox outbox, CommittedCounts counts) {
        super(decider, store, outbox, counts);
    }

    @Override
    public void adviseOnAll(List<InboxEvent<CrampReportSubmittedV1>> events) {
        super.adviseOnAll(events); // the bug strikes after the writes: the rollback has to undo them
        if (events.stream().anyMatch(event -> event.payload().userId().startsWith("bug-"))) {
            throw new IllegalStateException("A bug in advising on a report");
        }
    }
}
