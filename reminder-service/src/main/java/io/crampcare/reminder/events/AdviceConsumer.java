package io.crampcare.reminder.events;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.crampcare.contracts.EventDescriptor;
import io.crampcare.contracts.advice.AdviceIssuedV1;
import io.crampcare.reminder.service.AdvicePlanning;
import io.crampcare.support.clock.DatabaseClock;
import io.crampcare.support.inbox.BatchConsumer;
import io.crampcare.support.inbox.EventKind;
import io.crampcare.support.inbox.PoisonMessageException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Each advice's water target replans the user's hydration nudges, unless a newer advice planned them already (a late
 * one changes nothing), a polled batch at a time. What fails for good goes to advice.dlq.
 */
@ApplicationScoped
public class AdviceConsumer {

    /** Reads topic advice (see application.properties). */
    public static final String CHANNEL = "advice";

    // issuedAt orders a user's advice (AdvicePlanning.onAdvice): without it, the event breaks the contract.
    static final EventKind<AdviceIssuedV1> ADVICE = new EventKind<>(EventDescriptor.ADVICE_ISSUED,
            (eventId, advice) -> {
                if (advice.adviceId() == null || advice.userId() == null || advice.urgency() == null
                        || advice.issuedAt() == null) {
                    throw new PoisonMessageException("Advice event " + eventId + " lacks required fields");
                }
            });

    @Inject
    BatchConsumer consumer;
    @Inject
    AdvicePlanning planning;
    @Inject
    DatabaseClock clock;

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(batch, ADVICE, events -> planning.onAdviceAll(events, clock.now()));
    }
}
