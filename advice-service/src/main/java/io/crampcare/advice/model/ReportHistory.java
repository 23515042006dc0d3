package io.crampcare.advice.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One past report of a user, as far as the rules need it. */
@Entity
@Table(name = "report_history")
public class ReportHistory extends PanacheEntityBase {

    @Id
    @Column(name = "report_id")
    public UUID reportId;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
