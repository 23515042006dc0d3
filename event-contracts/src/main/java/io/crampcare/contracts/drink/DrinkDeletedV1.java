package io.crampcare.contracts.drink;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code io.crampcare.drink.deleted.v1} on topic {@code drinks}: a drink left the person's drink log.
 * JSON Schema: {@code schemas/drink-deleted.v1.json}. Only additive changes within v1.
 *
 * <p>It names a drink logged before by {@link DrinkLoggedV1}, on the same key (userId), so it follows that drink's
 * event in order; a drink is deleted at most once.
 *
 * @param drinkId    the drink deleted
 * @param userId     whose drink
 * @param reason     deleted by the person, or replaced by a drink logged for the same nudge
 * @param replacedBy for {@link DrinkDeletion#REPLACED}, the drink that took its place; otherwise null
 * @param deletedAt  when it was deleted (UTC)
 */
public record DrinkDeletedV1(UUID drinkId, String userId, DrinkDeletion reason, UUID replacedBy, Instant deletedAt) {
}
