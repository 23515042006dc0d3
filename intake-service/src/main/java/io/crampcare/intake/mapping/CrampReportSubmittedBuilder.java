package io.crampcare.intake.mapping;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.crampcare.contracts.report.Activity;
import io.crampcare.contracts.report.CrampContext;
import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.contracts.report.Muscle;
import io.crampcare.contracts.report.Onset;
import io.crampcare.contracts.report.Relief;
import io.crampcare.contracts.report.Side;
import io.crampcare.contracts.report.Symptom;

/**
 * Builds a {@link CrampReportSubmittedV1} by name: of its 25 components eight are Booleans and five integers, which a
 * positional call could swap unnoticed. {@link #build()} is the one positional call, checked component by component
 * by its test.
 */
public final class CrampReportSubmittedBuilder {

    private UUID reportId;
    private String userId;
    private Instant occurredAt;
    private Instant receivedAt;
    private Muscle muscle;
    private Side side;
    private Onset onset;
    private int severity;
    private int durationSeconds;
    private CrampContext context;
    private Activity activity;
    private Boolean warmedUp;
    private Boolean stretchedAfter;
    private Boolean sweatingHeavily;
    private Integer waterTodayMl;
    private Boolean visibleLump;
    private Relief reliefBy;
    private Set<Symptom> symptoms;
    private Boolean newMedication;
    private Double bodyWeightKg;
    private Boolean hotEnvironment;
    private Integer waterLastHourMl;
    private Boolean unaccustomedExercise;
    private Boolean takesStatin;

    /** The event's {@code notes} is always null: the free text is on no topic (see {@link CrampReportMapper}). */
    private static final String NO_NOTES = null;

    public static CrampReportSubmittedBuilder report() {
        return new CrampReportSubmittedBuilder();
    }

    // @formatter:off
    public CrampReportSubmittedBuilder reportId(UUID value) { reportId = value; return this; }
    public CrampReportSubmittedBuilder userId(String value) { userId = value; return this; }
    public CrampReportSubmittedBuilder occurredAt(Instant value) { occurredAt = value; return this; }
    public CrampReportSubmittedBuilder receivedAt(Instant value) { receivedAt = value; return this; }
    public CrampReportSubmittedBuilder muscle(Muscle value) { muscle = value; return this; }
    public CrampReportSubmittedBuilder side(Side value) { side = value; return this; }
    public CrampReportSubmittedBuilder onset(Onset value) { onset = value; return this; }
    public CrampReportSubmittedBuilder severity(int value) { severity = value; return this; }
    public CrampReportSubmittedBuilder durationSeconds(int value) { durationSeconds = value; return this; }
    public CrampReportSubmittedBuilder context(CrampContext value) { context = value; return this; }
    public CrampReportSubmittedBuilder activity(Activity value) { activity = value; return this; }
    public CrampReportSubmittedBuilder warmedUp(Boolean value) { warmedUp = value; return this; }
    public CrampReportSubmittedBuilder stretchedAfter(Boolean value) { stretchedAfter = value; return this; }
    public CrampReportSubmittedBuilder sweatingHeavily(Boolean value) { sweatingHeavily = value; return this; }
    public CrampReportSubmittedBuilder waterTodayMl(Integer value) { waterTodayMl = value; return this; }
    public CrampReportSubmittedBuilder visibleLump(Boolean value) { visibleLump = value; return this; }
    public CrampReportSubmittedBuilder reliefBy(Relief value) { reliefBy = value; return this; }
    public CrampReportSubmittedBuilder symptoms(Set<Symptom> value) { symptoms = value; return this; }
    public CrampReportSubmittedBuilder newMedication(Boolean value) { newMedication = value; return this; }
    public CrampReportSubmittedBuilder bodyWeightKg(Double value) { bodyWeightKg = value; return this; }
    public CrampReportSubmittedBuilder hotEnvironment(Boolean value) { hotEnvironment = value; return this; }
    public CrampReportSubmittedBuilder waterLastHourMl(Integer value) { waterLastHourMl = value; return this; }
    public CrampReportSubmittedBuilder unaccustomedExercise(Boolean value) { unaccustomedExercise = value; return this; }
    public CrampReportSubmittedBuilder takesStatin(Boolean value) { takesStatin = value; return this; }
    // @formatter:on

    public CrampReportSubmittedV1 build() {
        return new CrampReportSubmittedV1(reportId, userId, occurredAt, receivedAt, muscle, side, onset, severity,
                durationSeconds, context, activity, warmedUp, stretchedAfter, sweatingHeavily, waterTodayMl,
                visibleLump, reliefBy, symptoms, newMedication, bodyWeightKg, NO_NOTES, hotEnvironment, waterLastHourMl,
                unaccustomedExercise, takesStatin);
    }
}
