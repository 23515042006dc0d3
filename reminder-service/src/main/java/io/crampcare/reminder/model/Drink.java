package io.crampcare.reminder.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.crampcare.contracts.drink.DrinkKind;
import io.crampcare.contracts.drink.DrinkSource;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One drink (table drink): logged by the person, or the portion of a drink nudge they answered DONE. Columns are the
 * fields' names in snake case (the service's physical naming strategy); nullability is the schema's.
 */
@Entity
public class Drink extends PanacheEntityBase {

    @Id
    public UUID id;
    public String userId;
    public Instant drunkAt;
    public int amountMl;
    @Enumerated(EnumType.STRING)
    public DrinkKind kind;
    @Enumerated(EnumType.STRING)
    public DrinkSource source;
    /** The drink nudge this drink is the portion of; null for a drink logged on its own. */
    public UUID nudgeId;
    public Instant loggedAt;
}
