package io.crampcare.reminder.planning;

import java.time.Instant;

/**
 * One planned drink.
 *
 * @param dueAt    when to nudge
 * @param amountMl how much to drink then
 */
public record Portion(Instant dueAt, int amountMl) {
}
