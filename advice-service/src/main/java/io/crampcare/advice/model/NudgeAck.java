package io.crampcare.advice.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.crampcare.contracts.nudge.AckOutcome;
import io.crampcare.contracts.nudge.NudgeKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person's answer to a nudge (from nudge-acks), for adherence.
 *
 * Table and columns are the names in snake_case (the physical naming strategy); the schema, with its constraints, is
 * the Flyway migrations'.
 */
@Entity
public class NudgeAck extends PanacheEntityBase {

    @Id
    public String eventId;
    public UUID nudgeId;
    public String userId;
    @Enumerated(EnumType.STRING)
    public NudgeKind kind;
    @Enumerated(EnumType.STRING)
    public AckOutcome outcome;
    public Instant acknowledgedAt;
}
