package io.crampcare.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Keys are generated where they are used (local stack, tests, deployments), never committed: the build checks. */
class NoCommittedPrivateKeysTest {

    // A PEM private key block: the header followed by base64 content (a mention of the header in code is fine).
    static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----\\s*[A-Za-z0-9+/=]{40,}");

    @Test
    void noTrackedFileHoldsAPrivateKey() throws Exception {
        Path root = repositoryRoot();
        List<String> offenders = new ArrayList<>();
        for (String file : trackedFiles(root)) {
            Path path = root.resolve(file);
            if (!Files.isRegularFile(path) || Files.size(path) > 2_000_000) {
                continue;
            }
            String text = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
            if (PRIVATE_KEY.matcher(text).find()) {
                offenders.add(file);
            }
        }
        assertEquals(List.of(), offenders, "private keys must not be committed; generate them where they are used");
    }

    @Test
    void thePatternFindsARealKeyBlock() {
        String header = "-----BEGIN " + "PRIVATE KEY-----\n";
        assertTrue(PRIVATE_KEY.matcher(header + "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n").find());
        assertTrue(!PRIVATE_KEY.matcher("\"" + header.trim() + "\" + x").find());
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(".git"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "run inside the git checkout");
        return dir;
    }

    private static List<String> trackedFiles(Path root) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z").directory(root.toFile()).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, git.waitFor(), "git ls-files failed");
        return List.of(out.split("\0"));
    }
}
