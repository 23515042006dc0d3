package io.crampcare.advice.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.crampcare.advice.service.AdviceService;
import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.support.inbox.IdempotentConsumer;
import io.crampcare.support.inbox.PoisonMessageException;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Each accepted cramp report -> one advice. What fails for good goes to cramp-reports.dlq (see the channel config). */
@ApplicationScoped
public class CrampReportConsumer {

    private final IdempotentConsumer consumer;
    private final AdviceService advice;

    CrampReportConsumer(IdempotentConsumer consumer, AdviceService advice) {
        this.consumer = consumer;
        this.advice = advice;
    }

    @Incoming(Channels.CRAMP_REPORTS)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.process(record, EventTypes.CRAMP_REPORT_SUBMITTED, CrampReportSubmittedV1.class, (eventId, report) -> {
            requireComplete(report);
            advice.adviseOn(report);
        });
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
