package io.crampcare.advice.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.crampcare.advice.model.NudgeAck;
import io.crampcare.advice.store.AdviceStore;
import io.crampcare.contracts.advice.AdviceIssuedV1;
import io.crampcare.support.audit.AuditEntry;

/**
 * Everything the advice service holds about one person (docs/export-format.md, part {@code advice}), each table
 * oldest first. The user id is the document's; instants are UTC.
 *
 * @param advice        every advice as issued (the stored body: urgency, rule ids, recommendations with their
 *                      sources, the hydration plan)
 * @param reportHistory the reports the advice service remembers to judge "frequent"
 * @param nudgeAcks     the person's answers to nudges, as the reminder announced them
 * @param audit         the audit of access about the person in this service
 */
@Schema(name = "AdvicePersonalData", description = "Everything advice holds about the person, each table oldest first",
        requiredProperties = { "advice", "reportHistory", "nudgeAcks", "audit" })
public record AdviceData(List<AdviceIssuedV1> advice, List<ReportSeen> reportHistory, List<Ack> nudgeAcks,
        @Schema(description = "Who else read or changed this data in the advice service, and why (the audit of "
                + "access), oldest first") List<AuditEntry> audit) {

    /** One report_history row: a report and when its cramp began. */
    @Schema(name = "ExportedReportHistory", requiredProperties = { "reportId", "occurredAt" })
    public record ReportSeen(UUID reportId, Instant occurredAt) {

        static ReportSeen of(AdviceStore.ReportSeen seen) {
            return new ReportSeen(seen.reportId(), seen.occurredAt());
        }
    }

    /** One nudge_ack row: an answer (DONE, SKIPPED, SNOOZED) to a nudge. */
    @Schema(name = "ExportedNudgeAck", requiredProperties = { "eventId", "nudgeId", "kind", "outcome",
            "acknowledgedAt" })
    public record Ack(String eventId, UUID nudgeId, String kind, String outcome, Instant acknowledgedAt) {

        static Ack of(NudgeAck ack) {
            return new Ack(ack.eventId, ack.nudgeId, ack.kind.name(), ack.outcome.name(), ack.acknowledgedAt);
        }
    }
}
