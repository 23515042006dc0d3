package io.crampcare.advice.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.crampcare.contracts.advice.Urgency;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An advice as issued; {@code body} is the AdviceIssuedV1 JSON, the other columns are for lookups. */
@Entity
@Table(name = "advice")
public class Advice extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "report_id", nullable = false, unique = true)
    public UUID reportId;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;
    @Column(name = "ruleset_version", nullable = false)
    public String rulesetVersion;
    @Column(nullable = false)
    public String body;
}
