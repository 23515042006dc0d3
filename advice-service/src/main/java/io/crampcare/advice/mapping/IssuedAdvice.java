package io.crampcare.advice.mapping;

import java.time.Instant;
import java.util.UUID;

import io.crampcare.advice.rules.Decision;
import io.crampcare.contracts.advice.AdviceIssuedV1;
import io.crampcare.contracts.report.CrampReportSubmittedV1;

/** The event that announces an advice, from what it answers and what the rules decided. */
public final class IssuedAdvice {

    private IssuedAdvice() {
    }

    /**
     * Parameters of four types, so a call cannot swap them; the one positional call below reads each component by its
     * name (IssuedAdviceTest holds each in its place).
     */
    public static AdviceIssuedV1 of(UUID adviceId, Instant issuedAt, CrampReportSubmittedV1 report,
            Decision decision) {
        return new AdviceIssuedV1(adviceId, report.reportId(), report.userId(), issuedAt, decision.urgency(),
                decision.headline(), decision.recommendations(), decision.hydration(), decision.rulesetVersion(),
                decision.disclaimer(), report.occurredAt());
    }
}
