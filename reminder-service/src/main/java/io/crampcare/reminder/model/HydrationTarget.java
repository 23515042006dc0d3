package io.crampcare.reminder.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.crampcare.reminder.planning.PlanSource;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The latest water plan from the advice service for a user (table hydration_target); later days roll forward with it.
 * Columns are the fields' names in snake case (the service's physical naming strategy); nullability is the schema's.
 */
@Entity
public class HydrationTarget extends PanacheEntityBase {

    @Id
    public String userId;
    public UUID adviceId;
    public int dailyTargetMl;
    public int maxPerHourMl;
    public Integer preExerciseMl;
    public Instant updatedAt;
    /** When the advised report's cramp began; null if the advice did not say (older producers). */
    public Instant reportOccurredAt;
    /** When the advice was issued; null for plans stored before this was recorded. */
    public Instant adviceIssuedAt;
    /** When the roll-forward has to plan this user's next local day. */
    public Instant nextPlanAt;

    /** The advice this plan comes from, to compare a newly arrived one with. */
    public PlanSource source() {
        return new PlanSource(adviceId, reportOccurredAt, adviceIssuedAt);
    }
}
