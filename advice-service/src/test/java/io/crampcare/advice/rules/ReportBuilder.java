package io.crampcare.advice.rules;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.crampcare.contracts.report.Activity;
import io.crampcare.contracts.report.ActivityType;
import io.crampcare.contracts.report.CrampContext;
import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.contracts.report.Intensity;
import io.crampcare.contracts.report.Muscle;
import io.crampcare.contracts.report.Onset;
import io.crampcare.contracts.report.Relief;
import io.crampcare.contracts.report.Side;
import io.crampcare.contracts.report.Symptom;

/**
 * Test data for cramp reports: start from {@link #baseline()} and change only what a test is about.
 *
 * <p>The baseline is a short (60 s), moderate, gradual cramp of the left gluteus maximus at rest, eased by shifting
 * position, with no workout, no symptoms, and every optional yes/no question, body weight and water left unanswered.
 * Against the production ruleset it fires exactly
 * {@link #BASELINE_RULES}: the two {@code always} rules, plus {@code gradual-shift-position} because every report has
 * an onset and each onset fires its own relief rule (there is no report that fires only the always-rules).
 *
 * <p>Each {@code withX} changes one field and returns this builder; {@link #build()} can be called repeatedly.
 */
final class ReportBuilder {

    /** The rules the baseline report fires, in ruleset order. */
    static final List<String> BASELINE_RULES = List.of(
            "gradual-shift-position", "daily-water", "balanced-diet-minerals");

    static final Instant OCCURRED_AT = Instant.parse("2026-11-02T07:30:00Z");

    private UUID reportId = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private String userId = "user-1";
    private Instant occurredAt = OCCURRED_AT;
    private Instant receivedAt = OCCURRED_AT.plusSeconds(120);
    private Muscle muscle = Muscle.GLUTEUS_MAXIMUS;
    private Side side = Side.LEFT;
    private Onset onset = Onset.GRADUAL;
    private int severity = 4;
    private int durationSeconds = 60;
    private CrampContext context = CrampContext.AT_REST;
    private Activity activity;
    private Boolean warmedUp;
    private Boolean stretchedAfter;
    private Boolean sweatingHeavily;
    private Integer waterTodayMl;
    private Boolean visibleLump;
    private Relief reliefBy = Relief.SHIFTING_POSITION;
    private Set<Symptom> symptoms = Set.of();
    private Boolean newMedication;
    private Double bodyWeightKg;
    private String notes;
    private Boolean hotEnvironment;
    private Integer waterLastHourMl;
    private Boolean unaccustomedExercise;
    private Boolean takesStatin;

    private ReportBuilder() {
    }

    static ReportBuilder baseline() {
        return new ReportBuilder();
    }

    /** A copy, to branch a variant off a shared starting point. */
    ReportBuilder copy() {
        ReportBuilder copy = new ReportBuilder();
        copy.reportId = reportId;
        copy.userId = userId;
        copy.occurredAt = occurredAt;
        copy.receivedAt = receivedAt;
        copy.muscle = muscle;
        copy.side = side;
        copy.onset = onset;
        copy.severity = severity;
        copy.durationSeconds = durationSeconds;
        copy.context = context;
        copy.activity = activity;
        copy.warmedUp = warmedUp;
        copy.stretchedAfter = stretchedAfter;
        copy.sweatingHeavily = sweatingHeavily;
        copy.waterTodayMl = waterTodayMl;
        copy.visibleLump = visibleLump;
        copy.reliefBy = reliefBy;
        copy.symptoms = symptoms;
        copy.newMedication = newMedication;
        copy.bodyWeightKg = bodyWeightKg;
        copy.notes = notes;
        copy.hotEnvironment = hotEnvironment;
        copy.waterLastHourMl = waterLastHourMl;
        copy.unaccustomedExercise = unaccustomedExercise;
        copy.takesStatin = takesStatin;
        return copy;
    }

    ReportBuilder withReportId(UUID value) {
        reportId = value;
        return this;
    }

    ReportBuilder withUserId(String value) {
        userId = value;
        return this;
    }

    ReportBuilder withOccurredAt(Instant value) {
        occurredAt = value;
        return this;
    }

    ReportBuilder withReceivedAt(Instant value) {
        receivedAt = value;
        return this;
    }

    ReportBuilder withMuscle(Muscle value) {
        muscle = value;
        return this;
    }

    ReportBuilder withSide(Side value) {
        side = value;
        return this;
    }

    ReportBuilder withOnset(Onset value) {
        onset = value;
        return this;
    }

    ReportBuilder withSeverity(int value) {
        severity = value;
        return this;
    }

    ReportBuilder withDurationSeconds(int value) {
        durationSeconds = value;
        return this;
    }

    ReportBuilder withContext(CrampContext value) {
        context = value;
        return this;
    }

    ReportBuilder withActivity(Activity value) {
        activity = value;
        return this;
    }

    ReportBuilder withActivity(ActivityType type, Intensity intensity, Integer minutes) {
        return withActivity(new Activity(type, intensity, minutes));
    }

    /** A cramp during the given workout (context and activity together, as the intake service requires). */
    ReportBuilder duringExercise(ActivityType type, Intensity intensity, Integer minutes) {
        return withContext(CrampContext.DURING_EXERCISE).withActivity(type, intensity, minutes);
    }

    /** A cramp right after the given workout. */
    ReportBuilder afterExercise(ActivityType type, Intensity intensity, Integer minutes) {
        return withContext(CrampContext.AFTER_EXERCISE).withActivity(type, intensity, minutes);
    }

    ReportBuilder withWarmedUp(Boolean value) {
        warmedUp = value;
        return this;
    }

    ReportBuilder withStretchedAfter(Boolean value) {
        stretchedAfter = value;
        return this;
    }

    ReportBuilder withSweatingHeavily(Boolean value) {
        sweatingHeavily = value;
        return this;
    }

    ReportBuilder withWaterTodayMl(Integer value) {
        waterTodayMl = value;
        return this;
    }

    ReportBuilder withVisibleLump(Boolean value) {
        visibleLump = value;
        return this;
    }

    ReportBuilder withReliefBy(Relief value) {
        reliefBy = value;
        return this;
    }

    ReportBuilder withSymptoms(Set<Symptom> value) {
        symptoms = Set.copyOf(value);
        return this;
    }

    ReportBuilder withSymptoms(Symptom... value) {
        symptoms = value.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(value[0], value));
        return this;
    }

    /** Adds a symptom this build does not know, as the consumer reads one from a newer intake: null (enums are open). */
    ReportBuilder withUnknownSymptom() {
        Set<Symptom> withUnknown = new HashSet<>(symptoms);
        withUnknown.add(null);
        symptoms = Collections.unmodifiableSet(withUnknown);
        return this;
    }

    ReportBuilder withNewMedication(Boolean value) {
        newMedication = value;
        return this;
    }

    ReportBuilder withBodyWeightKg(Double value) {
        bodyWeightKg = value;
        return this;
    }

    ReportBuilder withNotes(String value) {
        notes = value;
        return this;
    }

    ReportBuilder withHotEnvironment(Boolean value) {
        hotEnvironment = value;
        return this;
    }

    ReportBuilder withWaterLastHourMl(Integer value) {
        waterLastHourMl = value;
        return this;
    }

    ReportBuilder withUnaccustomedExercise(Boolean value) {
        unaccustomedExercise = value;
        return this;
    }

    ReportBuilder withTakesStatin(Boolean value) {
        takesStatin = value;
        return this;
    }

    CrampReportSubmittedV1 build() {
        return new CrampReportSubmittedV1(reportId, userId, occurredAt, receivedAt, muscle, side, onset, severity,
                durationSeconds, context, activity, warmedUp, stretchedAfter, sweatingHeavily, waterTodayMl,
                visibleLump, reliefBy, symptoms, newMedication, bodyWeightKg, notes, hotEnvironment, waterLastHourMl,
                unaccustomedExercise, takesStatin);
    }
}
