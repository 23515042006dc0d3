package io.crampcare.support.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.crampcare.support.kafka.KafkaClients;
import io.crampcare.support.tracing.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * Publishes a claimed batch (acks=all, idempotent producer), waits for each acknowledgement within the send timeout,
 * and tells whose fault each failure is: the row's own, or the broker's when it cannot be reached. Each record goes
 * out under a PRODUCER span "{@code <topic> publish}" whose parent is the trace context stored with the row.
 */
final class OutboxSender implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final CloudEventsCodec codec;
    private final BrokerProbe probe;
    private final Tracer tracer;
    private final Duration sendTimeout;

    /**
     * @param kafkaConfig the application's Kafka settings, as {@link KafkaClients} takes them
     * @param clientId    the producer's client id
     */
    OutboxSender(Map<String, Object> kafkaConfig, String clientId, Duration sendTimeout, CloudEventsCodec codec,
            BrokerProbe probe, Tracer tracer) {
        Map<String, Object> props = KafkaClients.reliableProducer(kafkaConfig, clientId, sendTimeout);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5); // the most that keeps order, idempotent
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.codec = codec;
        this.probe = probe;
        this.tracer = tracer;
        this.sendTimeout = sendTimeout;
    }

    /**
     * Sends every claimed row (one per key), then waits for each acknowledgement. A row for a topic that does not exist
     * fails at once, unsent: send() would block the relay while it waited for the topic's metadata.
     */
    Outcome send(List<ClaimedEvent> batch) {
        Set<String> missing = probe.missingTopics(batch.stream().map(ClaimedEvent::topic).toList());
        List<UUID> sent = new ArrayList<>();
        Map<ClaimedEvent, SendFailure> failures = new LinkedHashMap<>();
        List<InFlight> inFlight = new ArrayList<>(batch.size());
        for (ClaimedEvent event : batch) {
            if (missing.contains(event.topic())) {
                failures.put(event, new SendFailure("Topic " + event.topic() + " does not exist", false));
            } else {
                inFlight.add(send(event));
            }
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos() + 1_000_000_000L;
        for (InFlight record : inFlight) {
            SendFailure failure = awaitAck(record.ack(), deadline);
            if (failure == null) {
                sent.add(record.event().id());
            } else {
                failures.put(record.event(), failure);
                record.span().setStatus(StatusCode.ERROR, failure.message());
            }
            record.span().end();
        }
        // Whether the broker is there decides whose failure it is; ask it only when the batch cannot tell.
        boolean brokerUnreachable = !failures.isEmpty() && sent.isEmpty()
                && failures.values().stream().anyMatch(SendFailure::retriable)
                && !probe.clusterAnswers();
        return new Outcome(sent, failures, brokerUnreachable);
    }

    private InFlight send(ClaimedEvent event) {
        // The stored context is the parent; rows written outside any trace start one here.
        SpanBuilder builder = tracer.spanBuilder(event.topic() + " publish").setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.message.id", event.id().toString());
        Span span = (event.trace() == null ? builder.setNoParent() : builder.setParent(event.trace().asParent()))
                .startSpan();
        Future<?> ack;
        try {
            ack = producer.send(codec.toRecord(event, TraceContext.of(Context.root().with(span))));
        } catch (KafkaException e) {
            ack = CompletableFuture.failedFuture(e);
        }
        return new InFlight(event, span, ack);
    }

    /** Waits for the broker's acknowledgement; returns null when acknowledged, else why not. */
    private static SendFailure awaitAck(Future<?> ack, long deadlineNanos) {
        try {
            ack.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new SendFailure(cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                    cause instanceof RetriableException);
        } catch (TimeoutException e) {
            return new SendFailure("no acknowledgement in time", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendFailure("interrupted", true);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /**
     * What became of a batch: the rows the broker acknowledged, the others with why, and whether that was because
     * the broker could not be reached (nothing got through, and the cluster does not answer) rather than their own.
     */
    record Outcome(List<UUID> sent, Map<ClaimedEvent, SendFailure> failures, boolean brokerUnreachable) {
    }

    /** A sent record waiting for its acknowledgement, and its publish span. */
    private record InFlight(ClaimedEvent event, Span span, Future<?> ack) {
    }
}
