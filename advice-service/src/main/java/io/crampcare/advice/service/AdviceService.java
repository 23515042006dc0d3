package io.crampcare.advice.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import io.crampcare.advice.rules.AdviceDecider;
import io.crampcare.advice.rules.Decision;
import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.contracts.advice.AdviceIssuedV1;
import io.crampcare.contracts.advice.Urgency;
import io.crampcare.contracts.nudge.NudgeAcknowledgedV1;
import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.support.ids.TimeOrderedIds;
import io.crampcare.support.inbox.InboxEvent;
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
    private static final String ADHERENCE = AdviceStore.adherence(":userId", ":from", ":to");

    private final AdviceDecider decider;
    private final Outbox outbox;
    private final EntityManager em;
    private final ObjectMapper objectMapper;
    private final CommittedCounts counts;
    private final AdviceStore store;

    AdviceService(AdviceDecider decider, Outbox outbox, EntityManager em, ObjectMapper objectMapper,
            CommittedCounts counts, AdviceStore store) {
        this.decider = decider;
        this.store = store;
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

    /**
     * Advises on reports, inside the consumer's transaction, set-based: the reports join the history in one statement,
     * the facts of all are read in one, the decisions are made here, and the advice rows and their events are written
     * in one statement each. At most one report per user (the consumer's rounds), so each is judged as when alone.
     * A report already advised on is left alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void adviseOnAll(List<InboxEvent<CrampReportSubmittedV1>> events) {
        // Judged as of its own occurredAt, not its arrival: a late report does not count the reports and answers that
        // came after it, and it joins the history where it belongs in time.
        List<AdviceStore.Judged> judged = events.stream().map(InboxEvent::payload)
                .map(report -> new AdviceStore.Judged(report.reportId(), report.userId(),
                        report.occurredAt().minus(decider.thresholds().window()), report.occurredAt()))
                .toList();
        store.rememberReports(judged);
        List<AdviceStore.Facts> facts = store.facts(judged);
        List<AdviceStore.AdviceRow> rows = new ArrayList<>(events.size());
        List<Outbox.Message> messages = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            CrampReportSubmittedV1 report = events.get(i).payload();
            AdviceStore.Facts known = facts.get(i);
            if (known.advised()) {
                LOG.infof("Report %s already has advice; nothing to do", report.reportId());
                continue;
            }
            Double adherence = adherence(known.done(), known.answered()).share();
            Decision decision = decider.decide(report, known.recentReports(), adherence);
            AdviceIssuedV1 issued = new AdviceIssuedV1(TimeOrderedIds.next(), report.reportId(), report.userId(),
                    Instant.now().truncatedTo(ChronoUnit.MICROS), decision.urgency(), decision.headline(),
                    decision.recommendations(), decision.hydration(), decision.rulesetVersion(), decision.disclaimer(),
                    report.occurredAt());
            rows.add(new AdviceStore.AdviceRow(issued.adviceId(), issued.reportId(), issued.userId(),
                    issued.issuedAt(), issued.urgency().name(), issued.rulesetVersion(), json(issued)));
            messages.add(new Outbox.Message(Topics.ADVICE, issued.userId(), EventTypes.ADVICE_ISSUED, issued.userId(),
                    issued, issued.issuedAt(), events.get(i).trace()));
            counts.increment(ISSUED, "urgency", issued.urgency().name());
            // Ids at INFO; what the advice says about the person only at DEBUG.
            LOG.infof("Advice %s issued for report %s", issued.adviceId(), report.reportId());
            LOG.debugf("Advice %s: %s, %d recommendations (%d recent reports, adherence %s)", issued.adviceId(),
                    issued.urgency(), issued.recommendations().size(), known.recentReports(), adherence);
        }
        store.insertAdvice(rows);
        outbox.writeAll(messages);
    }

    /** Records nudge acknowledgements for adherence, inside the consumer's transaction, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAcks(List<InboxEvent<NudgeAcknowledgedV1>> events) {
        store.insertAcks(events.stream().map(event -> {
            NudgeAcknowledgedV1 ack = event.payload();
            return new AdviceStore.AckRow(event.eventId(), ack.nudgeId(), ack.userId(), ack.kind().name(),
                    ack.outcome().name(), ack.acknowledgedAt());
        }).toList());
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
