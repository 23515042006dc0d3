package io.crampcare.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.nudge.AckOutcome;
import io.crampcare.contracts.nudge.NudgeAcknowledgedV1;
import io.crampcare.contracts.nudge.NudgeKind;

class EventDescriptorTest {

    @Test
    void everyTypeHasOneDescriptorOnItsTopic() {
        assertEquals(List.of(EventTypes.CRAMP_REPORT_SUBMITTED, EventTypes.ADVICE_ISSUED, EventTypes.NUDGE_DUE,
                EventTypes.NUDGE_ACKNOWLEDGED), EventTypes.ALL);
        assertEquals(List.of(Topics.CRAMP_REPORTS, Topics.ADVICE, Topics.NUDGES, Topics.NUDGE_ACKS), Topics.ALL);
        assertEquals(Topics.NUDGE_ACKS, EventDescriptor.NUDGE_ACKNOWLEDGED.topic());
        assertEquals(NudgeAcknowledgedV1.class, EventDescriptor.NUDGE_ACKNOWLEDGED.payloadClass());
    }

    @Test
    void theKeyIsTheUserWhoseEventItIs() {
        NudgeAcknowledgedV1 ack = new NudgeAcknowledgedV1(UUID.randomUUID(), "ann", NudgeKind.HYDRATION,
                AckOutcome.DONE, Instant.EPOCH, Instant.EPOCH);
        assertEquals("ann", EventDescriptor.NUDGE_ACKNOWLEDGED.keyOf(ack));
    }

    @Test
    void aPayloadOfAnotherEventHasNoKey() {
        assertThrows(ClassCastException.class, () -> EventDescriptor.ADVICE_ISSUED.keyOf("not advice"));
    }
}
