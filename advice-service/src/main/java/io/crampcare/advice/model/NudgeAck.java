package io.crampcare.advice.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.crampcare.contracts.nudge.AckOutcome;
import io.crampcare.contracts.nudge.NudgeKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person's answer to a nudge (from nudge-acks), for adherence. */
@Entity
@Table(name = "nudge_ack")
public class NudgeAck extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "nudge_id", nullable = false)
    public UUID nudgeId;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NudgeKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AckOutcome outcome;
    @Column(name = "acknowledged_at", nullable = false)
    public Instant acknowledgedAt;
}
