package io.crampcare.advice.rest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import io.crampcare.advice.rules.Condition;
import io.crampcare.advice.rules.Thresholds;

/**
 * A rule's condition in words for the rules page: each part that is set, joined by "and". One phrase per field of
 * {@link Condition}, so a new field needs a new phrase here; the rest of the page's words are in its template.
 */
final class ConditionWords {

    private ConditionWords() {
    }

    static String describe(Condition c, Thresholds thresholds) {
        List<String> parts = new ArrayList<>();
        if (Boolean.TRUE.equals(c.always())) {
            parts.add("always");
        }
        list(parts, "a symptom is any of", c.anySymptom());
        list(parts, "the symptoms include all of", c.allSymptoms());
        yesNo(parts, "a symptom this version does not know is named", c.unknownSymptom());
        list(parts, "onset is", c.onset());
        list(parts, "context is", c.context());
        list(parts, "eased by", c.reliefBy());
        list(parts, "workout intensity is", c.activityIntensity());
        yesNo(parts, "the workout is glute-focused strength work", c.gluteFocusedActivity());
        if (c.activityMinutesAtLeast() != null) {
            parts.add("the workout lasted at least " + c.activityMinutesAtLeast() + " minutes");
        }
        if (c.durationSecondsOver() != null) {
            parts.add("the cramp lasted more than " + c.durationSecondsOver() + " seconds");
        }
        if (c.severityAtLeast() != null) {
            parts.add("pain severity is at least " + c.severityAtLeast() + " of 10");
        }
        answer(parts, "newMedication", c.newMedication());
        answer(parts, "takesStatin", c.takesStatin());
        answer(parts, "sweatingHeavily", c.sweatingHeavily());
        answer(parts, "hotEnvironment", c.hotEnvironment());
        answer(parts, "unaccustomedExercise", c.unaccustomedExercise());
        answer(parts, "visibleLump", c.visibleLump());
        answer(parts, "warmedUp", c.warmedUp());
        answer(parts, "stretchedAfter", c.stretchedAfter());
        yesNo(parts, "body weight is given", c.bodyWeightKnown());
        list(parts, "water today is", c.water());
        yesNo(parts, thresholds.frequentReports() + " or more reports in " + thresholds.window().toDays()
                + " days with nudge adherence of at least " + RulesPage.percent(thresholds.minAdherence()) + " %",
                c.frequentDespiteAdherence());
        if (c.anyOf() != null) {
            parts.add("any of (" + c.anyOf().stream().map(a -> describe(a, thresholds)).collect(Collectors.joining("; or "))
                    + ")");
        }
        if (c.not() != null) {
            parts.add("not (" + describe(c.not(), thresholds) + ")");
        }
        return String.join(", and ", parts);
    }

    private static void list(List<String> parts, String what, Collection<?> values) {
        if (values != null) {
            parts.add(what + " " + values.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
    }

    private static void yesNo(List<String> parts, String what, Boolean value) {
        if (value != null) {
            parts.add(value ? what : "not: " + what);
        }
    }

    private static void answer(List<String> parts, String field, Boolean value) {
        if (value != null) {
            parts.add(field + " answered " + (value ? "yes" : "no"));
        }
    }
}
