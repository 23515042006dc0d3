package io.crampcare.contracts;

import java.util.List;

/**
 * Kafka topic names, for code. Partition counts and the list the broker is set up with live in
 * {@code deploy/kafka/topics.conf}; a test there keeps the two in step.
 */
public final class Topics {

    /** Cramp reports accepted by the intake service; key = userId. */
    public static final String CRAMP_REPORTS = "cramp-reports";
    /** Advice issued by the advice service; key = userId. */
    public static final String ADVICE = "advice";
    /** Nudges that fell due, from the reminder service; key = userId. */
    public static final String NUDGES = "nudges";
    /** Users' acknowledgements of nudges, from the reminder service; key = userId. */
    public static final String NUDGE_ACKS = "nudge-acks";
    /** Drinks logged and deleted in people's drink logs, from the reminder service; key = userId. */
    public static final String DRINKS = "drinks";
    /**
     * Completed erasures, for consumers outside the services (unsealed, no dead-letter twin: no service consumes it,
     * they erase through the privacy registry); key = subjectRef.
     */
    public static final String ERASURES = "erasures";

    /**
     * Every topic the services publish to, in the order of {@link EventDescriptor#ALL} (one event type each,
     * {@link #DRINKS} two).
     */
    public static final List<String> ALL = EventDescriptor.ALL.stream().map(EventDescriptor::topic).distinct()
            .toList();

    /**
     * The topics that have a dead-letter twin ({@link #deadLetter(String)}), in the order of {@link #ALL}: all but
     * {@link #ERASURES}, which no service consumes.
     */
    public static final List<String> WITH_DEAD_LETTERS = ALL.stream().filter(topic -> !ERASURES.equals(topic))
            .toList();

    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    /** The dead-letter topic where consumers of {@code topic} park records they cannot process. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
