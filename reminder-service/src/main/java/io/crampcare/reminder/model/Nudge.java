package io.crampcare.reminder.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.crampcare.contracts.nudge.NudgeKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A nudge, planned or past (table nudge). Columns are the fields' names in snake case (the service's physical naming
 * strategy); nullability is the schema's. Planning and firing write the table set-based (store package).
 */
@Entity
public class Nudge extends PanacheEntityBase {

    @Id
    public UUID id;
    public String userId;
    @Enumerated(EnumType.STRING)
    public NudgeKind kind;
    public Instant dueAt;
    public LocalDate localDate;
    @Enumerated(EnumType.STRING)
    public NudgeStatus status;
    public Integer amountMl;
    public UUID workoutId;
    public UUID adviceId;
    public Instant firedAt;
    public Instant answeredAt;
    public int snoozes;
}
