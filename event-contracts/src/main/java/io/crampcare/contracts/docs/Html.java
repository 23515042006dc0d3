package io.crampcare.contracts.docs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bits of HTML the docs pages share: escaping, a tiny Markdown subset and the page shell.
 * Output is well-formed XML as well as HTML, so a test can read it with the JDK's XML parser. Public for the pages a
 * service renders itself from its own data (the advice service's /docs/rules.html).
 */
public final class Html {

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

    // Inline on purpose: the pages must work offline and behind strict proxies, no CDN, no fonts, no scripts.
    private static final String CSS = """
            body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2733; margin: 0; background: #f6f8fa; }
            main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 64px; background: #fff; }
            h1 { margin-top: 0; color: #0b4f6c; }
            h2 { border-bottom: 2px solid #0b4f6c; padding-bottom: 4px; margin-top: 48px; color: #0b4f6c; }
            h3 { margin-top: 28px; }
            code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; }
            code { background: #eef2f5; padding: 1px 4px; border-radius: 3px; }
            pre { background: #1d2733; color: #e6edf3; padding: 12px; overflow-x: auto; border-radius: 4px; }
            pre code { background: none; padding: 0; }
            table { border-collapse: collapse; width: 100%; margin: 12px 0; }
            th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #eef2f5; }
            table.facts th { width: 180px; }
            td.field { white-space: nowrap; }
            .muted { color: #57606a; }
            .dlq { border-left: 4px solid #cf222e; padding-left: 12px; }
            nav.toc { background: #eef2f5; padding: 8px 24px; border-radius: 4px; }
            """;

    private Html() {
    }

    /** Escapes text for element content and attribute values. */
    public static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String code(String text) {
        return "<code>" + esc(text) + "</code>";
    }

    /** Escaped text with `backtick` spans as code: the only Markdown the contract's descriptions use. */
    public static String inline(String text) {
        // Escape first; the backticks survive escaping, so the code spans are found in safe text.
        Matcher m = CODE_SPAN.matcher(esc(text.strip().replaceAll("\\s*\n\\s*", " ")));
        return m.replaceAll(r -> Matcher.quoteReplacement("<code>" + r.group(1) + "</code>"));
    }

    /** A description as paragraphs (blank lines separate them), or nothing when absent. */
    public static String paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String para : text.strip().split("\\n\\s*\\n")) {
            out.append("<p>").append(inline(para)).append("</p>\n");
        }
        return out.toString();
    }

    /** A complete page around the given body. */
    public static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                + "<title>" + esc(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
    }
}
