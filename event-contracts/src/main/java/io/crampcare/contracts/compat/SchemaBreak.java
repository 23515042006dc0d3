package io.crampcare.contracts.compat;

/**
 * One change between a baseline schema and the current one that can break a consumer: consumers read topics that
 * hold records written under both versions, so a change must keep old records readable by new code and new records
 * readable by old code.
 *
 * @param file   the schema file, e.g. {@code advice-issued.v1.json}
 * @param path   where in the payload, as a JSON path: {@code $} the whole payload, {@code $.hydration.dailyTargetMl} a
 *               property, {@code [*]} an array's items, {@code $.$defs.Name} a definition
 * @param kind   what kind of break
 * @param detail what changed, old -> new where there is both
 */
public record SchemaBreak(String file, String path, Kind kind, String detail) {

    /** The kinds of break {@link SchemaCompatibility} reports. */
    public enum Kind {
        /** A baseline schema file is gone: its event type can no longer be checked or read. */
        SCHEMA_REMOVED,
        /** A {@code $defs} entry is gone. */
        DEFINITION_REMOVED,
        /** A property is gone: old records still carry it, and consumers read it. */
        PROPERTY_REMOVED,
        /** A property is gone and another of the same type was added in the same object: a rename. */
        PROPERTY_RENAMED,
        /** The {@code type} changed, adding or dropping {@code "null"} included. */
        TYPE_CHANGED,
        /** A property is required now (a new one, or one that was optional): old records may lack it or hold null. */
        REQUIRED_ADDED,
        /** A property is no longer required: consumers rely on a required property never being null. */
        REQUIRED_REMOVED,
        /** An enum constant is gone: old records hold it. */
        ENUM_CONSTANT_REMOVED,
        /** An {@code enum} where any value of the type passed: old records may hold others. */
        ENUM_INTRODUCED,
        /**
         * Any other validation keyword added, removed or changed (format, pattern, minimum, maximum, lengths, item
         * counts, const, additionalProperties, items, $ref, an enum dropped, if/then/else, ...): tightening rejects old
         * records on replay, loosening breaks consumers that rely on the bound.
         */
        CONSTRAINT_CHANGED
    }

    @Override
    public String toString() {
        return file + " " + path + ": " + kind + " (" + detail + ")";
    }
}
