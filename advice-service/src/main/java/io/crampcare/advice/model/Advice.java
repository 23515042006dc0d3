package io.crampcare.advice.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.crampcare.contracts.advice.Urgency;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An advice as issued; {@code body} is the AdviceIssuedV1 JSON, the other columns are for lookups.
 *
 * Table and columns are the names in snake_case (the physical naming strategy); the schema, with its constraints, is
 * the Flyway migrations'.
 */
@Entity
public class Advice extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID reportId;
    public String userId;
    public Instant issuedAt;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    public String rulesetVersion;
    public String body;
}
