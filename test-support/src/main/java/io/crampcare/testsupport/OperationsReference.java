package io.crampcare.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration reference in docs/operations.md, as tests see it: every environment variable it names in
 * backticks. Tests compare it with what the services and docker-compose.yml really read, so the runbook cannot
 * drift from the code.
 */
public final class OperationsReference {

    private static final Pattern VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");

    private OperationsReference() {
    }

    /** The repository's root: the nearest folder up from the working directory that holds docs/operations.md. */
    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/operations.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException("docs/operations.md not found above " + Path.of("").toAbsolutePath());
    }

    /** Every `UPPER_CASE` name in backticks in docs/operations.md. */
    public static Set<String> documentedVariables() {
        Set<String> names = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(read(repositoryRoot().resolve("docs/operations.md")));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The environment variable that sets a property, as SmallRye Config maps it: {@code a.b-c} is {@code A_B_C}. */
    public static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
