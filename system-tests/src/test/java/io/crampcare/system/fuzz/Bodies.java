package io.crampcare.system.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Valid bodies of each endpoint, and the shape of their fields (JSON type, required, enum constants), so that mutations
 * can be aimed: "a string where a number goes" needs to know where numbers go. Mirrors CrampReportRequest,
 * PreferencesBody, WorkoutBody, NudgeResource.AckBody and SnoozeBody.
 */
final class Bodies {

    private Bodies() {
    }

    enum Kind {
        STRING, INT, NUMBER, ENUM, BOOL, INSTANT, TIME, OBJECT, ENUM_ARRAY;

        /** Sent as a JSON string when valid. */
        boolean stringy() {
            return this == STRING || this == ENUM || this == INSTANT || this == TIME;
        }

        boolean numeric() {
            return this == INT || this == NUMBER;
        }
    }

    /** One field: dotted path, JSON kind, required or not, and its constants when it is an enum (or array of one). */
    record Field(String path, Kind kind, boolean required, List<String> constants) {
    }

    private static Field f(String path, Kind kind, boolean required, List<String> constants) {
        return new Field(path, kind, required, constants);
    }

    private static Field f(String path, Kind kind, boolean required) {
        return new Field(path, kind, required, List.of());
    }

    static final List<String> MUSCLES = List.of("GLUTEUS_MAXIMUS", "GLUTEUS_MEDIUS", "GLUTEUS_MINIMUS", "PIRIFORMIS",
            "HAMSTRING", "QUADRICEPS", "ADDUCTOR", "HIP_FLEXOR", "CALF", "FOOT", "LOWER_BACK", "OTHER");
    static final List<String> SIDES = List.of("LEFT", "RIGHT", "BOTH");
    static final List<String> ONSETS = List.of("GRADUAL", "SUDDEN");
    static final List<String> CONTEXTS = List.of("DURING_EXERCISE", "AFTER_EXERCISE", "AT_REST", "DURING_SLEEP");
    static final List<String> RELIEFS = List.of("SHIFTING_POSITION", "STRETCHING", "MASSAGE", "NOTHING");
    static final List<String> SYMPTOMS = List.of("NUMBNESS", "TINGLING", "PAIN_RADIATING_FROM_BACK",
            "PAIN_ON_WALKING_EASED_BY_REST", "BLADDER_OR_BOWEL_CHANGE", "SADDLE_NUMBNESS", "WEAKNESS_BOTH_LEGS",
            "CHEST_PAIN", "SWELLING_OR_REDNESS");
    static final List<String> ACTIVITIES = List.of("SQUATS", "LUNGES", "DEADLIFTS", "HIP_THRUSTS", "STEP_UPS", "RUNNING",
            "WALKING", "HIKING", "CYCLING", "SWIMMING", "TEAM_SPORT", "OTHER");
    static final List<String> INTENSITIES = List.of("LIGHT", "MODERATE", "HARD");
    static final List<String> NUDGE_KINDS = List.of("HYDRATION", "PRE_EXERCISE_HYDRATION", "WARM_UP", "STRETCH");
    static final List<String> DAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY");
    static final List<String> WORKOUT_TYPES = List.of("ONE_OFF", "WEEKLY");
    /** SNOOZED exists in AckOutcome but the ack endpoint refuses it; a valid ack is DONE or SKIPPED. */
    static final List<String> ACK_OUTCOMES = List.of("DONE", "SKIPPED");

    static final List<Field> REPORT = List.of(
            f("userId", Kind.STRING, true),
            f("occurredAt", Kind.INSTANT, true),
            f("muscle", Kind.ENUM, true, MUSCLES),
            f("side", Kind.ENUM, true, SIDES),
            f("onset", Kind.ENUM, true, ONSETS),
            f("severity", Kind.INT, true),
            f("durationSeconds", Kind.INT, true),
            f("context", Kind.ENUM, true, CONTEXTS),
            // Required in the templates, which always give an exercise context.
            f("activity", Kind.OBJECT, true),
            f("activity.type", Kind.ENUM, true, ACTIVITIES),
            f("activity.intensity", Kind.ENUM, true, INTENSITIES),
            f("activity.minutes", Kind.INT, false),
            f("warmedUp", Kind.BOOL, false),
            f("stretchedAfter", Kind.BOOL, false),
            f("sweatingHeavily", Kind.BOOL, false),
            f("waterTodayMl", Kind.INT, false),
            f("visibleLump", Kind.BOOL, false),
            f("reliefBy", Kind.ENUM, false, RELIEFS),
            f("symptoms", Kind.ENUM_ARRAY, false, SYMPTOMS),
            f("newMedication", Kind.BOOL, false),
            f("bodyWeightKg", Kind.NUMBER, false),
            f("notes", Kind.STRING, false));

    static final List<Field> PREFERENCES = List.of(
            f("timeZone", Kind.STRING, true),
            f("wakingStart", Kind.TIME, true),
            f("wakingEnd", Kind.TIME, true),
            f("quietStart", Kind.TIME, false),
            f("quietEnd", Kind.TIME, false),
            f("dailyCap", Kind.INT, true),
            f("kinds", Kind.ENUM_ARRAY, true, NUDGE_KINDS));

    static final List<Field> WORKOUT = List.of(
            f("type", Kind.ENUM, true, WORKOUT_TYPES),
            f("startsAt", Kind.INSTANT, false),
            f("days", Kind.ENUM_ARRAY, false, DAYS),
            f("localStartTime", Kind.TIME, false),
            f("durationMinutes", Kind.INT, true),
            f("intensity", Kind.ENUM, true, INTENSITIES));

    static final List<Field> ACK = List.of(f("outcome", Kind.ENUM, true, ACK_OUTCOMES));

    /** The dead-letter replay's filter (ceIds, a list of strings, left out: no kind for it here). */
    static final List<Field> REPLAY = List.of(f("from", Kind.INSTANT, false), f("to", Kind.INSTANT, false),
            f("dryRun", Kind.BOOL, false));

    static final List<Field> SNOOZE = List.of(f("minutes", Kind.INT, true));

    static final List<String> DRINK_KINDS = List.of("WATER", "SPORTS_DRINK", "OTHER");

    /** amountMl or amountOz, one of them: the valid body gives amountMl. */
    static final List<Field> DRINK = List.of(
            f("amountMl", Kind.INT, false),
            f("amountOz", Kind.NUMBER, false),
            f("kind", Kind.ENUM, false, DRINK_KINDS),
            f("drunkAt", Kind.INSTANT, false),
            f("nudgeId", Kind.STRING, false));

    static List<Field> fields(Endpoint.BodyKind kind) {
        return switch (kind) {
            case REPORT -> REPORT;
            case PREFERENCES -> PREFERENCES;
            case WORKOUT -> WORKOUT;
            case ACK -> ACK;
            case SNOOZE -> SNOOZE;
            case DRINK -> DRINK;
            case REPLAY -> REPLAY;
            case NONE -> List.of();
        };
    }

    /** A body the endpoint accepts (given the right path, token and state), varied a little by the seed. */
    static Json.Obj valid(Endpoint.BodyKind kind, Targets t, Random rnd) {
        return switch (kind) {
            case REPORT -> report(t, rnd);
            case PREFERENCES -> preferences(rnd);
            case WORKOUT -> workout(rnd);
            case ACK -> Json.obj().put("outcome", Rand.pick(rnd, ACK_OUTCOMES));
            case SNOOZE -> Json.obj().put("minutes", Rand.pickOf(rnd, 5, 15, 30));
            // No drunkAt: "now" would make the output depend on the clock (absent, it is the time of logging).
            case DRINK -> Json.obj().put("amountMl", Rand.between(rnd, 50, 400)).put("kind", Rand.pick(rnd, DRINK_KINDS));
            // A dry run: were a user's token ever let through, it would still publish nothing.
            case REPLAY -> Json.obj().put("from", "2026-01-01T00:00:00Z").put("dryRun", true);
            case NONE -> throw new IllegalArgumentException("no body");
        };
    }

    /** An exercise-related report (so activity is required), in the past (occurredAt must not be in the future). */
    static Json.Obj report(Targets t, Random rnd) {
        Json.Obj activity = Json.obj()
                .put("type", Rand.pick(rnd, ACTIVITIES))
                .put("intensity", Rand.pick(rnd, INTENSITIES))
                .put("minutes", Rand.between(rnd, 1, 120));
        Json.Obj report = Json.obj()
                .put("userId", t.user())
                .put("occurredAt", String.format("2025-%02d-%02dT%02d:%02d:00Z", Rand.between(rnd, 1, 12),
                        Rand.between(rnd, 1, 28), Rand.between(rnd, 0, 23), Rand.between(rnd, 0, 59)))
                .put("muscle", Rand.pick(rnd, MUSCLES))
                .put("side", Rand.pick(rnd, SIDES))
                .put("onset", Rand.pick(rnd, ONSETS))
                .put("severity", Rand.between(rnd, 0, 10))
                .put("durationSeconds", Rand.between(rnd, 1, 600))
                .put("context", Rand.pickOf(rnd, "DURING_EXERCISE", "AFTER_EXERCISE"))
                .put("activity", activity)
                .put("warmedUp", rnd.nextBoolean())
                .put("stretchedAfter", rnd.nextBoolean())
                .put("sweatingHeavily", rnd.nextBoolean())
                .put("waterTodayMl", Rand.between(rnd, 0, 3000))
                .put("reliefBy", Rand.pick(rnd, RELIEFS))
                // No symptoms: some make the advice an emergency, which is not what these requests are about.
                .put("symptoms", new ArrayList<>())
                .put("newMedication", false);
        if (rnd.nextBoolean()) {
            report.put("bodyWeightKg", 50 + rnd.nextInt(60) + 0.5);
        }
        if (rnd.nextBoolean()) {
            report.put("notes", "fuzz: last set of squats");
        }
        return report;
    }

    static Json.Obj preferences(Random rnd) {
        Json.Obj p = Json.obj()
                .put("timeZone", Rand.pickOf(rnd, "Europe/Berlin", "UTC", "America/New_York", "Asia/Kolkata"))
                .put("wakingStart", "07:00")
                .put("wakingEnd", "22:00");
        if (rnd.nextBoolean()) {
            p.put("quietStart", "13:00").put("quietEnd", "14:00");
        }
        List<Object> kinds = new ArrayList<>(NUDGE_KINDS);
        return p.put("dailyCap", Rand.between(rnd, 1, 24)).put("kinds", kinds);
    }

    /** Weekly, or one-off at a fixed date far ahead: "now" would make the output depend on the clock. */
    static Json.Obj workout(Random rnd) {
        Json.Obj w = Json.obj();
        if (rnd.nextBoolean()) {
            List<Object> days = new ArrayList<>(List.of(Rand.pick(rnd, DAYS)));
            w.put("type", "WEEKLY").put("days", days).put("localStartTime", "18:00");
        } else {
            w.put("type", "ONE_OFF").put("startsAt", "2099-06-01T17:30:00Z");
        }
        return w.put("durationMinutes", Rand.between(rnd, 10, 120)).put("intensity", Rand.pick(rnd, INTENSITIES));
    }
}
