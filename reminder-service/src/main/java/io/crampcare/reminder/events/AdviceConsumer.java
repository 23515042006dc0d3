package io.crampcare.reminder.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.advice.AdviceIssuedV1;
import io.crampcare.reminder.service.PlanningService;
import io.crampcare.support.clock.DatabaseClock;
import io.crampcare.support.inbox.IdempotentConsumer;
import io.crampcare.support.inbox.PoisonMessageException;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Each advice's water target replans the user's hydration nudges, unless a newer advice planned them already (a late
 * one changes nothing). What fails for good goes to advice.dlq.
 */
@ApplicationScoped
public class AdviceConsumer {

    /** Reads topic advice (see application.properties). */
    public static final String CHANNEL = "advice";

    private final IdempotentConsumer consumer;
    private final PlanningService planning;
    private final DatabaseClock clock;

    AdviceConsumer(IdempotentConsumer consumer, PlanningService planning, DatabaseClock clock) {
        this.consumer = consumer;
        this.planning = planning;
        this.clock = clock;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.process(record, EventTypes.ADVICE_ISSUED, AdviceIssuedV1.class, (eventId, advice) -> {
            // issuedAt orders a user's advice (PlanningService.onAdvice): without it, the event breaks the contract.
            if (advice.adviceId() == null || advice.userId() == null || advice.urgency() == null
                    || advice.issuedAt() == null) {
                throw new PoisonMessageException("Advice event " + eventId + " lacks required fields");
            }
            planning.onAdvice(advice, clock.now());
        });
    }
}
