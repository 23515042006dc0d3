package io.crampcare.intake.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import io.crampcare.contracts.report.Symptom;

/** Stores a set of symptoms as comma-separated names in enum order: readable in SQL, stable for comparisons. */
@Converter
public class SymptomsConverter implements AttributeConverter<Set<Symptom>, String> {

    @Override
    public String convertToDatabaseColumn(Set<Symptom> symptoms) {
        if (symptoms == null || symptoms.isEmpty()) {
            return "";
        }
        return EnumSet.copyOf(symptoms).stream().map(Symptom::name).collect(Collectors.joining(","));
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
