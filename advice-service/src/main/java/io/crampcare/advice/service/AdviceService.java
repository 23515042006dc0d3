package io.crampcare.advice.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.advice.model.Advice;
import io.crampcare.advice.model.NudgeAck;
import io.crampcare.advice.rules.AdviceDecider;
import io.crampcare.advice.rules.Decision;
import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.contracts.advice.AdviceIssuedV1;
import io.crampcare.contracts.advice.Urgency;
import io.crampcare.contracts.nudge.NudgeAcknowledgedV1;
import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.support.metrics.CommittedCounts;
import io.crampcare.support.outbox.Outbox;
import io.crampcare.support.paging.PageCursor;
import io.crampcare.support.paging.PageRequest;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;

/** Decides, stores and publishes advice; keeps the history the rules look at. */
@ApplicationScoped
public class AdviceService {

    private static final Logger LOG = Logger.getLogger(AdviceService.class);
    static final String ISSUED = "crampcare.advice.issued";
    // Latest answer per nudge within the window, by when it was given, not when it arrived: a late (replayed) answer
    // never overrides a newer one. The event id only makes a tie of instants come out the same in any arrival order.
    // Snoozes do not count either way.
    private static final String ADHERENCE = """
            SELECT count(*) FILTER (WHERE outcome = 'DONE') AS done, count(*) AS answered
            FROM (SELECT DISTINCT ON (nudge_id) outcome
                  FROM nudge_ack
                  WHERE user_id = :userId AND kind IN ('HYDRATION', 'WARM_UP') AND outcome IN ('DONE', 'SKIPPED')
                    AND acknowledged_at > :from AND acknowledged_at <= :to
                  ORDER BY nudge_id, acknowledged_at DESC, event_id DESC) latest
            """;
    // A report joins its user's history once; a redelivered one finds its row there.
    private static final String REMEMBER_REPORT = """
            INSERT INTO report_history (report_id, user_id, occurred_at) VALUES (:reportId, :userId, :occurredAt)
            ON CONFLICT (report_id) DO NOTHING
            """;
    // Everything the rules look at, in one round trip (each statement costs about 0.1 ms of the box, see
    // BENCHMARKS.md): whether the report has advice already, the user's reports in the window (this one included)
    // and adherence in it.
    private static final String FACTS = """
            SELECT EXISTS (SELECT 1 FROM advice WHERE report_id = :reportId),
                   (SELECT count(*) FROM report_history
                    WHERE user_id = :userId AND occurred_at > :from AND occurred_at <= :to),
                   adherence.done, adherence.answered
            FROM (%s) adherence
            """.formatted(ADHERENCE);

    private final AdviceDecider decider;
    private final Outbox outbox;
    private final EntityManager em;
    private final ObjectMapper objectMapper;
    private final CommittedCounts counts;

    AdviceService(AdviceDecider decider, Outbox outbox, EntityManager em, ObjectMapper objectMapper,
            CommittedCounts counts) {
        this.decider = decider;
        this.outbox = outbox;
        this.em = em;
        this.objectMapper = objectMapper;
        this.counts = counts;
    }

    void registerCounters(@Observes StartupEvent event) {
        for (Urgency urgency : Urgency.values()) {
            counts.zero(ISSUED, "urgency", urgency.name());
        }
    }

    /** Advises on a report, inside the consumer's transaction. A report already advised on is left alone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void adviseOn(CrampReportSubmittedV1 report) {
        em.createNativeQuery(REMEMBER_REPORT).setParameter("reportId", report.reportId())
                .setParameter("userId", report.userId()).setParameter("occurredAt", report.occurredAt())
                .executeUpdate();
        // Judged as of its own occurredAt, not its arrival: a late report does not count the reports and answers that
        // came after it, and it joins the history where it belongs in time.
        Instant windowStart = report.occurredAt().minus(decider.thresholds().window());
        Object[] facts = (Object[]) em.createNativeQuery(FACTS).setParameter("reportId", report.reportId())
                .setParameter("userId", report.userId()).setParameter("from", windowStart)
                .setParameter("to", report.occurredAt()).getSingleResult();
        if ((Boolean) facts[0]) {
            LOG.infof("Report %s already has advice; nothing to do", report.reportId());
            return;
        }
        int recent = ((Number) facts[1]).intValue();
        Double adherence = adherence(((Number) facts[2]).longValue(), ((Number) facts[3]).longValue()).share();
        Decision decision = decider.decide(report, recent, adherence);

        AdviceIssuedV1 issued = new AdviceIssuedV1(UUID.randomUUID(), report.reportId(), report.userId(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), decision.urgency(), decision.headline(),
                decision.recommendations(), decision.hydration(), decision.rulesetVersion(), decision.disclaimer(),
                report.occurredAt());
        Advice advice = new Advice();
        advice.id = issued.adviceId();
        advice.reportId = issued.reportId();
        advice.userId = issued.userId();
        advice.issuedAt = issued.issuedAt();
        advice.urgency = issued.urgency();
        advice.rulesetVersion = issued.rulesetVersion();
        advice.body = json(issued);
        advice.persist();
        outbox.write(Topics.ADVICE, issued.userId(), EventTypes.ADVICE_ISSUED, issued.userId(), issued,
                issued.issuedAt());
        counts.increment(ISSUED, "urgency", issued.urgency().name());
        // Ids at INFO; what the advice says about the person only at DEBUG.
        LOG.infof("Advice %s issued for report %s", issued.adviceId(), report.reportId());
        LOG.debugf("Advice %s: %s, %d recommendations (%d recent reports, adherence %s)", issued.adviceId(),
                issued.urgency(), issued.recommendations().size(), recent, adherence);
    }

    /** Records a nudge acknowledgement for adherence, inside the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAck(String eventId, NudgeAcknowledgedV1 ack) {
        NudgeAck row = new NudgeAck();
        row.eventId = eventId;
        row.nudgeId = ack.nudgeId();
        row.userId = ack.userId();
        row.kind = ack.kind();
        row.outcome = ack.outcome();
        row.acknowledgedAt = ack.acknowledgedAt();
        row.persist();
    }

    /** Hydration and warm-up nudges answered in a window, and the share done (null when none was answered). */
    public record Adherence(long answered, Double share) {
    }

    /** Adherence over the "frequent" window ending now. */
    @Transactional
    public Adherence adherenceNow(String userId) {
        Instant now = Instant.now();
        return adherenceBetween(userId, now.minus(decider.thresholds().window()), now);
    }

    /** Adherence in (from, to]. */
    Adherence adherenceBetween(String userId, Instant from, Instant to) {
        Object[] counts = (Object[]) em.createNativeQuery(ADHERENCE)
                .setParameter("userId", userId).setParameter("from", from).setParameter("to", to)
                .getSingleResult();
        return adherence(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
    }

    private static Adherence adherence(long done, long answered) {
        return new Adherence(answered, answered == 0 ? null : (double) done / answered);
    }

    @Transactional
    public Optional<AdviceIssuedV1> find(UUID adviceId) {
        return Advice.<Advice>findByIdOptional(adviceId).map(this::issued);
    }

    @Transactional
    public Optional<AdviceIssuedV1> findByReport(UUID reportId) {
        return Advice.<Advice>find("reportId", reportId).firstResultOptional().map(this::issued);
    }

    /** A user's advice, newest first. */
    @Transactional
    public PageRequest.Slice<AdviceIssuedV1> listForUser(String userId, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>(Map.of("userId", userId));
        String query = "userId = :userId" + page.afterCondition("issuedAt", parameters);
        List<Advice> rows = Advice.<Advice>find(query, Sort.descending("issuedAt", "id"), parameters)
                .page(0, page.fetchSize()).list();
        PageRequest.Slice<Advice> slice = page.slice(rows, a -> new PageCursor(a.issuedAt, a.id));
        return new PageRequest.Slice<>(slice.items().stream().map(this::issued).toList(), slice.nextPageToken());
    }

    private AdviceIssuedV1 issued(Advice advice) {
        try {
            return objectMapper.readValue(advice.body, AdviceIssuedV1.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored advice " + advice.id + " is not readable", e);
        }
    }

    private String json(AdviceIssuedV1 issued) {
        try {
            return objectMapper.writeValueAsString(issued);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Serializing advice failed", e);
        }
    }
}
