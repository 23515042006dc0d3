package io.crampcare.support.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.crampcare.support.errors.NotFound;

class DeadLetterTopicsTest {

    @Test
    void theDeadLetterTopicsTheIncomingChannelsDeclare() {
        Map<String, String> config = Map.of(
                "mp.messaging.incoming.cramp-reports.topic", "cramp-reports",
                "mp.messaging.incoming.cramp-reports.dead-letter-queue.topic", "cramp-reports.dlq",
                "mp.messaging.incoming.acks.dead-letter-queue.topic", "acks.dlq", // no topic: the channel's name
                "mp.messaging.incoming.plain.topic", "plain", // no dead-letter queue
                "mp.messaging.outgoing.out.dead-letter-queue.topic", "out.dlq"); // not incoming
        DeadLetterTopics topics = new DeadLetterTopics(config.keySet(), name -> Optional.ofNullable(config.get(name)));
        assertEquals(Set.of("acks.dlq", "cramp-reports.dlq"), topics.topics());
        assertEquals(Set.of("cramp-reports"), topics.sourcesOf("cramp-reports.dlq"));
        assertEquals(Set.of("acks"), topics.sourcesOf("acks.dlq"));
    }

    @Test
    void twoChannelsMayShareOneDeadLetterTopic() {
        Map<String, String> config = Map.of(
                "mp.messaging.incoming.a.topic", "a",
                "mp.messaging.incoming.a.dead-letter-queue.topic", "shared.dlq",
                "mp.messaging.incoming.b.topic", "b",
                "mp.messaging.incoming.b.dead-letter-queue.topic", "shared.dlq");
        DeadLetterTopics topics = new DeadLetterTopics(config.keySet(), name -> Optional.ofNullable(config.get(name)));
        assertEquals(Set.of("a", "b"), topics.sourcesOf("shared.dlq"));
    }

    @Test
    void aProfileOnlyDeclarationCountsWithItsActiveValue() {
        // SmallRye lists %test.x among the names; the active value is read under the plain name.
        Map<String, String> names = Map.of("%test.mp.messaging.incoming.c.dead-letter-queue.topic", "");
        Map<String, String> active = Map.of("mp.messaging.incoming.c.dead-letter-queue.topic", "c.dlq");
        DeadLetterTopics topics = new DeadLetterTopics(names.keySet(), name -> Optional.ofNullable(active.get(name)));
        assertEquals(Set.of("c.dlq"), topics.topics());
    }

    @Test
    void anyOtherTopicIs404() {
        Map<String, String> config = Map.of("mp.messaging.incoming.a.dead-letter-queue.topic", "a.dlq");
        DeadLetterTopics topics = new DeadLetterTopics(config.keySet(), name -> Optional.ofNullable(config.get(name)));
        assertThrows(NotFound.class, () -> topics.sourcesOf("a"));
        assertThrows(NotFound.class, () -> topics.sourcesOf("b.dlq"));
        DeadLetterTopics none = new DeadLetterTopics(Set.of(), name -> Optional.empty());
        assertEquals(Set.of(), none.topics());
        assertThrows(NotFound.class, () -> none.sourcesOf("a.dlq"));
    }
}
