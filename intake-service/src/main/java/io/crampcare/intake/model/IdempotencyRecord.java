package io.crampcare.intake.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What the first request with an Idempotency-Key did, so that a retry gets the same answer. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord extends PanacheEntityBase {

    public enum State {
        IN_FLIGHT,
        COMPLETED
    }

    @Id
    @Column(name = "idempotency_key")
    public String key;
    @Column(name = "request_hash", nullable = false)
    public String requestHash;
    @Column(name = "claim_token", nullable = false)
    public UUID claimToken;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;
    @Column(name = "response_status")
    public Integer responseStatus;
    @Column(name = "response_location")
    public String responseLocation;
    @Column(name = "response_body")
    public String responseBody;
    @Column(name = "claimed_at", nullable = false)
    public Instant claimedAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
