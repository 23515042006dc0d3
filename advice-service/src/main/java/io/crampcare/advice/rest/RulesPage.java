package io.crampcare.advice.rest;

import static io.crampcare.contracts.docs.Html.code;
import static io.crampcare.contracts.docs.Html.esc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.crampcare.advice.rules.AdviceDecider;
import io.crampcare.advice.rules.Condition;
import io.crampcare.advice.rules.HydrationPlanner;
import io.crampcare.advice.rules.Rule;
import io.crampcare.advice.rules.Ruleset;
import io.crampcare.advice.rules.Thresholds;
import io.crampcare.contracts.advice.Urgency;
import io.crampcare.contracts.docs.Html;

/**
 * The active ruleset as a page for clinicians ({@code /docs/rules.html}): every rule's condition in words, urgency,
 * text and source, and the configured numbers the conditions use. Rendered from the decider the service advises
 * with, so it shows exactly what is in force, configuration included. Same page shell as the event catalogue.
 */
public final class RulesPage {

    private RulesPage() {
    }

    public static String render(AdviceDecider decider) {
        Ruleset ruleset = decider.ruleset();
        Thresholds thresholds = decider.thresholds();
        HydrationPlanner water = decider.hydration();
        StringBuilder body = new StringBuilder();
        body.append("<h1>CrampCare advice rules</h1>\n<p>Ruleset ").append(code(ruleset.version()))
                .append(", the one the advice service decides with now (also as JSON: <code>GET /api/v1/rules</code>, with a token). ")
                .append(ruleset.rules().size()).append(" rules. Every rule whose condition holds for a report adds its ")
                .append("text; the advice is as urgent as its most urgent rule. An EMERGENCY advice keeps only its ")
                .append("emergency texts and carries no water plan. The advice never names a diagnosis.</p>\n");
        body.append("<p class=\"muted\">Disclaimer shown with every advice: ").append(esc(ruleset.disclaimer())).append("</p>\n");
        body.append("<nav class=\"toc\">\n<h2 id=\"contents\">Contents</h2>\n<ul>\n")
                .append("<li><a href=\"#numbers\">Configured numbers</a></li>\n");
        for (Urgency urgency : Urgency.values()) {
            body.append("<li><a href=\"#").append(urgency.name()).append("\">").append(urgency.name()).append("</a>: ")
                    .append(ruleset.rules().stream().filter(r -> r.urgency() == urgency).count()).append(" rules</li>\n");
        }
        body.append("</ul>\n</nav>\n");
        numbers(body, thresholds, water);
        for (Urgency urgency : Urgency.values()) {
            body.append("<h2 id=\"").append(urgency.name()).append("\">").append(urgency.name()).append("</h2>\n<p>Headline: ")
                    .append(esc(ruleset.headlines().get(urgency))).append("</p>\n");
            for (Rule rule : ruleset.rules()) {
                if (rule.urgency() == urgency) {
                    rule(body, rule, thresholds);
                }
            }
        }
        return Html.page("CrampCare advice rules " + ruleset.version(), body.toString());
    }

    private static void numbers(StringBuilder body, Thresholds thresholds, HydrationPlanner water) {
        body.append("<h2 id=\"numbers\">Configured numbers</h2>\n<table class=\"facts\">\n<tbody>\n");
        fact(body, "frequent cramps", thresholds.frequentReports() + " or more reports within "
                + thresholds.window().toDays() + " days while at least " + percent(thresholds.minAdherence())
                + " of hydration and warm-up nudges were done (crampcare.advice.frequent.*)");
        fact(body, "daily water target", ml(water.baseMl()) + " (64 US fl oz, the article's floor), + "
                + ml(water.sweatingExtraMl()) + " on a day of heavy sweating, + " + ml(water.exerciseExtraMlPerHour())
                + " per hour of exercise (" + water.assumedExerciseMinutes()
                + " minutes assumed when not given), rounded up to 50 mL");
        fact(body, "safe daily ceiling", ml(water.maxDailyMl()) + ": the target never exceeds it; more drunk in a day "
                + "trips the overdrinking guard (crampcare.advice.hydration.max-daily-ml). The default, 6,000 mL, is a "
                + "product choice at half the US Army's limit of 12 quarts (about 11.4 L) a day for hard work in the "
                + "heat (TB MED 507); the 3rd EAH Consensus (Hew-Butler et al. 2015) names no safe volume, only "
                + "drinking to thirst");
        fact(body, "hourly guard", ml(water.maxPerHourMl()) + ": no plan puts more in any hour; more drunk in the last "
                + "hour trips the overdrinking guard (crampcare.advice.hydration.max-per-hour-ml; ACSM 2007, Sawka et "
                + "al.; the US Army's hourly limit is 1.5 quarts, about 1.4 L)");
        fact(body, "pre-exercise drink", trim(water.preExerciseMinMlPerKg()) + "-" + trim(water.preExerciseMaxMlPerKg())
                + " mL per kg about 4 h before exercise, when body weight is known, at most the hourly guard");
        fact(body, "water: UNKNOWN", "the report did not say how much was drunk today (and the guard does not hold)");
        fact(body, "water: LEFT", "some of today's target is left: waterTodayMl below the target");
        fact(body, "water: REACHED", "waterTodayMl reached the target: drink to thirst, nothing more is planned today");
        fact(body, "water: OVERDRINKING", "signs of overdrinking, for the whole day: waterTodayMl over the safe daily "
                + "ceiling, or waterLastHourMl over the hourly guard, or waterTodayMl over the target together with a "
                + "low-sodium sign (HEADACHE, NAUSEA_OR_VOMITING, DIZZINESS, CONFUSION, FAINTING_OR_COLLAPSE, SEIZURE)");
        fact(body, "water: THIRST_ONLY", "a low-sodium sign without the numbers showing overdrinking: drink to thirst");
        fact(body, "overdrinking guard", "with OVERDRINKING or THIRST_ONLY the water plan says remainingTodayMl 0 and "
                + "drinkToThirstOnly true: nothing plans water for the rest of that day");
        body.append("</tbody>\n</table>\n");
    }

    private static void rule(StringBuilder body, Rule rule, Thresholds thresholds) {
        body.append("<section id=\"rule-").append(esc(rule.id())).append("\" data-rule=\"").append(esc(rule.id()))
                .append("\">\n<h3>").append(code(rule.id())).append("</h3>\n<table class=\"facts\">\n<tbody>\n");
        fact(body, "urgency", rule.urgency().name());
        fact(body, "category", rule.category().name());
        body.append("<tr><th>fires when</th><td data-part=\"condition\">").append(esc(describe(rule.when(), thresholds)))
                .append("</td></tr>\n");
        body.append("<tr><th>text</th><td data-part=\"text\">").append(esc(rule.text())).append("</td></tr>\n");
        body.append("<tr><th>source</th><td data-part=\"source\">").append(esc(rule.source().type().name())).append(": ")
                .append(esc(rule.source().reference())).append("</td></tr>\n");
        body.append("</tbody>\n</table>\n</section>\n");
    }

    /** A condition in words: each part that is set, joined by "and". */
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
                + " days with nudge adherence of at least " + percent(thresholds.minAdherence()), c.frequentDespiteAdherence());
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

    private static void fact(StringBuilder body, String name, String value) {
        body.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    private static String ml(int value) {
        return String.format(Locale.ROOT, "%,d mL", value);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
