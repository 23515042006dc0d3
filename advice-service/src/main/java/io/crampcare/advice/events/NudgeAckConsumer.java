package io.crampcare.advice.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.jboss.logging.Logger;

import io.crampcare.advice.service.AdviceService;
import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.nudge.NudgeAcknowledgedV1;
import io.crampcare.support.inbox.IdempotentConsumer;
import io.crampcare.support.inbox.PoisonMessageException;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Nudge acknowledgements feed adherence ("following all instructions"). */
@ApplicationScoped
public class NudgeAckConsumer {

    private static final Logger LOG = Logger.getLogger(NudgeAckConsumer.class);

    private final IdempotentConsumer consumer;
    private final AdviceService advice;

    NudgeAckConsumer(IdempotentConsumer consumer, AdviceService advice) {
        this.consumer = consumer;
        this.advice = advice;
    }

    @Incoming(Channels.NUDGE_ACKS)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.process(record, EventTypes.NUDGE_ACKNOWLEDGED, NudgeAcknowledgedV1.class, (eventId, ack) -> {
            if (ack.nudgeId() == null || ack.userId() == null || ack.acknowledgedAt() == null) {
                throw new PoisonMessageException("Nudge acknowledgement " + eventId + " lacks required fields");
            }
            if (ack.kind() == null || ack.outcome() == null) {
                // A kind or outcome this build does not know (enums are open): it cannot be one of the hydration or
                // warm-up answers adherence counts, so it is processed and left out.
                LOG.infof("Nudge acknowledgement %s has a kind or outcome this version does not know; not counted",
                        eventId);
                return;
            }
            advice.recordAck(eventId, ack);
        });
    }
}
