package io.crampcare.support.paging;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A page asked for with {@code pageSize} and {@code pageToken} query parameters, as every CrampCare listing takes them
 * ({@link PageParams}).
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

    /** The size a valid {@code pageSize} text asks for ({@link PageSize}), or the listing's default when absent. */
    public static int size(String pageSize, PageLimits limits) {
        return pageSize == null || pageSize.isEmpty() ? limits.defaultSize() : Integer.parseInt(pageSize);
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
}
