package io.crampcare.contracts.compat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The contract gate: the current payload schemas keep the contract of the last release's (the baseline in
 * {@code src/baseline/schemas}), so consumers can read every record a topic holds, old and new.
 */
class ContractGateTest {

    /** Relative to the module's folder, where Maven runs the tests. */
    static final Path BASELINE = Path.of("src", "baseline", "schemas");
    static final Path CURRENT = Path.of("src", "main", "resources", "schemas");

    @Test
    void currentSchemasKeepTheContractOfTheLastRelease() {
        assertTrue(Files.isDirectory(BASELINE), "the baseline " + BASELINE.toAbsolutePath() + " is missing");
        assertFalse(SchemaCompatibility.readSchemas(BASELINE).isEmpty(), "the baseline holds the released schemas");
        List<SchemaBreak> breaks = SchemaCompatibility.compare(BASELINE, CURRENT);
        assertTrue(breaks.isEmpty(), () -> breaks.size() + " change(s) to the event schemas since the last release"
                + " would break consumers, which read topics holding records of both versions:\n"
                + breaks.stream().map(b -> "  - " + b).collect(Collectors.joining("\n"))
                + "\nMake the change additive (a new property that is not required, a new enum constant), or publish"
                + " a new event type next to the old one (a new .vN schema file, record and ce_type), see"
                + " event-contracts/README.md, Compatibility. Do not edit src/baseline to pass: it changes only"
                + " with a release.");
    }
}
