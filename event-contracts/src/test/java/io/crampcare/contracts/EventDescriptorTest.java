package io.crampcare.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.drink.DrinkDeletedV1;
import io.crampcare.contracts.drink.DrinkDeletion;
import io.crampcare.contracts.drink.DrinkKind;
import io.crampcare.contracts.drink.DrinkLoggedV1;
import io.crampcare.contracts.drink.DrinkSource;
import io.crampcare.contracts.nudge.AckOutcome;
import io.crampcare.contracts.nudge.NudgeAcknowledgedV1;
import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.contracts.privacy.SubjectErasedV1;

class EventDescriptorTest {

    @Test
    void everyTypeHasOneDescriptorOnItsTopic() {
        assertEquals(List.of(EventTypes.CRAMP_REPORT_SUBMITTED, EventTypes.ADVICE_ISSUED, EventTypes.NUDGE_DUE,
                EventTypes.NUDGE_ACKNOWLEDGED, EventTypes.DRINK_LOGGED, EventTypes.DRINK_DELETED,
                EventTypes.SUBJECT_ERASED), EventTypes.ALL);
        assertEquals(List.of(Topics.CRAMP_REPORTS, Topics.ADVICE, Topics.NUDGES, Topics.NUDGE_ACKS, Topics.DRINKS,
                Topics.ERASURES), Topics.ALL);
        assertEquals(List.of(Topics.CRAMP_REPORTS, Topics.ADVICE, Topics.NUDGES, Topics.NUDGE_ACKS, Topics.DRINKS),
                Topics.WITH_DEAD_LETTERS, "erasures has no consumer among the services, so no dead letters");
        assertEquals(Topics.NUDGE_ACKS, EventDescriptor.NUDGE_ACKNOWLEDGED.topic());
        assertEquals(NudgeAcknowledgedV1.class, EventDescriptor.NUDGE_ACKNOWLEDGED.payloadClass());
    }

    /** A drink's deletion must follow the drink it names: both go to one topic under one key. */
    @Test
    void aDrinksEventsShareTopicAndKey() {
        UUID drink = UUID.randomUUID();
        DrinkLoggedV1 logged = new DrinkLoggedV1(drink, "ann", Instant.EPOCH, 250, DrinkKind.WATER, DrinkSource.LOGGED,
                null, Instant.EPOCH);
        DrinkDeletedV1 deleted = new DrinkDeletedV1(drink, "ann", DrinkDeletion.UNDONE, null, Instant.EPOCH);
        assertEquals(Topics.DRINKS, EventDescriptor.DRINK_LOGGED.topic());
        assertEquals(Topics.DRINKS, EventDescriptor.DRINK_DELETED.topic());
        assertEquals("ann", EventDescriptor.DRINK_LOGGED.keyOf(logged));
        assertEquals("ann", EventDescriptor.DRINK_DELETED.keyOf(deleted));
        assertThrows(ClassCastException.class, () -> EventDescriptor.DRINK_DELETED.keyOf(logged));
    }

    @Test
    void theKeyIsTheUserWhoseEventItIs() {
        NudgeAcknowledgedV1 ack = new NudgeAcknowledgedV1(UUID.randomUUID(), "ann", NudgeKind.HYDRATION,
                AckOutcome.DONE, Instant.EPOCH, Instant.EPOCH);
        assertEquals("ann", EventDescriptor.NUDGE_ACKNOWLEDGED.keyOf(ack));
    }

    /** The erasure event is the one not sealed: its person's key is shredded as it is written. */
    @Test
    void onlyTheErasureIsUnsealedAndKeyedByItsSubjectRef() {
        assertEquals(List.of(EventDescriptor.SUBJECT_ERASED),
                EventDescriptor.ALL.stream().filter(descriptor -> !descriptor.sealed()).toList());
        UUID subjectRef = UUID.randomUUID();
        assertEquals(subjectRef.toString(),
                EventDescriptor.SUBJECT_ERASED.keyOf(new SubjectErasedV1(subjectRef, Instant.EPOCH)));
        assertEquals(Optional.of(EventDescriptor.SUBJECT_ERASED), EventDescriptor.ofType(EventTypes.SUBJECT_ERASED));
        assertEquals(Optional.empty(), EventDescriptor.ofType("io.crampcare.thing.done.v1"));
    }

    @Test
    void aPayloadOfAnotherEventHasNoKey() {
        assertThrows(ClassCastException.class, () -> EventDescriptor.ADVICE_ISSUED.keyOf("not advice"));
    }
}
