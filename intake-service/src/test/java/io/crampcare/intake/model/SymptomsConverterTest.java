package io.crampcare.intake.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.report.Symptom;

class SymptomsConverterTest {

    private final SymptomsConverter converter = new SymptomsConverter();

    @Test
    void storesNamesInEnumOrder() {
        assertEquals("NUMBNESS,TINGLING", converter.convertToDatabaseColumn(Set.of(Symptom.TINGLING, Symptom.NUMBNESS)));
        assertEquals("", converter.convertToDatabaseColumn(Set.of()));
    }

    @Test
    void readsBack() {
        EnumSet<Symptom> all = EnumSet.allOf(Symptom.class);
        assertEquals(all, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(all)));
        assertEquals(EnumSet.noneOf(Symptom.class), converter.convertToEntityAttribute(""));
    }
}
