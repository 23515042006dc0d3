package io.crampcare.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every environment variable that docker-compose.yml or a service's properties read (as {@code ${NAME...}}) is in
 * the runbook's configuration reference. The services' own crampcare.* settings are checked by
 * {@link ServiceFoundationChecks}.
 */
class OperationsReferenceTest {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)");

    @Test
    void composeVariablesAreDocumented() {
        Set<String> read = referencedIn(OperationsReference.repositoryRoot().resolve("docker-compose.yml"));
        assertTrue(read.contains("INTAKE_DB_PASSWORD"), "the scan finds compose's variables: " + read);
        assertUndocumented(List.of(), read);
    }

    @Test
    void variablesInPropertiesFilesAreDocumented() throws IOException {
        Path root = OperationsReference.repositoryRoot();
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root, 6)) {
            files.filter(file -> file.toString().contains("/src/main/resources/"))
                    .filter(file -> file.toString().endsWith(".properties"))
                    .forEach(file -> read.addAll(referencedIn(file)));
        }
        assertTrue(read.contains("CRAMPCARE_OTLP_ENDPOINT"), "the scan finds the services' variables: " + read);
        assertUndocumented(List.of(), read);
    }

    @Test
    void environmentNamesFollowSmallRyeConfig() {
        assertEquals("CRAMPCARE_REMINDER_GRACE_PRE_EXERCISE_HYDRATION",
                OperationsReference.environmentName("crampcare.reminder.grace.pre-exercise-hydration"));
    }

    private static void assertUndocumented(List<String> expected, Set<String> read) {
        Set<String> documented = OperationsReference.documentedVariables();
        assertEquals(expected, read.stream().filter(name -> !documented.contains(name)).toList(),
                "environment variables read but missing from docs/operations.md");
    }

    private static Set<String> referencedIn(Path file) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = REFERENCE.matcher(OperationsReference.read(file));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
