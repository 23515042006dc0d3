package io.crampcare.advice.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.crampcare.contracts.advice.SourceType;
import io.crampcare.contracts.advice.Urgency;

/**
 * The versioned set of advice rules, read from YAML. Loading checks it thoroughly, so that a broken ruleset stops the
 * service at start-up instead of producing wrong advice.
 *
 * @param version    quoted in every advice it decided
 * @param disclaimer carried by every advice
 * @param headlines  the first sentence of an advice, per overall urgency
 * @param rules      in order of precedence within an urgency
 */
public record Ruleset(String version, String disclaimer, Map<Urgency, String> headlines, List<Rule> rules) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static Ruleset load(InputStream yaml) throws IOException {
        String text = new String(yaml.readAllBytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new IllegalStateException("Invalid ruleset: the file is empty");
        }
        Ruleset ruleset;
        try {
            ruleset = YAML.readValue(text, Ruleset.class);
        } catch (MismatchedInputException e) {
            throw new IllegalStateException("Invalid ruleset: " + e.getOriginalMessage(), e);
        }
        List<String> problems = ruleset.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid ruleset " + ruleset.version() + ": " + String.join("; ", problems));
        }
        return ruleset;
    }

    /** What is wrong with this ruleset; empty when it can be used. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (blank(version)) {
            problems.add("no version");
        }
        if (blank(disclaimer)) {
            problems.add("no disclaimer");
        }
        for (Urgency urgency : Urgency.values()) {
            if (headlines == null || blank(headlines.get(urgency))) {
                problems.add("no headline for " + urgency);
            }
        }
        if (rules == null || rules.isEmpty()) {
            problems.add("no rules");
            return problems;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (rule == null) {
                problems.add("rule #" + (i + 1) + " is empty");
                continue;
            }
            String id = rule.id();
            if (blank(id) || !RULE_ID.matcher(id).matches()) {
                problems.add("rule id '" + id + "' is not lower-case-with-dashes");
            } else if (!ids.add(id)) {
                problems.add("rule id " + id + " appears twice");
            }
            if (rule.urgency() == null || rule.category() == null) {
                problems.add(id + ": urgency and category are required");
            }
            if (blank(rule.text())) {
                problems.add(id + ": no text");
            } else {
                Matcher placeholders = PLACEHOLDER.matcher(rule.text());
                while (placeholders.find()) {
                    placeholderProblems(rule, placeholders.group(1), problems);
                }
            }
            if (rule.source() == null || rule.source().type() == null || blank(rule.source().reference())) {
                problems.add(id + ": a source (type and reference) is required");
            } else if (rule.source().type() == SourceType.LITERATURE && rule.source().reference().length() < 10) {
                problems.add(id + ": a literature source needs a full citation");
            }
            conditionProblems(id, rule.when(), problems);
        }
        return problems;
    }

    /** A placeholder must exist and have a value whenever its rule fires. */
    private static void placeholderProblems(Rule rule, String name, List<String> problems) {
        if (!AdviceDecider.PLACEHOLDERS.contains(name)) {
            problems.add(rule.id() + ": unknown placeholder {" + name + "}");
        } else if (rule.urgency() == Urgency.EMERGENCY && AdviceDecider.PLAN_PLACEHOLDERS.contains(name)) {
            problems.add(rule.id() + ": {" + name + "} needs a water plan, which an EMERGENCY advice has not");
        } else if (AdviceDecider.WEIGHT_PLACEHOLDERS.contains(name)
                && (rule.when() == null || !Boolean.TRUE.equals(rule.when().bodyWeightKnown()))) {
            problems.add(rule.id() + ": {" + name + "} needs the body weight: add bodyWeightKnown: true to its condition");
        } else if (AdviceDecider.DRUNK_PLACEHOLDERS.contains(name) && (rule.when() == null || rule.when().water() == null
                || !AdviceDecider.DRUNK_KNOWN.containsAll(rule.when().water()))) {
            problems.add(rule.id() + ": {" + name + "} needs the water drunk today: add water: [LEFT] or [LEFT, REACHED]"
                    + " to its condition");
        }
    }

    private static void conditionProblems(String id, Condition condition, List<String> problems) {
        if (condition == null || condition.isEmpty()) {
            problems.add(id + ": an empty condition (write always: true)");
            return;
        }
        if (Boolean.FALSE.equals(condition.always())) {
            problems.add(id + ": always: false never fires; remove the rule instead");
        }
        for (Collection<?> list : Arrays.<Collection<?>>asList(condition.anySymptom(), condition.allSymptoms(),
                condition.onset(), condition.context(), condition.reliefBy(), condition.activityIntensity(),
                condition.water(), condition.anyOf())) {
            if (list != null && list.isEmpty()) {
                problems.add(id + ": an empty list in a condition never matches");
            }
        }
        if (condition.severityAtLeast() != null && (condition.severityAtLeast() < 0 || condition.severityAtLeast() > 10)) {
            problems.add(id + ": severityAtLeast must be 0-10, the report's scale");
        }
        if (condition.anyOf() != null) {
            condition.anyOf().forEach(c -> conditionProblems(id, c, problems));
        }
        if (condition.not() != null) {
            conditionProblems(id, condition.not(), problems);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
