package io.crampcare.support.deadletter;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import io.crampcare.support.errors.NotFound;

/**
 * The dead-letter topics this service's own incoming channels declare
 * ({@code mp.messaging.incoming.<channel>.dead-letter-queue.topic}), each with the topics whose records land there.
 * Only these may be listed and replayed: a service replays what its own consumers parked, into topics they read.
 */
@ApplicationScoped
public class DeadLetterTopics {

    // A profile prefix (%test.) may stand before the name; the value is then read as the active profile sees it.
    private static final Pattern DLQ_TOPIC = Pattern.compile("(?:%[^.]+\\.)?mp\\.messaging\\.incoming\\.([^.]+)\\.dead-letter-queue\\.topic");

    private final SortedMap<String, Set<String>> sourcesByTopic;

    @Inject
    DeadLetterTopics(Config config) {
        this(StreamSupport.stream(config.getPropertyNames().spliterator(), false).toList(),
                name -> config.getOptionalValue(name, String.class));
    }

    DeadLetterTopics(Iterable<String> propertyNames, Function<String, Optional<String>> values) {
        SortedMap<String, Set<String>> sources = new TreeMap<>();
        for (String name : propertyNames) {
            Matcher matcher = DLQ_TOPIC.matcher(name);
            if (!matcher.matches()) {
                continue;
            }
            String channel = matcher.group(1);
            String prefix = "mp.messaging.incoming." + channel + ".";
            values.apply(prefix + "dead-letter-queue.topic").filter(t -> !t.isBlank()).ifPresent(topic -> {
                // The connector's default: a channel without a topic reads the topic named like the channel.
                String source = values.apply(prefix + "topic").filter(t -> !t.isBlank()).orElse(channel);
                sources.computeIfAbsent(topic.strip(), t -> new TreeSet<>()).add(source.strip());
            });
        }
        sources.replaceAll((topic, set) -> Collections.unmodifiableSet(set));
        this.sourcesByTopic = Collections.unmodifiableSortedMap(sources);
    }

    /** Every dead-letter topic this service declares, sorted. */
    public Set<String> topics() {
        return sourcesByTopic.keySet();
    }

    /** The topics whose records the channels park in {@code deadLetterTopic}; NotFound when this service declares no such topic. */
    public Set<String> sourcesOf(String deadLetterTopic) {
        Set<String> sources = sourcesByTopic.get(deadLetterTopic);
        if (sources == null) {
            throw new NotFound(sourcesByTopic.isEmpty()
                    ? "This service consumes no topic with a dead-letter queue."
                    : "Not a dead-letter topic of this service; it has " + String.join(", ", sourcesByTopic.keySet()) + ".");
        }
        return sources;
    }
}
