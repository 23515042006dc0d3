package io.crampcare.advice.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.crampcare.advice.mapping.IssuedAdvice;
import io.crampcare.advice.rules.AdviceDecider;
import io.crampcare.advice.rules.Decision;
import io.crampcare.advice.store.AdviceStore;
import io.crampcare.contracts.EventDescriptor;
import io.crampcare.contracts.advice.AdviceIssuedV1;
import io.crampcare.contracts.advice.Urgency;
import io.crampcare.contracts.nudge.NudgeAcknowledgedV1;
import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.support.ids.TimeOrderedIds;
import io.crampcare.support.inbox.InboxEvent;
import io.crampcare.support.metrics.CommittedCounts;
import io.crampcare.support.outbox.Outbox;
import io.crampcare.support.paging.PageRequest;
import io.quarkus.runtime.StartupEvent;

/** Decides and publishes advice on reports, from the history the store keeps; SQL is the store's. */
@ApplicationScoped
public class AdviceService {

    private static final Logger LOG = Logger.getLogger(AdviceService.class);
    static final String ISSUED = "crampcare.advice.issued";

    private final AdviceDecider decider;
    private final AdviceStore store;
    private final Outbox outbox;
    private final CommittedCounts counts;

    AdviceService(AdviceDecider decider, AdviceStore store, Outbox outbox, CommittedCounts counts) {
        this.decider = decider;
        this.store = store;
        this.outbox = outbox;
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
        List<AdviceStore.Judged> judged = events.stream()
                .map(event -> AdviceStore.Judged.asOfOccurrence(event.payload(), decider.thresholds().window()))
                .toList();
        store.rememberReports(judged);
        List<AdviceStore.Facts> facts = store.facts(judged);
        List<AdviceIssuedV1> advice = new ArrayList<>(events.size());
        List<Outbox.Message> messages = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            CrampReportSubmittedV1 report = events.get(i).payload();
            AdviceStore.Facts known = facts.get(i);
            if (known.advised()) {
                LOG.infof("Report %s already has advice; nothing to do", report.reportId());
                continue;
            }
            AdviceIssuedV1 issued = advise(report, known);
            advice.add(issued);
            messages.add(Outbox.Message.of(EventDescriptor.ADVICE_ISSUED, issued, issued.issuedAt(),
                    events.get(i).trace()));
            counts.increment(ISSUED, "urgency", issued.urgency().name());
        }
        store.insertAdvice(advice);
        outbox.writeAll(messages);
    }

    private AdviceIssuedV1 advise(CrampReportSubmittedV1 report, AdviceStore.Facts known) {
        Double adherence = adherence(known.answers()).share();
        Decision decision = decider.decide(report, known.recentReports(), adherence);
        AdviceIssuedV1 issued = IssuedAdvice.of(TimeOrderedIds.next(), Instant.now().truncatedTo(ChronoUnit.MICROS),
                report, decision);
        // Ids at INFO; what the advice says about the person only at DEBUG.
        LOG.infof("Advice %s issued for report %s", issued.adviceId(), report.reportId());
        LOG.debugf("Advice %s: %s, %d recommendations (%d recent reports, adherence %s)", issued.adviceId(),
                issued.urgency(), issued.recommendations().size(), known.recentReports(), adherence);
        return issued;
    }

    /** Records nudge acknowledgements for adherence, inside the consumer's transaction, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAcks(List<InboxEvent<NudgeAcknowledgedV1>> events) {
        store.insertAcks(events);
    }

    /** Hydration and warm-up nudges answered in a window, and the share done (null when none was answered). */
    public record Adherence(long answered, Double share) {
    }

    /** Adherence over the "frequent" window ending now. */
    @Transactional
    public Adherence adherenceNow(String userId) {
        Instant now = Instant.now();
        return adherence(store.answers(userId, now.minus(decider.thresholds().window()), now));
    }

    private static Adherence adherence(AdviceStore.Answers answers) {
        long answered = answers.answered();
        return new Adherence(answered, answered == 0 ? null : (double) answers.done() / answered);
    }

    @Transactional
    public Optional<AdviceIssuedV1> find(UUID adviceId) {
        return store.find(adviceId);
    }

    @Transactional
    public Optional<AdviceIssuedV1> findByReport(UUID reportId) {
        return store.findByReport(reportId);
    }

    /** A user's advice, newest first. */
    @Transactional
    public PageRequest.Slice<AdviceIssuedV1> listForUser(String userId, PageRequest page) {
        return store.listForUser(userId, page);
    }
}
