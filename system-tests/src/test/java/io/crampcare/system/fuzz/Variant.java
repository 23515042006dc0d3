package io.crampcare.system.fuzz;

import java.util.function.BiConsumer;

/**
 * One named way a category changes a draft request.
 *
 * @param <A>   what it needs besides the draft (the seeded Random, the valid token's parts)
 * @param name  what the request's description notes
 * @param apply the change
 */
record Variant<A>(String name, BiConsumer<Draft, A> apply) {
}
