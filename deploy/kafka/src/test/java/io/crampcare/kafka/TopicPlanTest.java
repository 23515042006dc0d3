package io.crampcare.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.Topics;
import io.crampcare.kafka.TopicSetup.TopicSpec;

class TopicPlanTest {

    @Test
    void planListsEveryTopicTheCodeNamesAndItsDeadLetterTopic() {
        Map<String, Integer> plan = TopicSetup.plan().stream()
                .collect(Collectors.toMap(TopicSpec::name, TopicSpec::partitions));

        for (String topic : Topics.ALL) {
            assertTrue(plan.containsKey(topic), "topics.conf lacks " + topic);
        }
        for (String topic : Topics.WITH_DEAD_LETTERS) {
            assertTrue(plan.containsKey(Topics.deadLetter(topic)), "topics.conf lacks " + Topics.deadLetter(topic));
        }
        assertEquals(Topics.ALL.size() + Topics.WITH_DEAD_LETTERS.size(), plan.size(),
                "topics.conf names topics the code does not know: " + plan.keySet());
    }

    @Test
    void parseSkipsCommentsAndBlankLines() throws Exception {
        List<TopicSpec> specs = TopicSetup.parse(new StringReader("# header\n\nalpha 3  # trailing\n  beta\t1\n"));

        assertEquals(List.of(new TopicSpec("alpha", 3), new TopicSpec("beta", 1)), specs);
    }

    @Test
    void parseRejectsALineWithoutAPartitionCount() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TopicSetup.parse(new StringReader("alpha 3\nbeta\n")));

        assertTrue(error.getMessage().contains("line 2"), error.getMessage());
    }

    @Test
    void parseReadsTopicConfigs() throws Exception {
        List<TopicSpec> specs = TopicSetup.parse(new StringReader("alpha.dlq 1 retention.ms=2592000000\n"));

        assertEquals(List.of(new TopicSpec("alpha.dlq", 1, Map.of("retention.ms", "2592000000"))), specs);
    }

    @Test
    void parseRejectsAConfigWithoutAValue() {
        assertThrows(IllegalArgumentException.class, () -> TopicSetup.parse(new StringReader("alpha 1 retention.ms\n")));
    }

    @Test
    void parseRejectsZeroPartitions() {
        assertThrows(IllegalArgumentException.class, () -> TopicSetup.parse(new StringReader("alpha 0\n")));
    }
}
