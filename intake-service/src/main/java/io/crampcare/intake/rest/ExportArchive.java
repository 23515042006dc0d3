package io.crampcare.intake.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The CSV variant of an export (docs/export-format.md): a zip with {@code export.json}, the document itself, and one
 * CSV file per table, {@code <part>/<table>.csv} (e.g. {@code reminder/drinks.csv}). A CSV is RFC 4180: a header
 * row of the fields that have a value in at least one row, in the order they first appear, then one line per row,
 * CRLF line ends, UTF-8. A cell is the JSON value as text: a string as it is, a number or boolean as JSON writes it,
 * an absent value empty, a list or object as its JSON text. A table without rows is an empty file.
 */
final class ExportArchive {

    static final String MEDIA_TYPE = "application/zip";
    static final List<String> PARTS = List.of("intake", "advice", "reminder");

    private ExportArchive() {
    }

    /** The zip of {@code document} (the export as JSON). */
    static byte[] of(JsonNode document, String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            add(zip, "export.json", json);
            for (String part : PARTS) {
                for (Map.Entry<String, JsonNode> table : document.path(part).properties()) {
                    add(zip, part + "/" + table.getKey() + ".csv", csv(table.getValue()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing an export archive in memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** One table (a JSON array of row objects) as CSV. */
    static String csv(JsonNode rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> row.fieldNames().forEachRemaining(columns::add));
        if (columns.isEmpty()) {
            return "";
        }
        StringBuilder csv = new StringBuilder();
        line(csv, new ArrayList<>(columns));
        for (JsonNode row : rows) {
            line(csv, columns.stream().map(column -> cell(row.get(column))).toList());
        }
        return csv.toString();
    }

    private static String cell(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells.get(i);
            boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0;
            csv.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        csv.append("\r\n");
    }

    private static void add(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
