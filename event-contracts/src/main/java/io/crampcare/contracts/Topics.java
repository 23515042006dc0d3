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
     * Every business topic, in the order of {@link EventDescriptor#ALL} (one event type each, {@link #DRINKS} two);
     * each has a dead-letter twin, see {@link #deadLetter(String)}.
     */
    public static final List<String> ALL = EventDescriptor.ALL.stream().map(EventDescriptor::topic).distinct()
            .toList();

    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    /** The dead-letter topic where consumers of {@code topic} park records they cannot process. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
