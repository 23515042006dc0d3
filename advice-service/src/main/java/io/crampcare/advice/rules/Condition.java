package io.crampcare.advice.rules;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.crampcare.contracts.report.CrampContext;
import io.crampcare.contracts.report.Intensity;
import io.crampcare.contracts.report.Onset;
import io.crampcare.contracts.report.Relief;
import io.crampcare.contracts.report.Symptom;

/**
 * When a rule fires, over a report and the user's history. Every field that is set must hold (and); {@code anyOf}
 * holds when one of its conditions does; {@code not} negates. A yes/no field about the report matches only an answer
 * given: {@code warmedUp: false} does not match a report that left it out ({@code not: {warmedUp: true}} does).
 *
 * @param always                   true: fires for every report
 * @param anySymptom               the report names at least one of these symptoms
 * @param allSymptoms              the report names every one of these symptoms
 * @param unknownSymptom           the report names (true) or does not name (false) a symptom this build does not know
 *                                 (a constant added by a newer intake)
 * @param onset                    the onset is one of these
 * @param context                  the context is one of these
 * @param reliefBy                 what eased it is one of these
 * @param activityIntensity        the activity's intensity is one of these
 * @param gluteFocusedActivity     the activity is (true) or is not (false) glute-dominant strength work
 * @param activityMinutesAtLeast   the activity lasted at least this long
 * @param durationSecondsOver      the cramp lasted longer than this
 * @param severityAtLeast          the pain was at least this, 0-10
 * @param newMedication            answer to "started a new medicine"
 * @param takesStatin              answer to "takes a statin"
 * @param sweatingHeavily          answer to "sweating heavily"
 * @param hotEnvironment           answer to "in heat or humidity"
 * @param unaccustomedExercise     answer to "a workout much harder or longer than usual, or new"
 * @param visibleLump              answer to "hard lump visible"
 * @param warmedUp                 answer to "warmed up before"
 * @param stretchedAfter           answer to "stretched after"
 * @param bodyWeightKnown          body weight was (true) or was not (false) given
 * @param water                    where the day's water stands is one of these ({@link WaterStatus}: UNKNOWN, LEFT,
 *                                 REACHED, OVERDRINKING, THIRST_ONLY)
 * @param frequentDespiteAdherence frequent reports within the window while nudge adherence is at least the threshold
 *                                 (both from configuration)
 * @param anyOf                    at least one of these holds
 * @param not                      this does not hold
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(
        Boolean always,
        Set<Symptom> anySymptom,
        Set<Symptom> allSymptoms,
        Boolean unknownSymptom,
        Set<Onset> onset,
        Set<CrampContext> context,
        Set<Relief> reliefBy,
        Set<Intensity> activityIntensity,
        Boolean gluteFocusedActivity,
        Integer activityMinutesAtLeast,
        Integer durationSecondsOver,
        Integer severityAtLeast,
        Boolean newMedication,
        Boolean takesStatin,
        Boolean sweatingHeavily,
        Boolean hotEnvironment,
        Boolean unaccustomedExercise,
        Boolean visibleLump,
        Boolean warmedUp,
        Boolean stretchedAfter,
        Boolean bodyWeightKnown,
        Set<WaterStatus> water,
        Boolean frequentDespiteAdherence,
        List<Condition> anyOf,
        Condition not) {

    /** Whether nothing at all is set (a mistake in a ruleset: say {@code always: true} instead). */
    boolean isEmpty() {
        return always == null && anySymptom == null && allSymptoms == null && unknownSymptom == null && onset == null
                && context == null && reliefBy == null && activityIntensity == null && gluteFocusedActivity == null
                && activityMinutesAtLeast == null && durationSecondsOver == null && severityAtLeast == null
                && newMedication == null && takesStatin == null && sweatingHeavily == null && hotEnvironment == null
                && unaccustomedExercise == null && visibleLump == null && warmedUp == null && stretchedAfter == null
                && bodyWeightKnown == null && water == null && frequentDespiteAdherence == null && anyOf == null
                && not == null;
    }

    /** Whether this condition holds for the facts. */
    public boolean holds(Facts facts) {
        var report = facts.report();
        var activity = report.activity();
        return (always == null || always)
                && (anySymptom == null || anySymptom.stream().anyMatch(report.symptoms()::contains))
                && (allSymptoms == null || allSymptoms.stream().allMatch(report.symptoms()::contains))
                && (unknownSymptom == null || unknownSymptom == facts.unknownSymptom())
                && (onset == null || onset.contains(report.onset()))
                && (context == null || context.contains(report.context()))
                && (reliefBy == null || reliefBy.contains(report.reliefBy()))
                && (activityIntensity == null || (activity != null && activityIntensity.contains(activity.intensity())))
                // A type this build does not know (null) is neither glute work nor not.
                && (gluteFocusedActivity == null || (activity != null && activity.type() != null
                        && activity.type().gluteFocused() == gluteFocusedActivity))
                && (activityMinutesAtLeast == null
                        || (activity != null && activity.minutes() != null && activity.minutes() >= activityMinutesAtLeast))
                && (durationSecondsOver == null || report.durationSeconds() > durationSecondsOver)
                && (severityAtLeast == null || report.severity() >= severityAtLeast)
                && answered(newMedication, report.newMedication())
                && answered(takesStatin, report.takesStatin())
                && answered(sweatingHeavily, report.sweatingHeavily())
                && answered(hotEnvironment, report.hotEnvironment())
                && answered(unaccustomedExercise, report.unaccustomedExercise())
                && answered(visibleLump, report.visibleLump())
                && answered(warmedUp, report.warmedUp())
                && answered(stretchedAfter, report.stretchedAfter())
                && (bodyWeightKnown == null || bodyWeightKnown == (report.bodyWeightKg() != null))
                && (water == null || water.contains(facts.water()))
                && (frequentDespiteAdherence == null || frequentDespiteAdherence == facts.frequentDespiteAdherence())
                && (anyOf == null || anyOf.stream().anyMatch(c -> c.holds(facts)))
                && (not == null || !not.holds(facts));
    }

    private static boolean answered(Boolean wanted, Boolean answer) {
        return wanted == null || wanted.equals(answer);
    }
}
