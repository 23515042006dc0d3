package io.crampcare.contracts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.crampcare.contracts.advice.AdviceIssuedV1;
import io.crampcare.contracts.drink.DrinkDeletedV1;
import io.crampcare.contracts.drink.DrinkLoggedV1;
import io.crampcare.contracts.nudge.NudgeAcknowledgedV1;
import io.crampcare.contracts.nudge.NudgeDueV1;
import io.crampcare.contracts.privacy.SubjectErasedV1;
import io.crampcare.contracts.report.CrampReportSubmittedV1;

/**
 * One kind of event, everything a producer and a consumer must agree on: the Kafka topic it goes to, its CloudEvents
 * {@code type}, its payload record and the function that reads from a payload whose event it is (the user id). On the
 * topic that person is named by their subjectRef, the Kafka key and CloudEvents {@code subject}, and the payload is
 * sealed with their key ({@link io.crampcare.contracts.sealed.EventSeal}). A producer hands the outbox a descriptor
 * and a payload; a consumer names the descriptor it reads.
 *
 * <p>One event is not sealed: {@link #SUBJECT_ERASED}, published as its person's key is shredded. Its key is the
 * subjectRef itself, and the record value its plain payload, which names nobody.
 *
 * @param topic        Kafka topic ({@link Topics})
 * @param type         CloudEvents type ({@link EventTypes})
 * @param payloadClass the payload record
 * @param key          whose event a payload is (the user id); a person's events keep their order. For an unsealed
 *                     event the Kafka key as it is (the subjectRef)
 * @param sealed       whether the payload is sealed with its person's key (every event but {@link #SUBJECT_ERASED})
 */
public record EventDescriptor<T>(String topic, String type, Class<T> payloadClass, Function<? super T, String> key,
        boolean sealed) {

    public static final EventDescriptor<CrampReportSubmittedV1> CRAMP_REPORT_SUBMITTED = new EventDescriptor<>(
            Topics.CRAMP_REPORTS, EventTypes.CRAMP_REPORT_SUBMITTED, CrampReportSubmittedV1.class,
            CrampReportSubmittedV1::userId);
    public static final EventDescriptor<AdviceIssuedV1> ADVICE_ISSUED = new EventDescriptor<>(Topics.ADVICE,
            EventTypes.ADVICE_ISSUED, AdviceIssuedV1.class, AdviceIssuedV1::userId);
    public static final EventDescriptor<NudgeDueV1> NUDGE_DUE = new EventDescriptor<>(Topics.NUDGES,
            EventTypes.NUDGE_DUE, NudgeDueV1.class, NudgeDueV1::userId);
    public static final EventDescriptor<NudgeAcknowledgedV1> NUDGE_ACKNOWLEDGED = new EventDescriptor<>(
            Topics.NUDGE_ACKS, EventTypes.NUDGE_ACKNOWLEDGED, NudgeAcknowledgedV1.class, NudgeAcknowledgedV1::userId);
    // A drink's logged and deleted events share topic and key, so a deletion always follows the drink it names.
    public static final EventDescriptor<DrinkLoggedV1> DRINK_LOGGED = new EventDescriptor<>(Topics.DRINKS,
            EventTypes.DRINK_LOGGED, DrinkLoggedV1.class, DrinkLoggedV1::userId);
    public static final EventDescriptor<DrinkDeletedV1> DRINK_DELETED = new EventDescriptor<>(Topics.DRINKS,
            EventTypes.DRINK_DELETED, DrinkDeletedV1.class, DrinkDeletedV1::userId);
    // Not sealed: the person's key is shredded as it is written, and it carries nothing but the subjectRef.
    public static final EventDescriptor<SubjectErasedV1> SUBJECT_ERASED = new EventDescriptor<>(Topics.ERASURES,
            EventTypes.SUBJECT_ERASED, SubjectErasedV1.class, erased -> erased.subjectRef().toString(), false);

    /** Every event above, one per type; {@link EventTypes#ALL} and {@link Topics#ALL} list them in this order. */
    public static final List<EventDescriptor<?>> ALL = List.of(CRAMP_REPORT_SUBMITTED, ADVICE_ISSUED, NUDGE_DUE,
            NUDGE_ACKNOWLEDGED, DRINK_LOGGED, DRINK_DELETED, SUBJECT_ERASED);

    public EventDescriptor {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadClass, "payloadClass");
        Objects.requireNonNull(key, "key");
    }

    /** A sealed event (every event but {@link #SUBJECT_ERASED}). */
    public EventDescriptor(String topic, String type, Class<T> payloadClass, Function<? super T, String> key) {
        this(topic, type, payloadClass, key, true);
    }

    /** The descriptor of CloudEvents type {@code type}, if it is one of {@link #ALL}. */
    public static Optional<EventDescriptor<?>> ofType(String type) {
        return ALL.stream().filter(descriptor -> descriptor.type().equals(type)).findFirst();
    }

    /**
     * Whose event {@code payload} is (the user id; for an unsealed event its subjectRef), which must be of this
     * event's payload class.
     *
     * @throws ClassCastException when it is not
     */
    public String keyOf(Object payload) {
        return key.apply(payloadClass.cast(payload));
    }
}
