package io.crampcare.intake.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.intake.mapping.CrampReportMapper;
import io.crampcare.intake.model.CrampReport;
import io.crampcare.intake.rest.CrampReportPage;
import io.crampcare.intake.rest.CrampReportRequest;
import io.crampcare.intake.rest.CrampReportResponse;
import io.crampcare.support.outbox.Outbox;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Stores cramp reports and, in the same transaction, the event that announces each one. */
@ApplicationScoped
public class CrampReportService {

    private static final Logger LOG = Logger.getLogger(CrampReportService.class);

    private final CrampReportMapper mapper;
    private final Outbox outbox;
    private final IdempotencyService idempotency;
    private final ObjectMapper objectMapper;

    CrampReportService(CrampReportMapper mapper, Outbox outbox, IdempotencyService idempotency, ObjectMapper objectMapper) {
        this.mapper = mapper;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.objectMapper = objectMapper;
    }

    /**
     * Accepts a report: the report row, its {@code cramp-reports} event and (with an Idempotency-Key) the recorded
     * response commit together or not at all.
     */
    @Transactional
    public CrampReportResponse submit(CrampReportRequest request, IdempotencyService.Granted claim) {
        CrampReport report = mapper.toEntity(request, UUID.randomUUID(), Instant.now());
        report.persist();
        outbox.write(Topics.CRAMP_REPORTS, report.userId, EventTypes.CRAMP_REPORT_SUBMITTED, report.userId,
                mapper.toEvent(report));
        CrampReportResponse response = mapper.toResponse(report);
        if (claim != null) {
            idempotency.complete(claim, 201, response.links().self(), json(response));
        }
        LOG.infof("Accepted cramp report %s (user %s, %s %s)", report.id, report.userId, report.onset, report.muscle);
        return response;
    }

    @Transactional
    public Optional<CrampReportResponse> find(UUID id) {
        return CrampReport.<CrampReport>findByIdOptional(id).map(mapper::toResponse);
    }

    /**
     * One page of a user's reports, newest first, with {@code occurredAt} in [from, to) when given.
     *
     * @param after the cursor of the previous page, or null for the first page
     */
    @Transactional
    public CrampReportPage list(String userId, Instant from, Instant to, int pageSize, PageCursor after) {
        StringBuilder query = new StringBuilder("userId = :userId");
        Parameters parameters = Parameters.with("userId", userId);
        if (from != null) {
            query.append(" and occurredAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and occurredAt < :to");
            parameters.and("to", to);
        }
        if (after != null) {
            query.append(" and (occurredAt < :afterTime or (occurredAt = :afterTime and id < :afterId))");
            parameters.and("afterTime", after.occurredAt()).and("afterId", after.id());
        }
        // One extra row tells whether another page follows.
        List<CrampReport> rows = CrampReport.<CrampReport>find(query.toString(),
                Sort.descending("occurredAt", "id"), parameters).range(0, pageSize).list();
        boolean more = rows.size() > pageSize;
        List<CrampReport> page = more ? rows.subList(0, pageSize) : rows;
        String next = more ? new PageCursor(page.get(pageSize - 1).occurredAt, page.get(pageSize - 1).id).encode() : null;
        return new CrampReportPage(page.stream().map(mapper::toResponse).toList(), next);
    }

    private String json(CrampReportResponse response) {
        try {
            return objectMapper.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Serializing a report response failed", e);
        }
    }
}
