package io.crampcare.advice.store;

import static io.crampcare.support.sql.ColumnArrays.column;
import static io.crampcare.support.sql.ColumnArrays.list;
import static io.crampcare.support.sql.ColumnArrays.query;
import static io.crampcare.support.sql.ColumnArrays.update;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.crampcare.advice.model.Advice;
import io.crampcare.advice.model.NudgeAck;
import io.crampcare.contracts.advice.AdviceIssuedV1;
import io.crampcare.contracts.nudge.NudgeAcknowledgedV1;
import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.support.inbox.InboxEvent;
import io.crampcare.support.paging.KeysetQuery;
import io.crampcare.support.paging.PageCursor;
import io.crampcare.support.paging.PageRequest;
import io.crampcare.support.sql.NamedSql;
import io.quarkus.panache.common.Sort;

/**
 * The advice service's database. Set-based SQL for consumed events, one statement per kind of row for a whole round,
 * on the pooled connection enlisted in the consumer's transaction ({@link io.crampcare.support.sql.ColumnArrays}), and
 * the adherence count, likewise; stored advice read through the {@link Advice} entity (Panache). An advice is stored
 * as its AdviceIssuedV1 event (JSON in {@code body}) beside the columns it is looked up and listed by.
 */
@ApplicationScoped
public class AdviceStore {

    /**
     * Latest answer per nudge within a window, by when it was given, not when it arrived: a late (replayed) answer
     * never overrides a newer one. The event id only makes a tie of instants come out the same in any arrival order.
     * Snoozes do not count either way. The user and the window's bounds are columns of the enclosing statement.
     */
    private static final String ADHERENCE_IN_WINDOW = """
            SELECT count(*) FILTER (WHERE outcome = 'DONE') AS done, count(*) AS answered
            FROM (SELECT DISTINCT ON (nudge_id) outcome
                  FROM nudge_ack
                  WHERE user_id = r.user_id AND kind IN ('HYDRATION', 'WARM_UP') AND outcome IN ('DONE', 'SKIPPED')
                    AND acknowledged_at > r.from_at AND acknowledged_at <= r.to_at
                  ORDER BY nudge_id, acknowledged_at DESC, event_id DESC) latest
            """;
    // A report joins its user's history once; a redelivered one finds its row there.
    private static final String REMEMBER_REPORTS = """
            INSERT INTO report_history (report_id, user_id, occurred_at)
            SELECT * FROM unnest(?::uuid[], ?::text[], ?::timestamptz[])
            ON CONFLICT (report_id) DO NOTHING
            """;
    // Everything the rules look at, for every report of a round in one round trip (each statement costs about 0.1 ms
    // of the box, see bench/BENCHMARKS.md): whether the report has advice already, its user's reports in the window (this
    // one included) and adherence in it.
    private static final String FACTS = """
            SELECT EXISTS (SELECT 1 FROM advice WHERE advice.report_id = r.report_id) AS advised,
                   (SELECT count(*) FROM report_history h
                    WHERE h.user_id = r.user_id AND h.occurred_at > r.from_at AND h.occurred_at <= r.to_at) AS recent,
                   adherence.done, adherence.answered
            FROM unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::timestamptz[])
                 WITH ORDINALITY AS r (report_id, user_id, from_at, to_at, n)
                 CROSS JOIN LATERAL (%s) adherence
            ORDER BY r.n
            """.formatted(ADHERENCE_IN_WINDOW);
    private static final String ADHERENCE = """
            SELECT adherence.done, adherence.answered
            FROM unnest(?::text[], ?::timestamptz[], ?::timestamptz[]) AS r (user_id, from_at, to_at)
                 CROSS JOIN LATERAL (%s) adherence
            """.formatted(ADHERENCE_IN_WINDOW);
    private static final String INSERT_ADVICE = """
            INSERT INTO advice (id, report_id, user_id, issued_at, urgency, ruleset_version, body)
            SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[])
            """;
    private static final String INSERT_ACKS = """
            INSERT INTO nudge_ack (event_id, nudge_id, user_id, kind, outcome, acknowledged_at)
            SELECT * FROM unnest(?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
            """;

    private static final NamedSql REPORTS_OF = NamedSql.of("""
            SELECT report_id, occurred_at FROM report_history WHERE user_id = :user ORDER BY occurred_at, report_id
            """);

    /** One report to judge: its user's window is (from, to]. */
    public record Judged(UUID reportId, String userId, Instant from, Instant to) {

        /** A report judged as of its own occurredAt, over the window that ends there. */
        public static Judged asOfOccurrence(CrampReportSubmittedV1 report, Duration window) {
            return new Judged(report.reportId(), report.userId(), report.occurredAt().minus(window),
                    report.occurredAt());
        }
    }

    /** Hydration and warm-up nudges answered in a window (latest answer per nudge), and how many of them were done. */
    public record Answers(long done, long answered) {
    }

    /** What the rules look at for one report. */
    public record Facts(boolean advised, int recentReports, Answers answers) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper objectMapper;

    AdviceStore(AgroalDataSource dataSource, ObjectMapper objectMapper) {
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
    }

    public void rememberReports(List<Judged> reports) {
        update(dataSource, REMEMBER_REPORTS, column(reports, Judged::reportId), column(reports, Judged::userId),
                column(reports, Judged::to));
    }

    /** The facts of each report, in list order. */
    public List<Facts> facts(List<Judged> reports) {
        return query(dataSource, FACTS, rows -> {
            List<Facts> facts = new ArrayList<>(reports.size());
            while (rows.next()) {
                facts.add(new Facts(rows.getBoolean("advised"), rows.getInt("recent"),
                        new Answers(rows.getLong("done"), rows.getLong("answered"))));
            }
            return facts;
        }, column(reports, Judged::reportId), column(reports, Judged::userId), column(reports, Judged::from),
                column(reports, Judged::to));
    }

    /** A user's answers in (from, to]. */
    public Answers answers(String userId, Instant from, Instant to) {
        return query(dataSource, ADHERENCE, rows -> {
            rows.next();
            return new Answers(rows.getLong("done"), rows.getLong("answered"));
        }, new String[] { userId }, new String[] { from.toString() }, new String[] { to.toString() });
    }

    /** Stores each advice: the event as its body, beside the columns it is looked up and listed by. */
    public void insertAdvice(List<AdviceIssuedV1> issued) {
        update(dataSource, INSERT_ADVICE, column(issued, AdviceIssuedV1::adviceId),
                column(issued, AdviceIssuedV1::reportId), column(issued, AdviceIssuedV1::userId),
                column(issued, AdviceIssuedV1::issuedAt), column(issued, advice -> advice.urgency().name()),
                column(issued, AdviceIssuedV1::rulesetVersion), column(issued, this::body));
    }

    /** Records nudge acknowledgements, one row per event. */
    public void insertAcks(List<InboxEvent<NudgeAcknowledgedV1>> acks) {
        update(dataSource, INSERT_ACKS, column(acks, InboxEvent::eventId), column(acks, ack -> ack.payload().nudgeId()),
                column(acks, ack -> ack.payload().userId()), column(acks, ack -> ack.payload().kind().name()),
                column(acks, ack -> ack.payload().outcome().name()),
                column(acks, ack -> ack.payload().acknowledgedAt()));
    }

    public Optional<AdviceIssuedV1> find(UUID adviceId) {
        return Advice.<Advice>findByIdOptional(adviceId).map(this::issued);
    }

    public Optional<AdviceIssuedV1> findByReport(UUID reportId) {
        return Advice.<Advice>find("reportId", reportId).firstResultOptional().map(this::issued);
    }

    /** A user's advice, newest first. */
    public PageRequest.Slice<AdviceIssuedV1> listForUser(String userId, PageRequest page) {
        KeysetQuery query = KeysetQuery.where("userId", userId, "issuedAt");
        List<Advice> rows = Advice.<Advice>find(query.condition(page), Sort.descending(query.order()),
                query.parameters()).page(0, page.fetchSize()).list();
        PageRequest.Slice<Advice> slice = page.slice(rows, a -> new PageCursor(a.issuedAt, a.id));
        return new PageRequest.Slice<>(slice.items().stream().map(this::issued).toList(), slice.nextPageToken());
    }

    /** Every advice of a user as issued, oldest first (by issuedAt, then id). */
    public List<AdviceIssuedV1> allOf(String userId) {
        return Advice.<Advice>list("userId", Sort.ascending("issuedAt", "id"), userId).stream().map(this::issued)
                .toList();
    }

    /** Every answer to a nudge a user gave, oldest first (by acknowledgedAt, then event id). */
    public List<NudgeAck> acksOf(String userId) {
        return NudgeAck.list("userId", Sort.ascending("acknowledgedAt", "eventId"), userId);
    }

    /** A report the advice service remembers (table report_history): which, and when its cramp began. */
    public record ReportSeen(UUID reportId, Instant occurredAt) {
    }

    /** Every report of a user the advice service remembers, oldest first. */
    public List<ReportSeen> reportsOf(String userId) {
        return list(dataSource, REPORTS_OF, Map.of("user", userId),
                row -> new ReportSeen(row.uuid("report_id"), row.instant("occurred_at")));
    }

    private AdviceIssuedV1 issued(Advice advice) {
        try {
            return objectMapper.readValue(advice.body, AdviceIssuedV1.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored advice " + advice.id + " is not readable", e);
        }
    }

    private String body(AdviceIssuedV1 issued) {
        try {
            return objectMapper.writeValueAsString(issued);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Serializing advice failed", e);
        }
    }
}
