package io.crampcare.advice.service;

import static io.crampcare.support.sql.ColumnArrays.column;
import static io.crampcare.support.sql.ColumnArrays.query;
import static io.crampcare.support.sql.ColumnArrays.update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * The advice service's set-based SQL for consumed events: one statement per kind of row for a whole round of events,
 * on the pooled connection enlisted in the consumer's transaction ({@link io.crampcare.support.sql.ColumnArrays}).
 */
@ApplicationScoped
class AdviceStore {

    /**
     * Latest answer per nudge within a window, by when it was given, not when it arrived: a late (replayed) answer
     * never overrides a newer one. The event id only makes a tie of instants come out the same in any arrival order.
     * Snoozes do not count either way. The user and the window's bounds are filled in (parameters or columns).
     */
    static String adherence(String userId, String from, String to) {
        return """
                SELECT count(*) FILTER (WHERE outcome = 'DONE') AS done, count(*) AS answered
                FROM (SELECT DISTINCT ON (nudge_id) outcome
                      FROM nudge_ack
                      WHERE user_id = %s AND kind IN ('HYDRATION', 'WARM_UP') AND outcome IN ('DONE', 'SKIPPED')
                        AND acknowledged_at > %s AND acknowledged_at <= %s
                      ORDER BY nudge_id, acknowledged_at DESC, event_id DESC) latest
                """.formatted(userId, from, to);
    }

    // A report joins its user's history once; a redelivered one finds its row there.
    private static final String REMEMBER_REPORTS = """
            INSERT INTO report_history (report_id, user_id, occurred_at)
            SELECT * FROM unnest(?::uuid[], ?::text[], ?::timestamptz[])
            ON CONFLICT (report_id) DO NOTHING
            """;
    // Everything the rules look at, for every report of a round in one round trip (each statement costs about 0.1 ms
    // of the box, see BENCHMARKS.md): whether the report has advice already, its user's reports in the window (this
    // one included) and adherence in it.
    private static final String FACTS = """
            SELECT EXISTS (SELECT 1 FROM advice WHERE advice.report_id = r.report_id),
                   (SELECT count(*) FROM report_history h
                    WHERE h.user_id = r.user_id AND h.occurred_at > r.from_at AND h.occurred_at <= r.to_at),
                   adherence.done, adherence.answered
            FROM unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::timestamptz[])
                 WITH ORDINALITY AS r (report_id, user_id, from_at, to_at, n)
                 CROSS JOIN LATERAL (%s) adherence
            ORDER BY r.n
            """.formatted(adherence("r.user_id", "r.from_at", "r.to_at"));
    private static final String INSERT_ADVICE = """
            INSERT INTO advice (id, report_id, user_id, issued_at, urgency, ruleset_version, body)
            SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[])
            """;
    private static final String INSERT_ACKS = """
            INSERT INTO nudge_ack (event_id, nudge_id, user_id, kind, outcome, acknowledged_at)
            SELECT * FROM unnest(?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
            """;

    /** One report to judge: its user's window is (from, to]. */
    record Judged(UUID reportId, String userId, Instant from, Instant to) {
    }

    /** What the rules look at for one report. */
    record Facts(boolean advised, int recentReports, long done, long answered) {
    }

    /** An advice row; {@code body} is the event as JSON. */
    record AdviceRow(UUID id, UUID reportId, String userId, Instant issuedAt, String urgency, String rulesetVersion,
            String body) {
    }

    /** A nudge acknowledgement row. */
    record AckRow(String eventId, UUID nudgeId, String userId, String kind, String outcome, Instant acknowledgedAt) {
    }

    private final AgroalDataSource dataSource;

    AdviceStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void rememberReports(List<Judged> reports) {
        update(dataSource, REMEMBER_REPORTS, column(reports, Judged::reportId), column(reports, Judged::userId),
                column(reports, Judged::to));
    }

    /** The facts of each report, in list order. */
    List<Facts> facts(List<Judged> reports) {
        return query(dataSource, FACTS, rows -> {
            List<Facts> facts = new ArrayList<>(reports.size());
            while (rows.next()) {
                facts.add(new Facts(rows.getBoolean(1), rows.getInt(2), rows.getLong(3), rows.getLong(4)));
            }
            return facts;
        }, column(reports, Judged::reportId), column(reports, Judged::userId), column(reports, Judged::from),
                column(reports, Judged::to));
    }

    void insertAdvice(List<AdviceRow> rows) {
        update(dataSource, INSERT_ADVICE, column(rows, AdviceRow::id), column(rows, AdviceRow::reportId),
                column(rows, AdviceRow::userId), column(rows, AdviceRow::issuedAt),
                column(rows, AdviceRow::urgency), column(rows, AdviceRow::rulesetVersion),
                column(rows, AdviceRow::body));
    }

    void insertAcks(List<AckRow> rows) {
        update(dataSource, INSERT_ACKS, column(rows, AckRow::eventId), column(rows, AckRow::nudgeId),
                column(rows, AckRow::userId), column(rows, AckRow::kind),
                column(rows, AckRow::outcome), column(rows, AckRow::acknowledgedAt));
    }
}
