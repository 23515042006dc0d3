package io.crampcare.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.crampcare.contracts.Topics;
import io.crampcare.kafka.TopicSetup;
import io.crampcare.kafka.TopicSetup.TopicSpec;

/** The test broker is a real Kafka: topics exist as planned, and a produced record is consumed back. */
class KafkaBrokerIT {

    private static final KafkaTestResource KAFKA = new KafkaTestResource();
    private static String bootstrapServers;

    @BeforeAll
    static void startBroker() {
        bootstrapServers = KAFKA.startBroker();
    }

    @AfterAll
    static void stopBroker() {
        KAFKA.stop();
    }

    @Test
    void everyPlannedTopicExistsWithItsPartitionCount() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<String> names = TopicSetup.plan().stream().map(TopicSpec::name).toList();
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();

            for (TopicSpec spec : TopicSetup.plan()) {
                assertEquals(spec.partitions(), described.get(spec.name()).partitions().size(), spec.name());
            }
        }
    }

    @Test
    void topicSetupRunsAgainWithoutHarm() throws Exception {
        TopicSetup.createAll(bootstrapServers, Duration.ofSeconds(30));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> topics = admin.listTopics().names().get();
            assertTrue(topics.containsAll(Topics.ALL), topics.toString());
        }
    }

    @Test
    void aProducedRecordIsConsumedBack() {
        String key = "user-" + UUID.randomUUID();
        String value = "{\"probe\":\"" + UUID.randomUUID() + "\"}";

        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CRAMP_REPORTS, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("send failed", e);
        }

        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CRAMP_REPORTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.stream().noneMatch(r -> key.equals(r.key())) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }

        ConsumerRecord<String, String> record = received.stream().filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("the record did not come back within 30 s"));
        assertEquals(value, record.value());
    }
}
