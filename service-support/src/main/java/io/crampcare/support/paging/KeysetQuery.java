package io.crampcare.support.paging;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The HQL condition of one page of a listing ordered by (time, id) descending, with its named parameters: whose items
 * (an equality), the filters a query gave (a window on the time, an equality), and where the page starts
 * ({@link PageRequest#afterCondition}). A store runs it with its entity's
 * {@code find(condition(page), Sort.descending(order()), parameters())}, fetching {@link PageRequest#fetchSize()} rows
 * for {@link PageRequest#slice}.
 */
public final class KeysetQuery {

    private final String timeField;
    private final StringBuilder condition;
    private final Map<String, Object> parameters = new HashMap<>();

    private KeysetQuery(String field, Object value, String timeField) {
        this.timeField = timeField;
        this.condition = new StringBuilder(field + " = :" + field);
        parameters.put(field, value);
    }

    /** The items whose {@code field} is {@code value}, ordered by {@code timeField} (then id), newest first. */
    public static KeysetQuery where(String field, Object value, String timeField) {
        return new KeysetQuery(field, value, timeField);
    }

    /** Only items with the time in [from, to); a null bound is no bound. */
    public KeysetQuery within(Instant from, Instant to) {
        return andIfGiven(timeField + " >= :from", "from", from).andIfGiven(timeField + " < :to", "to", to);
    }

    /** Only items whose {@code field} is {@code value}, when a value is given. */
    public KeysetQuery equalIfGiven(String field, Object value) {
        return andIfGiven(field + " = :" + field, field, value);
    }

    /** The condition of {@code page}: the terms above and, after the first page, where it starts. */
    public String condition(PageRequest page) {
        return condition + page.afterCondition(timeField, parameters);
    }

    /** The named parameters of the condition (those of the page's start once {@link #condition} named it). */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** The order of the listing: the time, then the id (both descending). */
    public String[] order() {
        return new String[] { timeField, "id" };
    }

    private KeysetQuery andIfGiven(String term, String name, Object value) {
        if (value != null) {
            condition.append(" and ").append(term);
            parameters.put(name, value);
        }
        return this;
    }
}
