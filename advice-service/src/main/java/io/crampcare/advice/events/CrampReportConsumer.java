package io.crampcare.advice.events;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.crampcare.advice.service.AdviceService;
import io.crampcare.contracts.EventDescriptor;
import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.support.inbox.BatchConsumer;
import io.crampcare.support.inbox.EventKind;
import io.crampcare.support.inbox.PoisonMessageException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Each accepted cramp report -> one advice, a polled batch at a time. What fails for good goes to cramp-reports.dlq
 * (see the channel config).
 */
@ApplicationScoped
public class CrampReportConsumer {

    static final EventKind<CrampReportSubmittedV1> REPORTS = new EventKind<>(EventDescriptor.CRAMP_REPORT_SUBMITTED,
            (eventId, report) -> requireComplete(report));

    @Inject
    BatchConsumer consumer;
    @Inject
    AdviceService advice;

    @Incoming(Channels.CRAMP_REPORTS)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(batch, REPORTS, advice::adviseOnAll);
    }

    /** The fields the rules cannot do without; a report missing one can never be advised on. */
    static void requireComplete(CrampReportSubmittedV1 report) {
        if (report.reportId() == null || report.userId() == null || report.occurredAt() == null
                || report.muscle() == null || report.side() == null || report.onset() == null
                || report.context() == null || report.symptoms() == null) {
            throw new PoisonMessageException("Cramp report " + report.reportId() + " lacks required fields");
        }
    }
}
