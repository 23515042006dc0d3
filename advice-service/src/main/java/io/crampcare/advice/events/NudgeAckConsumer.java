package io.crampcare.advice.events;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.crampcare.advice.service.AdviceService;
import io.crampcare.contracts.EventDescriptor;
import io.crampcare.contracts.nudge.NudgeAcknowledgedV1;
import io.crampcare.support.inbox.BatchConsumer;
import io.crampcare.support.inbox.EventKind;
import io.crampcare.support.inbox.InboxEvent;
import io.crampcare.support.inbox.PoisonMessageException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Nudge acknowledgements feed adherence ("following all instructions"), a polled batch at a time. */
@ApplicationScoped
public class NudgeAckConsumer {

    private static final Logger LOG = Logger.getLogger(NudgeAckConsumer.class);

    static final EventKind<NudgeAcknowledgedV1> ACKS = new EventKind<>(EventDescriptor.NUDGE_ACKNOWLEDGED,
            (eventId, ack) -> {
                if (ack.nudgeId() == null || ack.userId() == null || ack.acknowledgedAt() == null) {
                    throw new PoisonMessageException("Nudge acknowledgement " + eventId + " lacks required fields");
                }
            });

    @Inject
    BatchConsumer consumer;
    @Inject
    AdviceService advice;

    @Incoming(Channels.NUDGE_ACKS)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(batch, ACKS, this::record);
    }

    private void record(List<InboxEvent<NudgeAcknowledgedV1>> acks) {
        advice.recordAcks(acks.stream().filter(ack -> {
            if (ack.payload().kind() == null || ack.payload().outcome() == null) {
                // A kind or outcome this build does not know (enums are open): it cannot be one of the hydration or
                // warm-up answers adherence counts, so it is processed and left out.
                LOG.infof("Nudge acknowledgement %s has a kind or outcome this version does not know; not counted",
                        ack.eventId());
                return false;
            }
            return true;
        }).toList());
    }
}
