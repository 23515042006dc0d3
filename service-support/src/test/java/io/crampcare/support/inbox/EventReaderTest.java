package io.crampcare.support.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.contracts.EventDescriptor;
import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.nudge.NudgeAcknowledgedV1;
import io.crampcare.contracts.sealed.EventSeal;
import io.crampcare.support.privacy.SubjectKey;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;

/** How a consumed record is opened with its person's key, or why it cannot be (no database: the ring is given). */
class EventReaderTest {

    private static final String TYPE = EventTypes.NUDGE_ACKNOWLEDGED;
    private static final EventKind<NudgeAcknowledgedV1> KIND = new EventKind<>(EventDescriptor.NUDGE_ACKNOWLEDGED,
            (id, ack) -> {
            });

    private final EventReader reader = new EventReader(new ObjectMapper().findAndRegisterModules());
    private final SubjectKey ann = new SubjectKey(UUID.randomUUID(), "user-42", EventSeal.newKey());
    private final Map<UUID, SubjectKey> ring = Map.of(ann.subjectRef(), ann);

    @Test
    void aSealedEventOpensAsItsPersonsEvent() {
        InboxEvent<NudgeAcknowledgedV1> event = reader.read(record(ann.subjectRef().toString(), "e-1",
                seal(ann, "e-1", EventSchemaCheckTest.ACK)), KIND, null, ring);

        assertEquals("user-42", event.key(), "the key the effects see is the user id");
        assertEquals("user-42", event.payload().userId());
        assertEquals("e-1", event.eventId());
    }

    @Test
    void anErasedPersonsEventIsNeitherAppliedNorPoison() {
        SubjectKey shredded = new SubjectKey(ann.subjectRef(), null, null);

        assertThrows(ErasedSubjectEvent.class, () -> reader.read(record(ann.subjectRef().toString(), "e-1",
                seal(ann, "e-1", EventSchemaCheckTest.ACK)), KIND, null, Map.of(ann.subjectRef(), shredded)));
    }

    @Test
    void whatDoesNotOpenWithItsSubjectsKeyIsPoison() {
        String sealed = seal(ann, "e-1", EventSchemaCheckTest.ACK);
        SubjectKey other = new SubjectKey(UUID.randomUUID(), "user-43", EventSeal.newKey());

        assertPoison("keyed by no subject", record(UUID.randomUUID().toString(), "e-1", sealed), ring);
        assertPoison("keyed by no subject", record("user-42", "e-1", sealed), ring);
        assertPoison("not a sealed event", record(ann.subjectRef().toString(), "e-1", EventSchemaCheckTest.ACK), ring);
        assertPoison("not a sealed event", record(ann.subjectRef().toString(), "e-2", sealed), ring);
        // Sealed for another person, under their key, but keyed as Ann's: the subject does not match the seal.
        assertPoison("not a sealed event", record(ann.subjectRef().toString(), "e-1", seal(other, "e-1",
                EventSchemaCheckTest.ACK)), Map.of(ann.subjectRef(), ann, other.subjectRef(), other));
    }

    @Test
    void aSealedPayloadAboutAnotherPersonIsPoison() {
        String aboutSomeoneElse = EventSchemaCheckTest.ACK.replace("user-42", "user-43");

        assertPoison("about another person", record(ann.subjectRef().toString(), "e-1",
                seal(ann, "e-1", aboutSomeoneElse)), ring);
    }

    @Test
    void aSealedPayloadThatBreaksItsSchemaIsPoison() {
        assertPoison("breaks the contract", record(ann.subjectRef().toString(), "e-1",
                seal(ann, "e-1", "{\"userId\": \"user-42\"}")), ring);
        assertPoison("is not JSON", record(ann.subjectRef().toString(), "e-1", seal(ann, "e-1", "{ oops")), ring);
    }

    /** The reason travels in clear beside the sealed record on the dead-letter topic: it must not quote the payload. */
    @Test
    void aReasonDoesNotQuoteTheOpenedPayload() {
        PoisonMessageException poison = assertThrows(PoisonMessageException.class, () -> reader.read(record(
                ann.subjectRef().toString(), "e-1", seal(ann, "e-1", "{\"userId\": \"user-42\", glutes")), KIND,
                null, ring));

        assertFalse(poison.getMessage().contains("glutes"), poison.getMessage());
        assertNull(poison.getCause(), "a cause's message would travel as dead-letter-cause");
    }

    private void assertPoison(String why, KafkaRecord<String, String> record, Map<UUID, SubjectKey> keys) {
        PoisonMessageException poison = assertThrows(PoisonMessageException.class,
                () -> reader.read(record, KIND, null, keys));
        assertTrue(poison.getMessage().contains(why), why + ": " + poison.getMessage());
    }

    private static String seal(SubjectKey key, String eventId, String payload) {
        return EventSeal.seal(key.subjectRef(), key.secret(), eventId, TYPE, payload);
    }

    private static KafkaRecord<String, String> record(String key, String eventId, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("nudge-acks", 0, 0L, key, value);
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", TYPE.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_dataschema", EventSeal.DATA_SCHEMA.toString().getBytes(StandardCharsets.UTF_8));
        TopicPartition partition = new TopicPartition("nudge-acks", 0);
        return new IncomingKafkaRecordBatch<>(new ConsumerRecords<>(Map.of(partition, List.of(record))), "nudge-acks",
                0, null, null, false, false).getRecords().get(0);
    }
}
