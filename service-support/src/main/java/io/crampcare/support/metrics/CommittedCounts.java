package io.crampcare.support.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Business counters ({@code crampcare.*}) that count what was committed: an increment made inside a transaction
 * happens only once it commits, so a rolled-back and redelivered event is counted once, like the rows it wrote.
 * Tags must stay low-cardinality (kinds, outcomes, urgencies), never user or record ids.
 */
@ApplicationScoped
public class CommittedCounts {

    private final MeterRegistry registry;
    private final Event<Increment> increments;

    CommittedCounts(MeterRegistry registry, Event<Increment> increments) {
        this.registry = registry;
        this.increments = increments;
    }

    /** Adds one to the counter when the current transaction commits (at once when there is none). */
    public void increment(String name, String... tags) {
        add(name, 1, tags);
    }

    /** Adds {@code amount} to the counter when the current transaction commits (at once when there is none). */
    public void add(String name, long amount, String... tags) {
        increments.fire(new Increment(name, amount, tags));
    }

    /** Registers the counter at zero, so that rate() over it also sees the first increment. */
    public void zero(String name, String... tags) {
        registry.counter(name, tags);
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Increment increment) {
        registry.counter(increment.name(), increment.tags()).increment(increment.amount());
    }

    /** CDI event carrying one pending increment. */
    public record Increment(String name, long amount, String[] tags) {
    }
}
