package io.crampcare.reminder.model;

import jakarta.persistence.Converter;

import io.crampcare.contracts.nudge.NudgeKind;

/** A set of nudge kinds in a text column ({@link EnumSetColumn}). */
@Converter
public class NudgeKindSet extends EnumSetColumn<NudgeKind> {

    public NudgeKindSet() {
        super(NudgeKind.class);
    }
}
