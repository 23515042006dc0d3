package io.crampcare.contracts.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A piece of text as the docs pages show it: plain, or code. The contract's descriptions use `backticks` for code and
 * no other Markdown, so a description is a list of spans, and a longer one a list of paragraphs of spans. No markup
 * here: the templates write it (tags/rich.html, tags/paragraphs.html) and Qute escapes every span.
 *
 * @param text the text, unescaped
 * @param code shown as code
 */
public record Span(String text, boolean code) {

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

    public static Span plain(String text) {
        return new Span(text, false);
    }

    public static Span code(String text) {
        return new Span(text, true);
    }

    /** One line: line breaks and the whitespace around them folded into a space, code spans split out. */
    public static List<Span> inline(String text) {
        String line = text.strip().replaceAll("\\s*\n\\s*", " ");
        List<Span> spans = new ArrayList<>();
        Matcher m = CODE_SPAN.matcher(line);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                spans.add(plain(line.substring(at, m.start())));
            }
            spans.add(code(m.group(1)));
            at = m.end();
        }
        if (at < line.length()) {
            spans.add(plain(line.substring(at)));
        }
        return spans;
    }

    /** A description as paragraphs (blank lines separate them), none when it is absent or blank. */
    public static List<List<Span>> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<List<Span>> paragraphs = new ArrayList<>();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            paragraphs.add(inline(paragraph));
        }
        return paragraphs;
    }
}
