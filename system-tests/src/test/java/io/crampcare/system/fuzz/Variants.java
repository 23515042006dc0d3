package io.crampcare.system.fuzz;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A category's variants in rotation: each is used once, in an order the seeded Random shuffles, before any is used
 * twice. {@link #apply(Draft)} notes the next one's name in the request's description, then changes the draft with it
 * (which may note details after the name).
 *
 * @param <A> what the variants need besides the draft
 */
final class Variants<A> {

    private final Rand.Rotation<Variant<A>> rotation;
    private final Function<Draft, A> argument;

    /** @param argument what each variant is given besides the draft, worked out from the draft when it is applied */
    Variants(List<Variant<A>> variants, Random rnd, Function<Draft, A> argument) {
        this.rotation = new Rand.Rotation<>(variants, rnd);
        this.argument = argument;
    }

    void apply(Draft d) {
        Variant<A> variant = rotation.next();
        d.note(variant.name());
        variant.apply().accept(d, argument.apply(d));
    }
}
