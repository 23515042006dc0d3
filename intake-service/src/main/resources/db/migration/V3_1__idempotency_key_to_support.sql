-- Idempotency-Keys moved to service-support's idempotent_request (V1_8), which every POST with a key shares (reports
-- here, workouts in the reminder). Keys still remembered come along, so a retry across the upgrade still replays.
INSERT INTO idempotent_request (idempotency_key, request_hash, claim_token, state, response_status, response_location,
                                response_body, claimed_at, expires_at)
SELECT idempotency_key, request_hash, claim_token, state, response_status, response_location, response_body,
       claimed_at, expires_at
FROM idempotency_key
ON CONFLICT (idempotency_key) DO NOTHING;
DROP TABLE idempotency_key;
