package io.crampcare.advice.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.advice.rules.Decision;
import io.crampcare.contracts.advice.AdviceIssuedV1;
import io.crampcare.contracts.advice.HydrationPlan;
import io.crampcare.contracts.advice.Urgency;
import io.crampcare.contracts.report.CrampReportSubmittedV1;

class IssuedAdviceTest {

    @Test
    void eachPartLandsInItsOwnPlace() throws Exception {
        UUID adviceId = UUID.randomUUID();
        UUID reportId = UUID.randomUUID();
        Instant issuedAt = Instant.parse("2026-11-25T07:31:02Z");
        Instant occurredAt = Instant.parse("2026-11-25T07:30:00Z");
        CrampReportSubmittedV1 report = new ObjectMapper().findAndRegisterModules().readValue("""
                {"reportId": "%s", "userId": "user-42", "occurredAt": "%s"}""".formatted(reportId, occurredAt),
                CrampReportSubmittedV1.class);
        HydrationPlan water = new HydrationPlan(2800, 94.7, null, null, 1000);
        Decision decision = new Decision(Urgency.SEE_DOCTOR, "headline", List.of(), water, "ruleset", "disclaimer");

        AdviceIssuedV1 issued = IssuedAdvice.of(adviceId, issuedAt, report, decision);

        assertEquals(new AdviceIssuedV1(adviceId, reportId, "user-42", issuedAt, Urgency.SEE_DOCTOR, "headline",
                List.of(), water, "ruleset", "disclaimer", occurredAt), issued);
    }
}
