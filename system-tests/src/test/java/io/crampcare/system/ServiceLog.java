package io.crampcare.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's log file as records, in Quarkus' console format ({@code 2026-12-07 00:48:22,123 INFO  [cat] (thread)
 * message}). Lines that do not start a record (a stack trace) belong to the record before them; lines before the
 * first record (the JVM writing to stdout or stderr) form a record of level INFO: they are printed whatever the level.
 */
final class ServiceLog {

    /** One log record: when, by the process's own clock (local time), its level, and its whole text. */
    record Entry(LocalDateTime at, String level, String text) {
    }

    private static final Pattern START = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3}) (TRACE|DEBUG|INFO|WARN|ERROR|FATAL)\\b");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private ServiceLog() {
    }

    static List<Entry> read(Path file) {
        List<Entry> entries = new ArrayList<>();
        LocalDateTime at = null;
        String level = "INFO";
        StringBuilder text = new StringBuilder();
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher start = START.matcher(line);
                if (start.find()) {
                    if (!text.isEmpty()) {
                        entries.add(new Entry(at, level, text.toString()));
                    }
                    at = LocalDateTime.parse(start.group(1), TIMESTAMP);
                    level = start.group(2);
                    text.setLength(0);
                } else if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!text.isEmpty()) {
            entries.add(new Entry(at, level, text.toString()));
        }
        return entries;
    }
}
