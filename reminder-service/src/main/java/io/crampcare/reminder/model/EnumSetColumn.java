package io.crampcare.reminder.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;

/**
 * The one encoding of a set of enum constants in a column: their names in declaration order, comma-separated (an empty
 * set is an empty string, no set is null). Subclasses name the enum, one per type of set.
 */
public abstract class EnumSetColumn<E extends Enum<E>> implements AttributeConverter<Set<E>, String> {

    private final Class<E> type;

    protected EnumSetColumn(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(Set<E> values) {
        return values == null ? null : copy(values).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<E> convertToEntityAttribute(String column) {
        if (column == null) {
            return null;
        }
        EnumSet<E> values = EnumSet.noneOf(type);
        if (!column.isBlank()) {
            Arrays.stream(column.split(",")).map(name -> Enum.valueOf(type, name)).forEach(values::add);
        }
        return values;
    }

    /** An ordered copy of {@code values} (declaration order), which a caller may change without touching them. */
    private EnumSet<E> copy(Set<E> values) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return copy;
    }
}
