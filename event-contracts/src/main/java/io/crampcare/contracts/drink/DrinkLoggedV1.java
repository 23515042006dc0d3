package io.crampcare.contracts.drink;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code io.crampcare.drink.logged.v1} on topic {@code drinks}: a drink entered the person's drink log at
 * the reminder service. JSON Schema: {@code schemas/drink-logged.v1.json}. Only additive changes within v1.
 *
 * <p>Each {@code drinkId} is logged once and deleted at most once ({@link DrinkDeletedV1}); a consumer's view of a
 * user's drinks is the logged ones not deleted. At most one live drink names a given {@code nudgeId}. Key = userId, so
 * a user's drink events keep their order.
 *
 * @param drinkId  the drink's id
 * @param userId   whose drink
 * @param drunkAt  when it was drunk (UTC)
 * @param amountMl how much, in millilitres, 1-2000
 * @param kind     what was drunk
 * @param source   logged by the person, or a DONE answer on a drink nudge
 * @param nudgeId  the drink nudge this drink is the portion of; null when it answers none (always set for
 *                 {@link DrinkSource#NUDGE_DONE})
 * @param loggedAt when the reminder service recorded it (UTC)
 */
public record DrinkLoggedV1(UUID drinkId, String userId, Instant drunkAt, int amountMl, DrinkKind kind,
        DrinkSource source, UUID nudgeId, Instant loggedAt) {
}
