package io.crampcare.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.crampcare.contracts.advice.Urgency;
import io.crampcare.contracts.report.Muscle;
import io.crampcare.contracts.report.Symptom;

/**
 * Issue 27: no service logs a health fact beside a user id at INFO or above. A user id is what the tests' users are
 * ({@code TestUsers}: {@code <purpose>-<8 hex>}); a health fact is an urgency, a symptom, a muscle, an amount of water,
 * the overdrinking guard, a medicine, a severity, or free text a user wrote (the run's {@code notes}).
 */
final class HealthFactsInLogs {

    static final Pattern USER_ID = Pattern.compile("\\b[a-z]+(?:-[a-z]+)*-[0-9a-f]{8}\\b");
    private static final Set<String> LOUD = Set.of("INFO", "WARN", "ERROR", "FATAL");
    /** Enum constants as the services print them; words in any case. */
    private static final Pattern HEALTH_FACT = Pattern.compile(Stream.of(
            names(Urgency.values()), names(Symptom.values()), names(Muscle.values()),
            "(?i:\\b\\d+ ?ml\\b|thirst|overdrink|statin|medic|severity|symptom|urgency)")
            .collect(Collectors.joining("|")));

    private HealthFactsInLogs() {
    }

    /**
     * Every INFO+ record of the {@code *.log} files directly in {@code directory} that holds a user id together with a
     * health fact or any of {@code userText}, as {@code file: record}.
     */
    static List<String> in(Path directory, Set<String> userText) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
                for (ServiceLog.Entry entry : ServiceLog.read(file)) {
                    if (offends(entry, userText)) {
                        found.add(file.getFileName() + ": " + entry.text());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static boolean offends(ServiceLog.Entry entry, Set<String> userText) {
        Matcher user = USER_ID.matcher(entry.text());
        if (!LOUD.contains(entry.level()) || !user.find()) {
            return false;
        }
        // The facts are looked for around the ids, not in them: a user may be called "overdrinking-449a902d".
        String rest = user.reset().replaceAll("<user>");
        return HEALTH_FACT.matcher(rest).find() || userText.stream().anyMatch(rest::contains);
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> "\\b" + v.name() + "\\b").collect(Collectors.joining("|"));
    }
}
