package io.crampcare.system.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import io.crampcare.system.fuzz.Bodies.Field;
import io.crampcare.system.fuzz.Bodies.Kind;

/**
 * Category (a): a valid body with one or more mutations. The primary mutation of each request comes from a per-endpoint
 * rotation, so every kind reaches every body endpoint; sometimes one or two small ones are added on top, because
 * validators that are fine with one bad field sometimes trip over two.
 */
final class BodyMutations {

    /** 64 KiB, the documented body limit (README, "Request limits"). */
    static final int BODY_LIMIT = 64 * 1024;

    enum Mutation {
        WRONG_TYPE, OUT_OF_RANGE, UNKNOWN_ENUM, UNKNOWN_FIELD, MISSING_REQUIRED, NULLS, EMPTY_STRING, LONG_STRING,
        OVER_LIMIT, DEEP_NESTING, DUPLICATE_KEYS, UNICODE, CONTROL_CHARS, INJECTION, TRAVERSAL, FORMAT_STRING,
        INVALID_UTF8,
        /** Idempotency-Key (reports) or If-Match (preferences): the headers those bodies come with. */
        HEADER;

        /** Small edits to one field (or an added member) that can ride along with a light primary mutation. */
        boolean light() {
            return switch (this) {
                case LONG_STRING, OVER_LIMIT, DEEP_NESTING, DUPLICATE_KEYS, HEADER -> false;
                default -> true;
            };
        }
    }

    private final Random rnd;
    private final Map<Endpoint, Rand.Rotation<Mutation>> rotations = new EnumMap<>(Endpoint.class);
    /** Per corpus, so every sample (the lone surrogate too) is used before any is used twice. */
    private final Map<List<HostileStrings.Sample>, Rand.Rotation<HostileStrings.Sample>> samples =
            new IdentityHashMap<>();
    /** Fields already mutated in the current request: an extra mutation picks another, so each note stays true. */
    private final Set<String> touched = new HashSet<>();
    /** Whether the mutation being applied is an extra: then only its single-field variants are used. */
    private boolean extra;

    BodyMutations(Random rnd) {
        this.rnd = rnd;
    }

    void apply(Draft d) {
        Mutation primary = rotations.computeIfAbsent(d.endpoint, e -> new Rand.Rotation<>(applicable(e), rnd)).next();
        touched.clear();
        extra = false;
        apply(d, primary);
        // Extras only beside a light primary (repeating a 60 KiB value a thousand times is not the test intended), and
        // only on fields the primary left alone.
        if (primary.light() && Rand.chance(rnd, 0.35)) {
            int extras = Rand.between(rnd, 1, 2);
            List<Mutation> light = applicable(d.endpoint).stream().filter(Mutation::light).toList();
            extra = true;
            for (int i = 0; i < extras && d.object() != null && d.bytes == null && !untouched(d).isEmpty(); i++) {
                apply(d, Rand.pick(rnd, light));
            }
            extra = false;
        }
        if (primary == Mutation.LONG_STRING && d.bodyBytes().length >= BODY_LIMIT) {
            throw new IllegalStateException("a long-string body must stay under the limit: " + d.build());
        }
    }

    private static List<Mutation> applicable(Endpoint e) {
        List<Mutation> result = new ArrayList<>(List.of(Mutation.values()));
        if (e.body != Endpoint.BodyKind.REPORT && e.body != Endpoint.BodyKind.PREFERENCES) {
            result.remove(Mutation.HEADER);
        }
        return result;
    }

    private void apply(Draft d, Mutation m) {
        switch (m) {
            case WRONG_TYPE -> wrongType(d);
            case OUT_OF_RANGE -> outOfRange(d);
            case UNKNOWN_ENUM -> unknownEnum(d);
            case UNKNOWN_FIELD -> unknownField(d);
            case MISSING_REQUIRED -> missingRequired(d);
            case NULLS -> nulls(d);
            case EMPTY_STRING -> emptyString(d);
            case LONG_STRING -> longString(d);
            case OVER_LIMIT -> overLimit(d);
            case DEEP_NESTING -> deepNesting(d);
            case DUPLICATE_KEYS -> duplicateKeys(d);
            case UNICODE -> text(d, "unicode", HostileStrings.UNICODE);
            case CONTROL_CHARS -> controlChars(d);
            case INJECTION -> text(d, "injection", HostileStrings.INJECTION);
            case TRAVERSAL -> text(d, "path traversal", HostileStrings.TRAVERSAL);
            case FORMAT_STRING -> text(d, "format string", HostileStrings.FORMAT);
            case INVALID_UTF8 -> invalidUtf8(d);
            case HEADER -> header(d);
        }
    }

    // ---- choosing a field ------------------------------------------------------------------------------------------

    private static List<Field> fields(Draft d) {
        return Bodies.fields(d.endpoint.body);
    }

    /**
     * A field matching {@code wanted}, or any field when none does (the snooze body has no string field, so "a string
     * attack" lands on its number: a wrong type as well, which the description says). Nested fields only while their
     * parent is still an object, so an earlier mutation that replaced "activity" is not silently undone.
     */
    private Field pick(Draft d, Predicate<Field> wanted) {
        List<Field> usable = untouched(d);
        if (usable.isEmpty()) {
            return null; // only for extras: the primary mutation always starts on a fresh body
        }
        List<Field> matching = usable.stream().filter(wanted).toList();
        Field chosen = Rand.pick(rnd, matching.isEmpty() ? usable : matching);
        touched.add(chosen.path());
        return chosen;
    }

    /** Fields not yet mutated, neither themselves nor their parent or children ("activity" vs "activity.type"). */
    private List<Field> untouched(Draft d) {
        Json.Obj body = d.object();
        return fields(d).stream().filter(f -> parentIsObject(body, f)).filter(f -> touched.stream().noneMatch(
                t -> t.equals(f.path()) || f.path().startsWith(t + ".") || t.startsWith(f.path() + "."))).toList();
    }

    /** After a mutation of every field. */
    private void touchAll(Draft d) {
        fields(d).forEach(f -> touched.add(f.path()));
    }

    private static boolean parentIsObject(Json.Obj body, Field f) {
        int dot = f.path().indexOf('.');
        return dot < 0 || body.get(f.path().substring(0, dot)) instanceof Json.Obj;
    }

    /** A string-valued field, free-text ones (userId, notes, timeZone) twice as likely as enum or date strings. */
    private Field pickText(Draft d) {
        if (Rand.chance(rnd, 0.66)) {
            return pick(d, f -> f.kind() == Kind.STRING);
        }
        return pick(d, f -> f.kind().stringy());
    }

    private HostileStrings.Sample sample(List<HostileStrings.Sample> corpus) {
        return samples.computeIfAbsent(corpus, c -> new Rand.Rotation<>(c, rnd)).next();
    }

    private static String validConstant(Field f, Random rnd) {
        return f.constants().isEmpty() ? "X" : Rand.pick(rnd, f.constants());
    }

    // ---- the mutations ---------------------------------------------------------------------------------------------

    private record Option(Object value, String what) {
    }

    private static Option o(Object value, String what) {
        return new Option(value, what);
    }

    /** A JSON type the field does not take. Some are accepted by Jackson's default coercions, which is worth knowing. */
    private void wrongType(Draft d) {
        Field f = pick(d, x -> true);
        if (f == null) {
            return;
        }
        Object current = d.object().at(f.path());
        String constant = validConstant(f, rnd);
        List<Option> options = switch (f.kind()) {
            case STRING -> List.of(o(42, "number"), o(true, "boolean"), o(Json.obj().put("value", "x"), "object"),
                    o(List.of("x"), "array"));
            case INT, NUMBER -> List.of(o("12", "numeric string (Jackson coerces it)"), o("twelve", "string"),
                    o(true, "boolean"), o(Json.obj().put("value", 12), "object"), o(List.of(12), "array"),
                    o(new Json.Raw("12.75"), "fraction (Jackson truncates it for ints)"));
            case ENUM -> List.of(o(Json.obj().put("name", constant), "object"), o(List.of(constant), "array"),
                    o(1, "number (Jackson reads an enum index)"), o(true, "boolean"), o(new Json.Raw("0.5"), "fraction"));
            case BOOL -> List.of(o("yes", "string"), o("true", "boolean as string"), o(1, "number"),
                    o(Json.obj(), "object"), o(List.of(), "array"));
            case INSTANT -> List.of(o(1_700_000_000L, "epoch seconds number"), o(true, "boolean"), o(Json.obj(), "object"),
                    o(List.of(2025, 1, 1), "array of numbers"), o("yesterday", "non-date string"));
            case TIME -> List.of(o(700, "number"), o(List.of(7, 0), "array [7,0]"), o(List.of(25, 0), "array [25,0]"),
                    o(List.of(7), "array [7]"), o(Json.obj(), "object"), o("7am", "non-time string"));
            case OBJECT -> List.of(o(List.of(current == null ? Json.obj() : current), "array wrapping the object"),
                    o("SQUATS", "string"), o(1, "number"), o(true, "boolean"));
            case ENUM_ARRAY -> List.of(o(Json.obj().put("0", constant), "object"), o(constant, "single string"),
                    o(1, "number"), o(true, "boolean"), o(List.of(List.of(constant)), "nested array"));
        };
        Option choice = Rand.pick(rnd, options);
        d.object().set(f.path(), choice.value());
        d.note(f.path() + ": " + choice.what() + " instead of " + kindName(f.kind()));
    }

    private static String kindName(Kind kind) {
        return switch (kind) {
            case STRING -> "string";
            case INT -> "integer";
            case NUMBER -> "number";
            case ENUM -> "enum constant";
            case BOOL -> "boolean";
            case INSTANT -> "ISO-8601 instant";
            case TIME -> "local time";
            case OBJECT -> "object";
            case ENUM_ARRAY -> "array of enum constants";
        };
    }

    /** For text put where no text goes (the snooze body has only a number): says so. */
    private static String where(Field f) {
        return f.kind().stringy() ? "" : " (in " + withArticle(f.kind()) + " field)";
    }

    private static String withArticle(Kind kind) {
        String name = kindName(kind);
        return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    /** Just outside each documented range (severity 0-10, minutes 5-240, ...). */
    private static final Map<String, long[]> BOUNDS = Map.ofEntries(
            Map.entry("severity", new long[] { -1, 11 }),
            Map.entry("durationSeconds", new long[] { 0, 86_401 }),
            Map.entry("activity.minutes", new long[] { 0, 1_441 }),
            Map.entry("waterTodayMl", new long[] { -1, 20_001 }),
            Map.entry("dailyCap", new long[] { 0, 25 }),
            Map.entry("durationMinutes", new long[] { 0, 601 }),
            Map.entry("minutes", new long[] { 4, 241 }));

    private static final List<Option> EXTREME_NUMBERS = List.of(
            o(new Json.Raw("-1"), "-1"),
            o(new Json.Raw("-2147483649"), "below int range"),
            o(new Json.Raw("2147483648"), "above int range"),
            o(new Json.Raw("9223372036854775808"), "above long range"),
            o(new Json.Raw("1e308"), "1e308"),
            o(new Json.Raw("-1e308"), "-1e308"),
            o(new Json.Raw("1e309"), "1e309 (beyond double)"),
            o(new Json.Raw("4.9e-324"), "smallest subnormal double"),
            o(new Json.Raw("-0"), "-0"),
            o(new Json.Raw("-0.0"), "-0.0"),
            o(new Json.Raw("1E2"), "exponent form 1E2"),
            o("NaN", "NaN as string (Jackson coerces it for doubles)"),
            o("Infinity", "Infinity as string"),
            o("-Infinity", "-Infinity as string"),
            o(new Json.Raw("NaN"), "bare NaN token (not JSON)"),
            o(new Json.Raw("1" + "0".repeat(1200)), "1201-digit integer"),
            o(new Json.Raw("1e999999999"), "exponent 999999999"),
            o(new Json.Raw("0." + "0".repeat(1500) + "1"), "1500-digit fraction"));

    /**
     * Instants that Java parses but PostgreSQL's timestamptz (4713 BC to 294276 AD) cannot hold: a past one passes
     * "not in the future" (occurredAt), a future one passes "in the future" (startsAt); then only the database objects.
     */
    private static final List<Option> EXTREME_INSTANTS = List.of(
            o("-1000000000-01-01T00:00:00Z", "Instant.MIN"),
            o("+1000000000-12-31T23:59:59.999999999Z", "Instant.MAX"),
            o("-4714-01-01T00:00:00Z", "year -4714 (before PostgreSQL's range)"),
            o("+294277-01-01T00:00:00Z", "year 294277 (after PostgreSQL's range)"),
            o("0000-01-01T00:00:00Z", "year 0"),
            o(new Json.Raw("-10000000000000"), "epoch seconds -1e13 (year -315000)"),
            o(new Json.Raw("1e308"), "epoch seconds 1e308"),
            o("2025-01-01T00:00:00.123456789Z", "nanoseconds (PostgreSQL keeps microseconds)"),
            o("2025-01-01T00:00:00+14:00", "an offset instead of Z"));

    /** Local times at and past the edges of a day. */
    private static final List<Option> EXTREME_TIMES = List.of(
            o("24:00", "24:00"), o("23:59:60", "a leap second"), o("-01:00", "a negative time"),
            o("23:59:59.999999999", "the last nanosecond of the day (PostgreSQL rounds to 24:00)"),
            o("00:00", "midnight"), o("7:00", "a one-digit hour"), o("07:00:00+02:00", "an offset time"));

    private void outOfRange(Draft d) {
        Predicate<Field> temporal = x -> x.kind() == Kind.INSTANT || x.kind() == Kind.TIME;
        if (Rand.chance(rnd, 0.35) && untouched(d).stream().anyMatch(temporal)) {
            Field f = pick(d, temporal);
            Option choice = Rand.pick(rnd, f.kind() == Kind.INSTANT ? EXTREME_INSTANTS : EXTREME_TIMES);
            d.object().set(f.path(), choice.value());
            d.note(f.path() + ": out of range, " + choice.what());
            return;
        }
        Field f = pick(d, x -> x.kind().numeric());
        if (f == null) {
            return;
        }
        Option choice;
        long[] bounds = BOUNDS.get(f.path());
        if (bounds != null && Rand.chance(rnd, 0.3)) {
            boolean below = rnd.nextBoolean();
            long value = below ? bounds[0] : bounds[1];
            choice = o(value, (below ? "just below range: " : "just above range: ") + value);
        } else if (f.path().equals("bodyWeightKg") && Rand.chance(rnd, 0.3)) {
            choice = Rand.pickOf(rnd, o(new Json.Raw("19.999"), "just below 20 kg"),
                    o(new Json.Raw("400.0001"), "just above 400 kg"));
        } else {
            choice = Rand.pick(rnd, EXTREME_NUMBERS);
        }
        d.object().set(f.path(), choice.value());
        d.note(f.path() + ": out of range, " + choice.what()
                + (f.kind().numeric() ? "" : " (in " + withArticle(f.kind()) + " field)"));
    }

    private void unknownEnum(Draft d) {
        Field f = pick(d, x -> x.kind() == Kind.ENUM || x.kind() == Kind.ENUM_ARRAY);
        if (f == null) {
            return;
        }
        String valid = validConstant(f, rnd);
        List<Option> options = new ArrayList<>(List.of(
                o("glutes", "unknown constant"),
                o(valid.toLowerCase(Locale.ROOT), "lower-case constant"),
                o(valid + " ", "constant with trailing space"),
                o(" " + valid, "constant with leading space"),
                o(valid.replace('_', ' '), "constant with spaces"),
                o(valid + "\u200B", "constant with a zero-width space"),
                o(new Json.Raw("\"\\u00" + Integer.toHexString(valid.charAt(0)) + valid.substring(1) + "\""),
                        "valid constant spelled with a \\u escape (same string)"),
                o(99, "index 99"),
                o(-1, "index -1"),
                o(0, "index 0 (Jackson maps it to the first constant)"),
                o("null", "the string \"null\""),
                o("*", "wildcard")));
        if (f.path().equals("outcome")) {
            options.add(o("SNOOZED", "SNOOZED (an AckOutcome the ack endpoint refuses)"));
        }
        Option choice = Rand.pick(rnd, options);
        if (f.kind() == Kind.ENUM_ARRAY) {
            List<Object> list = new ArrayList<>();
            list.add(valid);
            list.add(choice.value());
            d.object().set(f.path(), list);
            d.note(f.path() + ": array element " + choice.what());
        } else {
            d.object().set(f.path(), choice.value());
            d.note(f.path() + ": " + choice.what());
        }
    }

    private void unknownField(Draft d) {
        Json.Obj body = d.object();
        String first = fields(d).get(0).path();
        List<Option> options = List.of(
                o(new Json.Member("admin", true), "admin: true"),
                o(new Json.Member("role", "admin"), "role: admin"),
                o(new Json.Member("userId", d.targets.otherUser()), "userId of the other user (not a field here)"),
                o(new Json.Member("user_id", d.targets.otherUser()), "user_id of the other user"),
                o(new Json.Member("id", Rand.uuid(rnd)), "id (read-only or absent)"),
                o(new Json.Member("receivedAt", "2000-01-01T00:00:00Z"), "receivedAt (response-only)"),
                o(new Json.Member("__proto__", Json.obj().put("admin", true)), "__proto__"),
                o(new Json.Member("@class", "java.lang.ProcessBuilder"), "@class (polymorphic typing gadget)"),
                o(new Json.Member("$where", "1==1"), "$where"),
                o(new Json.Member(Character.toUpperCase(first.charAt(0)) + first.substring(1), "x"),
                        "known field with a capital letter"),
                o(new Json.Member(first + " ", "x"), "known field with a trailing space"),
                o(new Json.Member("", "x"), "empty key"),
                o(new Json.Member("\u0000", "x"), "NUL key"),
                o(new Json.Member("version", 99), "version (server-managed)"));
        Option choice = Rand.pick(rnd, options);
        Json.Member member = (Json.Member) choice.value();
        if (body.get("activity") instanceof Json.Obj activity && Rand.chance(rnd, 0.25)) {
            activity.add(member.key(), member.value());
            d.note("unknown field in activity: " + choice.what());
        } else {
            body.add(member.key(), member.value());
            d.note("unknown field " + choice.what());
        }
    }

    private void missingRequired(Draft d) {
        Json.Obj body = d.object();
        List<Field> required = untouched(d).stream().filter(Field::required).toList();
        if (required.isEmpty()) {
            return;
        }
        int variant = extra ? 2 : rnd.nextInt(3);
        if (variant == 0 && required.size() > 1) {
            for (Field f : required) {
                body.unset(f.path());
            }
            touchAll(d);
            d.note("every required field left out");
        } else if (variant == 1) {
            d.json = Json.obj();
            touchAll(d);
            d.note("empty object {}");
        } else {
            Field f = Rand.pick(rnd, required);
            body.unset(f.path());
            touched.add(f.path());
            d.note("required " + f.path() + " left out");
        }
    }

    private void nulls(Draft d) {
        Json.Obj body = d.object();
        switch (extra ? 2 + rnd.nextInt(2) : rnd.nextInt(4)) {
            case 0 -> {
                d.json = new Json.Raw("null");
                d.note("body is the JSON literal null");
            }
            case 1 -> {
                for (Field f : fields(d)) {
                    if (parentIsObject(body, f) && !f.path().contains(".")) {
                        body.set(f.path(), null);
                    }
                }
                touchAll(d);
                d.note("every field null");
            }
            case 2 -> {
                Field f = pick(d, x -> x.kind() == Kind.ENUM_ARRAY);
                if (f == null) {
                    return;
                }
                List<Object> list = new ArrayList<>();
                list.add(null);
                body.set(f.path(), list);
                d.note(f.path() + ": [null]");
            }
            default -> {
                Field f = pick(d, x -> x.required() || rnd.nextBoolean());
                if (f == null) {
                    return;
                }
                body.set(f.path(), null);
                d.note(f.path() + ": null" + (f.required() ? " (required)" : ""));
            }
        }
    }

    private void emptyString(Draft d) {
        if (!extra && rnd.nextInt(4) == 0) {
            for (Field f : fields(d)) {
                if (parentIsObject(d.object(), f) && f.kind() != Kind.OBJECT) {
                    d.object().set(f.path(), "");
                }
            }
            touchAll(d);
            d.note("every field an empty string");
            return;
        }
        Field f = pick(d, x -> x.kind() != Kind.OBJECT);
        if (f == null) {
            return;
        }
        d.object().set(f.path(), "");
        d.note(f.path() + ": empty string" + (f.kind() == Kind.STRING ? "" : " (in " + withArticle(f.kind()) + " field)"));
    }

    /**
     * 10 to 60 KiB of text in one value (or one key): far over every field's bound, still under the body limit, so the
     * field validation (not the size limit) has to answer.
     */
    private void longString(Draft d) {
        HostileStrings.Sample unit = sample(HostileStrings.LONG_UNITS);
        int target = Rand.between(rnd, 10 * 1024, 60 * 1024);
        Field f = pickText(d);
        boolean asKey = Rand.chance(rnd, 0.15);
        // What the rest of the body takes (the replaced value is small), with room for the extras added after this.
        int headroom = BODY_LIMIT - 1024 - d.bodyBytes().length;
        String value = HostileStrings.ofEncodedLength(unit, Math.min(target, headroom));
        if (asKey) {
            d.object().add(value, "x");
            d.note("long string as a key: " + value.length() + " chars of " + unit.name());
        } else {
            d.object().set(f.path(), value);
            d.note(f.path() + ": long string, " + Json.encodedLength(value) + " bytes of " + unit.name() + where(f));
        }
    }

    /** 70 to 200 KiB: past the 64 KiB limit, which should be 413 whatever the body says. */
    private void overLimit(Draft d) {
        int target = Rand.between(rnd, 70 * 1024, 200 * 1024);
        Json.Obj body = d.object();
        switch (rnd.nextInt(6)) {
            case 0 -> {
                Field f = pickText(d);
                body.set(f.path(), HostileStrings.ofEncodedLength(HostileStrings.LONG_UNITS.get(0), target));
                d.note("over-limit body: " + f.path() + " holds " + target + " bytes");
            }
            case 1 -> {
                Field f = pick(d, x -> x.kind() == Kind.ENUM_ARRAY);
                String constant = validConstant(f, rnd);
                int each = Json.encodedLength(constant) + 1;
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < target / each + 1; i++) {
                    list.add(constant);
                }
                body.set(f.path(), list);
                d.note("over-limit body: " + f.path() + " repeats " + list.size() + " elements");
            }
            case 2 -> {
                int fieldsNeeded = target / 16 + 1;
                for (int i = 0; i < fieldsNeeded; i++) {
                    body.add("pad" + i, i);
                }
                d.note("over-limit body: " + fieldsNeeded + " unknown fields");
            }
            case 3 -> {
                d.bytes = pad(Json.bytes(d.json), target, rnd.nextBoolean());
                d.note("over-limit body: valid JSON padded with whitespace to " + d.bytes.length + " bytes");
            }
            case 4 -> {
                d.bytes = Rand.bytes(rnd, target);
                d.note("over-limit body: " + target + " random bytes");
            }
            default -> {
                StringBuilder nested = new StringBuilder("[");
                while (nested.length() < target) {
                    nested.append("{\"a\":[1,2,3],\"b\":\"cccccccc\"},");
                }
                nested.append("{}]");
                body.add("padding", new Json.Raw(nested.toString()));
                d.note("over-limit body: an array of " + nested.length() + " bytes of objects");
            }
        }
        if (d.bodyBytes().length <= BODY_LIMIT) {
            throw new IllegalStateException("an over-limit body must exceed 64 KiB: " + d.build());
        }
    }

    private static byte[] pad(byte[] json, int target, boolean before) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(target + json.length);
        byte[] spaces = " \n\t\r ".repeat(target / 5 + 1).getBytes(StandardCharsets.US_ASCII);
        if (before) {
            out.writeBytes(spaces);
            out.writeBytes(json);
        } else {
            out.writeBytes(json);
            out.writeBytes(spaces);
        }
        return out.toByteArray();
    }

    /** 500 to 5000 levels: a recursive parser or validator without a depth limit overflows its stack. */
    private void deepNesting(Draft d) {
        int depth = Rand.between(rnd, 500, 5000);
        switch (rnd.nextInt(5)) {
            case 0 -> {
                Field f = pick(d, x -> x.kind() == Kind.OBJECT || x.kind() == Kind.ENUM_ARRAY);
                d.object().set(f.path(), new Json.Raw(nestedArrays(depth)));
                d.note(f.path() + ": arrays nested " + depth + " deep");
            }
            case 1 -> {
                Field f = pick(d, x -> true);
                d.object().set(f.path(), new Json.Raw(nestedObjects(depth, "{}")));
                d.note(f.path() + ": objects nested " + depth + " deep");
            }
            case 2 -> {
                d.object().add("nested", new Json.Raw(nestedObjects(depth, "1")));
                d.note("unknown field with objects nested " + depth + " deep");
            }
            case 3 -> {
                d.json = new Json.Raw(nestedArrays(depth));
                d.note("whole body: arrays nested " + depth + " deep");
            }
            default -> {
                d.json = new Json.Raw(nestedObjects(depth, Json.text(d.json)));
                d.note("whole body: the valid body wrapped in " + depth + " objects");
            }
        }
    }

    static String nestedArrays(int depth) {
        return "[".repeat(depth) + "1" + "]".repeat(depth);
    }

    static String nestedObjects(int depth, String innermost) {
        return "{\"a\":".repeat(depth) + innermost + "}".repeat(depth);
    }

    /** Jackson keeps the last of two equal keys by default; a validator or a proxy may look at the first. */
    private void duplicateKeys(Draft d) {
        Json.Obj body = d.object();
        if (d.endpoint.body == Endpoint.BodyKind.REPORT && rnd.nextBoolean()) {
            boolean otherLast = rnd.nextBoolean();
            body.remove("userId");
            body.add("userId", otherLast ? d.targets.user() : d.targets.otherUser());
            body.add("userId", otherLast ? d.targets.otherUser() : d.targets.user());
            d.note("userId twice, the other user's " + (otherLast ? "last" : "first"));
            return;
        }
        Field f = pick(d, x -> !x.path().contains("."));
        Object first = body.get(f.path());
        if (Rand.chance(rnd, 0.2)) {
            // As many as stay under the body limit: a long array (an enum array) repeated a thousand times is not.
            int entry = f.path().length() + 4 + Json.bytes(first).length;
            int copies = Math.min(Rand.between(rnd, 100, 1000), (BODY_LIMIT - 1024 - d.bodyBytes().length) / entry);
            for (int i = 0; i < copies; i++) {
                body.add(f.path(), first);
            }
            d.note(f.path() + " repeated " + (copies + 1) + " times");
            return;
        }
        Object second = switch (f.kind()) {
            case INT, NUMBER -> new Json.Raw("1e308");
            case ENUM -> "glutes";
            default -> Json.obj();
        };
        body.add(f.path(), second);
        d.note(f.path() + " twice, the second invalid");
    }

    /** A hostile string in a text field, alone or after the valid value. */
    private void text(Draft d, String what, List<HostileStrings.Sample> corpus) {
        HostileStrings.Sample sample = sample(corpus);
        Field f = pickText(d);
        if (f == null) {
            return;
        }
        Object current = d.object().at(f.path());
        if (current instanceof String s && rnd.nextBoolean()) {
            d.object().set(f.path(), s + sample.value());
            d.note(f.path() + ": valid value followed by " + what + " (" + sample.name() + ")" + where(f));
        } else {
            d.object().set(f.path(), sample.value());
            d.note(f.path() + ": " + what + " (" + sample.name() + ")" + where(f));
        }
    }

    /** Escaped control characters are valid JSON (and NUL cannot be stored in PostgreSQL text); raw ones are not. */
    private void controlChars(Draft d) {
        HostileStrings.Sample sample = sample(HostileStrings.CONTROL);
        Field f = pickText(d);
        if (f == null) {
            return;
        }
        if (Rand.chance(rnd, 0.25)) {
            d.object().set(f.path(), new Json.Raw("\"x" + sample.value() + "y\""));
            d.note(f.path() + ": control characters unescaped inside the string (" + sample.name() + ")" + where(f));
        } else {
            d.object().set(f.path(), "x" + sample.value() + "y");
            d.note(f.path() + ": control characters, escaped (" + sample.name() + ")" + where(f));
        }
    }

    private void invalidUtf8(Draft d) {
        HostileStrings.Sample sample = sample(HostileStrings.INVALID_UTF8_NAMES);
        if (!extra && Rand.chance(rnd, 0.2)) {
            // Invalid bytes in a key: the parser must decode keys too.
            d.object().add("k", HostileStrings.invalidUtf8String(sample));
            byte[] withBadKey = Json.bytes(d.json);
            d.json = null;
            d.bytes = replaceFirst(withBadKey, "\"k\":", HostileStrings.invalidUtf8String(sample).bytes(), ":");
            d.note("invalid UTF-8 in a key and its value: " + sample.name());
            return;
        }
        Field f = pickText(d);
        if (f == null) {
            return;
        }
        d.object().set(f.path(), HostileStrings.invalidUtf8String(sample));
        d.note(f.path() + ": invalid UTF-8 " + sample.name() + where(f));
    }

    private static byte[] replaceFirst(byte[] haystack, String needle, byte[] replacement, String suffix) {
        String latin = new String(haystack, StandardCharsets.ISO_8859_1);
        int at = latin.indexOf(needle);
        if (at < 0) {
            return haystack;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(haystack, 0, at);
        out.writeBytes(replacement);
        out.writeBytes(suffix.getBytes(StandardCharsets.US_ASCII));
        out.write(haystack, at + needle.length(), haystack.length - at - needle.length());
        return out.toByteArray();
    }

    /** The headers these bodies travel with: Idempotency-Key (1-255 visible ASCII) and If-Match (ETag "vN" or *). */
    private void header(Draft d) {
        if (d.endpoint.body == Endpoint.BodyKind.REPORT) {
            List<Option> keys = List.of(
                    o("", "empty"),
                    o(" ", "a space"),
                    o("a".repeat(256), "256 characters (limit 255)"),
                    o("a".repeat(255), "255 characters (the limit)"),
                    o("key with spaces", "with spaces"),
                    o("tab\there", "with a tab"),
                    o("fuzz-reused-key", "reused by other requests with other bodies"),
                    o("../../etc/passwd", "path traversal"),
                    o("' OR '1'='1", "SQL injection"),
                    o("%00%0d%0a", "encoded control characters"));
            Option key = Rand.pick(rnd, keys);
            d.headers.put("Idempotency-Key", (String) key.value());
            d.note("Idempotency-Key " + key.what());
        } else {
            List<Option> etags = List.of(
                    o(null, "missing (428 once preferences exist)"),
                    o("garbage", "unquoted garbage"),
                    o("\"v999999\"", "a version from the future"),
                    o("\"v-1\"", "a negative version"),
                    o("W/\"v1\"", "a weak ETag"),
                    o("\"v1\", \"v2\"", "a list of ETags"),
                    o("*, \"v1\"", "* in a list"),
                    o("\"\"", "an empty quoted ETag"),
                    o("\"v" + "9".repeat(30) + "\"", "a version beyond int"),
                    o("\"" + "x".repeat(3000) + "\"", "3000 characters"));
            Option etag = Rand.pick(rnd, etags);
            if (etag.value() == null) {
                d.headers.remove("If-Match");
            } else {
                d.headers.put("If-Match", (String) etag.value());
            }
            d.note("If-Match " + etag.what());
        }
    }
}
