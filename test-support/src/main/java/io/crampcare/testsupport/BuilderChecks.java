package io.crampcare.testsupport;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks the one positional constructor call behind a named builder or a mapping between records: one component set at
 * a time, through the builder method of its name, it arrives in the component of its name and nowhere else. A swap of
 * two arguments of the same type (two Booleans) fails it.
 */
public final class BuilderChecks {

    private BuilderChecks() {
    }

    /**
     * @param type       the record the builder builds
     * @param newBuilder a fresh builder with nothing set; its {@code build()} makes the record
     */
    public static void eachComponentByName(Class<? extends Record> type, Supplier<?> newBuilder) {
        eachComponentByName(type, newBuilder, Set.of());
    }

    /**
     * As {@link #eachComponentByName(Class, Supplier)}, for a builder that on purpose has no setter for the components
     * named in {@code alwaysNull}: those are null in every record it builds.
     */
    public static void eachComponentByName(Class<? extends Record> type, Supplier<?> newBuilder,
            Set<String> alwaysNull) {
        RecordComponent[] components = type.getRecordComponents();
        Object empty = build(newBuilder.get());
        for (RecordComponent set : components) {
            if (alwaysNull.contains(set.getName())) {
                if (read(set, empty) != null) {
                    throw new AssertionError(type.getSimpleName() + "." + set.getName() + " is not null");
                }
                continue;
            }
            Object builder = newBuilder.get();
            Object value = sample(set.getGenericType());
            invoke(method(builder, set), builder, value);
            Object built = build(builder);
            for (RecordComponent component : components) {
                Object expected = component == set ? value : read(component, empty);
                if (!Objects.equals(read(component, built), expected)) {
                    throw new AssertionError("Setting " + set.getName() + " of " + type.getSimpleName() + " gave "
                            + component.getName() + " " + read(component, built) + ", not " + expected);
                }
            }
        }
    }

    /**
     * Checks a mapping from one record to another: each source component, set alone through the source's builder,
     * changes the target's component of the same name (or its new name) and no other but those derived from it; where
     * the two have the same type, the value arrives unchanged.
     *
     * @param renamed     source component -> its target component, where the names differ
     * @param alsoChanges source component -> target components derived from it besides its own
     */
    public static <S extends Record> void eachComponentCarriedByName(Class<S> sourceType, Supplier<?> newSourceBuilder,
            Function<S, ? extends Record> map, Map<String, String> renamed, Map<String, Set<String>> alsoChanges) {
        eachComponentCarriedByName(sourceType, newSourceBuilder, map, renamed, alsoChanges, Set.of());
    }

    /**
     * As above, for a source builder that on purpose has no setter for the components named in {@code unset} (they
     * are null in every source it builds, so the mapping is not checked for them).
     */
    public static <S extends Record> void eachComponentCarriedByName(Class<S> sourceType, Supplier<?> newSourceBuilder,
            Function<S, ? extends Record> map, Map<String, String> renamed, Map<String, Set<String>> alsoChanges,
            Set<String> unset) {
        Record empty = map.apply(sourceType.cast(build(newSourceBuilder.get())));
        RecordComponent[] targets = empty.getClass().getRecordComponents();
        for (RecordComponent set : sourceType.getRecordComponents()) {
            if (unset.contains(set.getName())) {
                continue;
            }
            Object builder = newSourceBuilder.get();
            Object value = sample(set.getGenericType());
            invoke(method(builder, set), builder, value);
            Record mapped = map.apply(sourceType.cast(build(builder)));
            String own = renamed.getOrDefault(set.getName(), set.getName());
            Set<String> expected = new HashSet<>(alsoChanges.getOrDefault(set.getName(), Set.of()));
            expected.add(own);
            for (RecordComponent target : targets) {
                Object now = read(target, mapped);
                boolean changed = !Objects.equals(now, read(target, empty));
                boolean wrongValue = target.getName().equals(own) && target.getType() == set.getType()
                        && !Objects.equals(now, value);
                if (changed != expected.contains(target.getName()) || wrongValue) {
                    throw new AssertionError("Setting " + set.getName() + " of " + sourceType.getSimpleName()
                            + " gave " + target.getName() + " " + now);
                }
            }
        }
    }

    private static Method method(Object builder, RecordComponent component) {
        try {
            return builder.getClass().getMethod(component.getName(), component.getType());
        } catch (NoSuchMethodException e) {
            throw new AssertionError(builder.getClass().getSimpleName() + " has no method " + component.getName() + "("
                    + component.getType().getSimpleName() + ")", e);
        }
    }

    private static Object build(Object builder) {
        try {
            return invoke(builder.getClass().getMethod("build"), builder);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(builder.getClass().getSimpleName() + " has no build()", e);
        }
    }

    private static Object read(RecordComponent component, Object record) {
        return invoke(component.getAccessor(), record);
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(method + " failed", e);
        }
    }

    /** A value of the type unlike the empty builder's (null, zero or false). */
    static Object sample(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Object element = sample(parameterized.getActualTypeArguments()[0]);
            return parameterized.getRawType() == Set.class ? Set.of(element) : List.of(element);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == Boolean.class || raw == boolean.class) {
            return true;
        } else if (raw == Integer.class || raw == int.class) {
            return 7;
        } else if (raw == Long.class || raw == long.class) {
            return 7L;
        } else if (raw == Double.class || raw == double.class) {
            return 7.5;
        } else if (raw == String.class) {
            return "sample";
        } else if (raw == UUID.class) {
            return UUID.fromString("00000000-0000-0000-0000-000000000007");
        } else if (raw == Instant.class) {
            return Instant.parse("2001-02-03T04:05:06Z");
        } else if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        } else if (raw.isRecord()) {
            Object[] values = Arrays.stream(raw.getRecordComponents()).map(c -> sample(c.getGenericType())).toArray();
            try {
                return raw.getDeclaredConstructor(Arrays.stream(raw.getRecordComponents())
                        .map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("No sample of " + raw, e);
            }
        }
        throw new IllegalArgumentException("No sample of " + type);
    }
}
