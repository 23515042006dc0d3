package io.crampcare.reminder.model;

import java.time.DayOfWeek;

import jakarta.persistence.Converter;

/** A set of week days in a text column ({@link EnumSetColumn}). */
@Converter
public class DayOfWeekSet extends EnumSetColumn<DayOfWeek> {

    public DayOfWeekSet() {
        super(DayOfWeek.class);
    }
}
