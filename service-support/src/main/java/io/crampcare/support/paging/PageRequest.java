package io.crampcare.support.paging;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.crampcare.support.problem.Problem;

/**
 * A page asked for with {@code pageSize} and {@code pageToken} query parameters, as every CrampCare listing takes them.
 *
 * @param size  how many items
 * @param after where the previous page ended, or null for the first page
 */
public record PageRequest(int size, PageCursor after) {

    /** The two paging parameters, declared once in each API document (components/parameters). */
    public static final String PAGE_SIZE = "pageSize";
    public static final String PAGE_TOKEN = "pageToken";

    /** One page of items and the token for the next page (null on the last page). */
    public record Slice<T>(List<T> items, String nextPageToken) {
    }

    /** Rows to fetch: one more than the page, which tells whether another page follows. */
    public int fetchSize() {
        return size + 1;
    }

    /**
     * Keyset condition (HQL) for a listing ordered by ({@code timeField}, id) descending, with its parameters in
     * {@code parameters}; empty on the first page.
     */
    public String afterCondition(String timeField, Map<String, Object> parameters) {
        if (after == null) {
            return "";
        }
        parameters.put("afterTime", after.time());
        parameters.put("afterId", after.id());
        return " and (" + timeField + " < :afterTime or (" + timeField + " = :afterTime and id < :afterId))";
    }

    /** Cuts rows fetched with {@link #fetchSize()} down to the page and makes the next page's token. */
    public <T> Slice<T> slice(List<T> rows, Function<T, PageCursor> cursorOf) {
        if (rows.size() <= size) {
            return new Slice<>(rows, null);
        }
        List<T> items = rows.subList(0, size);
        return new Slice<>(items, cursorOf.apply(items.get(size - 1)).encode());
    }

    /** {@link #parse(String, String, int, int, List)} with the listing page sizes every service shares. */
    public static PageRequest parse(String pageSize, String pageToken, PagingConfig paging,
            List<Problem.FieldError> errors) {
        return parse(pageSize, pageToken, paging.defaultSize(), paging.maxSize(), errors);
    }

    /**
     * Reads the two parameters; adds an error per invalid one to {@code errors} (and returns null then), so that the
     * caller can report them together with its own.
     */
    public static PageRequest parse(String pageSize, String pageToken, int defaultSize, int maxSize,
            List<Problem.FieldError> errors) {
        int size = defaultSize;
        boolean valid = true;
        if (pageSize != null && !pageSize.isEmpty()) {
            try {
                size = Integer.parseInt(pageSize);
            } catch (NumberFormatException e) {
                size = 0;
            }
            if (size < 1 || size > maxSize) {
                errors.add(new Problem.FieldError("pageSize", "must be a whole number from 1 to " + maxSize));
                valid = false;
            }
        }
        PageCursor after = null;
        if (pageToken != null && !pageToken.isEmpty()) {
            after = PageCursor.decode(pageToken).orElse(null);
            if (after == null) {
                errors.add(new Problem.FieldError("pageToken", "is not a token this API issued; start again without it"));
                valid = false;
            }
        }
        return valid ? new PageRequest(size, after) : null;
    }
}
