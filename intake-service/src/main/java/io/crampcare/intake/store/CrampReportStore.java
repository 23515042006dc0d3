package io.crampcare.intake.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.crampcare.intake.model.CrampReport;
import io.crampcare.intake.model.SymptomsConverter;
import io.crampcare.support.outbox.Outbox;
import io.crampcare.support.paging.KeysetQuery;
import io.crampcare.support.paging.PageCursor;
import io.crampcare.support.paging.PageRequest;
import io.quarkus.panache.common.Sort;

/**
 * Cramp reports in the database. A new report and its event are written in one SQL statement on a pooled connection,
 * without Hibernate: accepting a report is one insert of an immutable row, and a session (flush, dirty checking, its
 * own statement) bought nothing there. Reads go through the {@link CrampReport} entity (Panache), which maps the same
 * columns.
 */
@ApplicationScoped
public class CrampReportStore {

    private static final Outbox.RowWithEvents INSERT_WITH_EVENT = Outbox.rowWithEvents("""
            INSERT INTO cramp_report (id, user_id, occurred_at, received_at, muscle, side, onset, severity,
                                      duration_seconds, context, activity_type, activity_intensity, activity_minutes,
                                      warmed_up, stretched_after, sweating_heavily, water_today_ml, visible_lump,
                                      relief_by, symptoms, new_medication, body_weight_kg, notes, hot_environment,
                                      water_last_hour_ml, unaccustomed_exercise, takes_statin)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """);
    private static final SymptomsConverter SYMPTOMS = new SymptomsConverter();

    private final Outbox outbox;

    CrampReportStore(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Inserts the report and its event together: committed on their own when no transaction is active, else with it.
     */
    public void insert(CrampReport report, Outbox.Message event) {
        outbox.insertWithRow(INSERT_WITH_EVENT, statement -> bind(statement, report), List.of(event));
    }

    public Optional<CrampReport> find(UUID id) {
        return CrampReport.findByIdOptional(id);
    }

    /** One page of a user's reports, newest first, with {@code occurredAt} in [from, to) when given. */
    public PageRequest.Slice<CrampReport> list(String userId, Instant from, Instant to, PageRequest page) {
        KeysetQuery query = KeysetQuery.where("userId", userId, "occurredAt").within(from, to);
        List<CrampReport> rows = CrampReport.<CrampReport>find(query.condition(page), Sort.descending(query.order()),
                query.parameters()).page(0, page.fetchSize()).list();
        return page.slice(rows, r -> new PageCursor(r.occurredAt, r.id));
    }

    /** Every report of a user, oldest first (by occurredAt, then id): the user's own copy of what intake holds. */
    public List<CrampReport> allOf(String userId) {
        return CrampReport.list("userId", Sort.ascending("occurredAt", "id"), userId);
    }

    private static int bind(PreparedStatement insert, CrampReport report) throws SQLException {
        int i = 0;
        insert.setObject(++i, report.id);
        insert.setString(++i, report.userId);
        insert.setObject(++i, report.occurredAt.atOffset(ZoneOffset.UTC));
        insert.setObject(++i, report.receivedAt.atOffset(ZoneOffset.UTC));
        insert.setString(++i, report.muscle.name());
        insert.setString(++i, report.side.name());
        insert.setString(++i, report.onset.name());
        insert.setInt(++i, report.severity);
        insert.setInt(++i, report.durationSeconds);
        insert.setString(++i, report.context.name());
        insert.setString(++i, report.activityType == null ? null : report.activityType.name());
        insert.setString(++i, report.activityIntensity == null ? null : report.activityIntensity.name());
        insert.setObject(++i, report.activityMinutes, Types.INTEGER);
        insert.setObject(++i, report.warmedUp, Types.BOOLEAN);
        insert.setObject(++i, report.stretchedAfter, Types.BOOLEAN);
        insert.setObject(++i, report.sweatingHeavily, Types.BOOLEAN);
        insert.setObject(++i, report.waterTodayMl, Types.INTEGER);
        insert.setObject(++i, report.visibleLump, Types.BOOLEAN);
        insert.setString(++i, report.reliefBy == null ? null : report.reliefBy.name());
        insert.setString(++i, SYMPTOMS.convertToDatabaseColumn(report.symptoms));
        insert.setObject(++i, report.newMedication, Types.BOOLEAN);
        insert.setObject(++i, report.bodyWeightKg, Types.DOUBLE);
        insert.setString(++i, report.notes);
        insert.setObject(++i, report.hotEnvironment, Types.BOOLEAN);
        insert.setObject(++i, report.waterLastHourMl, Types.INTEGER);
        insert.setObject(++i, report.unaccustomedExercise, Types.BOOLEAN);
        insert.setObject(++i, report.takesStatin, Types.BOOLEAN);
        return i;
    }
}
