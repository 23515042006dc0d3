package io.crampcare.support.inbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.crampcare.support.failure.FailureClass;
import io.crampcare.support.inbox.RetryPolicy.StoppedWhileRetrying;
import io.crampcare.support.privacy.ErasedSubjects;
import io.crampcare.support.privacy.SubjectKey;
import io.crampcare.support.privacy.SubjectKeys;
import io.crampcare.support.tracing.TraceContext;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Applies a polled batch of CloudEvents exactly once in effect, in one transaction. Each record is read and checked
 * first ({@link EventReader}); one that never can be applied takes no part, and is dead-lettered alone
 * ({@link DeadLetterHandOff}) in its place among the acknowledgements. The rest is split into rounds with at most one
 * record per key ({@link BatchRounds}); per round, the event ids not processed before are recorded
 * ({@link InboxStore#firstSeen}) and only those go to the channel's set-based {@link BatchEffect}, so a key's records
 * see the effects of the ones before them, as one by one. Once the transaction has committed, every record is
 * acknowledged (or dead-lettered) in offset order ({@link Settlement}). A transient failure rolls the transaction back
 * and retries the same records ({@link RetryPolicy}); any other failure falls back to record by record, so that only
 * the failing record is dead-lettered, after {@code crampcare.inbox.max-attempts}. The batch itself is never nacked
 * (SmallRye would dead-letter all its records). A batch that arrives while the service stops is left for redelivery
 * ({@link ShutdownGate}).
 * <p>
 * Each record's trace continues here: one CONSUMER span "{@code <topic> process}" per record, child of the record's
 * {@code traceparent}, which the effect passes on through {@link InboxEvent#trace()} (the connector's own tracing is
 * off on these channels). Metrics: {@code crampcare.events.consumed{topic,outcome=applied|duplicate|erased-subject}} (committed; an event about an erased
 * person changes nothing),
 * {@code crampcare.events.retries{topic,failure}}, {@code crampcare.events.dead_lettered{topic}} and
 * {@code crampcare.events.transaction.size{topic}} (records per consumer transaction).
 */
@ApplicationScoped
public class BatchConsumer {

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);
    static final String TRANSACTION_SIZE = "crampcare.events.transaction.size";
    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

    private final EventReader reader;
    private final InboxStore store;
    private final RetryPolicy retry;
    private final ShutdownGate gate;
    private final Tracer tracer;
    private final MeterRegistry registry;
    private final Settlement settlement;
    private final ErasedSubjects erased;
    private final SubjectKeys subjectKeys;
    /** {@code crampcare.events.transaction.size} per topic, built once rather than looked up at every commit. */
    private final Map<String, DistributionSummary> transactionSizes = new ConcurrentHashMap<>();

    BatchConsumer(EventReader reader, InboxStore store, RetryPolicy retry, DeadLetterHandOff handOff, ShutdownGate gate,
            Tracer tracer, MeterRegistry registry, ErasedSubjects erased, SubjectKeys subjectKeys) {
        this.reader = reader;
        this.erased = erased;
        this.subjectKeys = subjectKeys;
        this.store = store;
        this.retry = retry;
        this.gate = gate;
        this.tracer = tracer;
        this.registry = registry;
        this.settlement = new Settlement(handOff, registry);
    }

    /**
     * Processes a polled batch of one channel. Every record ends acknowledged (applied, a duplicate, or
     * dead-lettered) or, when the service stops, unacknowledged for redelivery; the returned stage never fails, since
     * a failed stage would end the channel.
     */
    public <T> CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch, EventKind<T> kind,
            BatchEffect<T> effect) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        if (records.isEmpty()) {
            return DONE;
        }
        if (!gate.enter()) {
            LOG.infof("Shutting down: %d records from %s left for redelivery", records.size(),
                    DeadLetterHandOff.where(records.get(0)));
            gate.awaitConnectorClosed();
            return DONE;
        }
        try {
            process(records, kind, effect);
        } catch (RuntimeException e) {
            // Not expected (each record's failure is handled above); unacknowledged records are redelivered.
            LOG.errorf(e, "Processing a batch of %s failed; its unacknowledged records are redelivered",
                    records.get(0).getTopic());
        } finally {
            gate.leave();
        }
        return DONE;
    }

    /** A record read as an event. */
    private record Consumed<T>(int index, KafkaRecord<String, String> record, InboxEvent<T> event) {

        String partition() {
            return record.getTopic() + "-" + record.getPartition();
        }
    }

    private <T> void process(List<KafkaRecord<String, String>> records, EventKind<T> kind, BatchEffect<T> effect) {
        String topic = records.get(0).getTopic();
        settlement.register(topic);
        Map<UUID, SubjectKey> keys;
        try {
            keys = keysOf(records);
        } catch (StoppedWhileRetrying e) {
            return; // left for redelivery
        }
        RecordOutcome[] outcomes = new RecordOutcome[records.size()]; // null: left for redelivery
        Span[] spans = new Span[records.size()];
        List<Consumed<T>> readable = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            KafkaRecord<String, String> record = records.get(i);
            spans[i] = startSpan(record);
            try {
                readable.add(new Consumed<>(i, record,
                        reader.read(record, kind, TraceContext.of(Context.root().with(spans[i])), keys)));
            } catch (ErasedSubjectEvent e) {
                outcomes[i] = RecordOutcome.ERASED_SUBJECT;
            } catch (RuntimeException e) { // poison (a bug in reading would be one for every delivery as well)
                outcomes[i] = RecordOutcome.failed(e);
            }
        }
        if (readable.size() == 1) {
            alone(readable.get(0), effect, outcomes);
        } else if (!readable.isEmpty()) {
            inOneTransaction(readable, effect, outcomes);
        }
        settlement.settle(records, outcomes, spans);
    }

    /** The key ring's entries of the records' subjects: one query for the batch, retried while the database is out. */
    private Map<UUID, SubjectKey> keysOf(List<KafkaRecord<String, String>> records) {
        Set<UUID> refs = records.stream().map(EventReader::subjectRefOf).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<String> partitions = new LinkedHashSet<>();
        records.forEach(r -> partitions.add(r.getTopic() + "-" + r.getPartition()));
        return retry.run(retry.ofBatch(records.get(0).getTopic(), partitions,
                EventReader.header(records.get(0).getHeaders(), "ce_id"), records.size()),
                () -> subjectKeys.forReading(refs));
    }

    private <T> void inOneTransaction(List<Consumed<T>> readable, BatchEffect<T> effect, RecordOutcome[] outcomes) {
        String topic = readable.get(0).record().getTopic();
        Set<String> partitions = new LinkedHashSet<>();
        readable.forEach(c -> partitions.add(c.partition()));
        try {
            RecordOutcome[] applied = retry.run(
                    retry.ofBatch(topic, partitions, readable.get(0).event().eventId(), readable.size()),
                    () -> QuarkusTransaction.requiringNew().call(() -> applyRounds(readable, effect)));
            committed(readable, applied, outcomes);
        } catch (StoppedWhileRetrying e) {
            // Left for redelivery.
        } catch (RuntimeException e) {
            FailureClass failure = FailureClass.of(e);
            if (failure == FailureClass.UNKNOWN) {
                registry.counter(RetryPolicy.RETRIES, "topic", topic, "failure", "unknown").increment();
            }
            LOG.warnf("Processing a batch of %d %s records failed (%s); processing them one by one to find the "
                    + "failing one: %s", readable.size(), topic, failure.name().toLowerCase(), e);
            for (Consumed<T> consumed : readable) {
                if (!alone(consumed, effect, outcomes)) {
                    return; // the service stops: the rest is left for redelivery
                }
            }
        }
    }

    /** Processes one record in its own transaction; false when the service stopped and it was left unprocessed. */
    private <T> boolean alone(Consumed<T> consumed, BatchEffect<T> effect, RecordOutcome[] outcomes) {
        List<Consumed<T>> one = List.of(consumed);
        try {
            RecordOutcome[] applied = retry.run(
                    retry.ofRecord(consumed.record().getTopic(), consumed.partition(), consumed.event().eventId()),
                    () -> QuarkusTransaction.requiringNew().call(() -> applyRounds(one, effect)));
            committed(one, applied, outcomes);
        } catch (StoppedWhileRetrying e) {
            return false;
        } catch (RuntimeException e) {
            outcomes[consumed.index()] = RecordOutcome.failed(e);
        }
        return true;
    }

    private <T> void committed(List<Consumed<T>> committed, RecordOutcome[] applied, RecordOutcome[] outcomes) {
        transactionSizes.computeIfAbsent(committed.get(0).record().getTopic(), this::transactionSize)
                .record(committed.size());
        for (int i = 0; i < committed.size(); i++) {
            outcomes[committed.get(i).index()] = applied[i];
        }
    }

    private DistributionSummary transactionSize(String topic) {
        return DistributionSummary.builder(TRANSACTION_SIZE).description("Records per consumer transaction")
                .tag("topic", topic).register(registry);
    }

    /**
     * Inside the transaction: round by round, the first-seen events to the effect, but those about an erased person
     * (the event's key is the user id its subject's key names), which change nothing. What became of each, by index.
     */
    private <T> RecordOutcome[] applyRounds(List<Consumed<T>> readable, BatchEffect<T> effect) {
        RecordOutcome[] applied = new RecordOutcome[readable.size()];
        String topic = readable.get(0).record().getTopic();
        List<Integer> indices = IntStream.range(0, readable.size()).boxed().toList();
        Set<String> erasedKeys = erased.erasedAmong(readable.stream().map(c -> c.event().key())
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        for (List<Integer> round : BatchRounds.of(indices, i -> readable.get(i).event().key())) {
            Set<String> firstSeen = store.firstSeen(topic, round.stream().map(i -> readable.get(i).event().eventId())
                    .toList());
            List<InboxEvent<T>> events = new ArrayList<>(round.size());
            for (int i : round) {
                InboxEvent<T> event = readable.get(i).event();
                // An id repeated within the round was first seen once: only its first record applies.
                if (!firstSeen.remove(event.eventId())) {
                    applied[i] = RecordOutcome.DUPLICATE;
                } else if (erasedKeys.contains(event.key())) {
                    applied[i] = RecordOutcome.ERASED_SUBJECT;
                } else {
                    applied[i] = RecordOutcome.APPLIED;
                    events.add(event);
                }
            }
            if (!events.isEmpty()) {
                effect.apply(events);
            }
        }
        return applied;
    }

    /** The span for processing a record: a child of the record's traceparent, or a new trace without one. */
    private Span startSpan(KafkaRecord<String, String> record) {
        TraceContext sent = TraceContext.from(record.getHeaders());
        return tracer.spanBuilder(record.getTopic() + " process").setSpanKind(SpanKind.CONSUMER)
                .setParent(sent == null ? Context.root() : sent.asParent())
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.getTopic())
                .setAttribute("messaging.message.id", String.valueOf(EventReader.header(record.getHeaders(), "ce_id")))
                .startSpan();
    }
}
