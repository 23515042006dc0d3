package io.crampcare.intake.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import io.crampcare.contracts.report.Symptom;

/**
 * The one encoding of the intake's set of symptoms: comma-separated names in enum order, readable in SQL and stable for
 * comparisons; in Java an {@link EnumSet}, so the event and the answer list them in that order too.
 */
@Converter
public class SymptomsConverter implements AttributeConverter<Set<Symptom>, String> {

    /** A copy in enum order (EnumSet.copyOf alone rejects an empty set that is not an EnumSet). */
    public static EnumSet<Symptom> inEnumOrder(Set<Symptom> symptoms) {
        EnumSet<Symptom> copy = EnumSet.noneOf(Symptom.class);
        copy.addAll(symptoms);
        return copy;
    }

    @Override
    public String convertToDatabaseColumn(Set<Symptom> symptoms) {
        if (symptoms == null) {
            return "";
        }
        return inEnumOrder(symptoms).stream().map(Symptom::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<Symptom> convertToEntityAttribute(String column) {
        EnumSet<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(Symptom::valueOf).forEach(symptoms::add);
        }
        return symptoms;
    }
}
