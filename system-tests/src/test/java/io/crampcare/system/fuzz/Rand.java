package io.crampcare.system.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Small helpers over one seeded {@link Random}: everything random in the generator goes through it. */
final class Rand {

    private Rand() {
    }

    static <T> T pick(Random rnd, List<T> options) {
        return options.get(rnd.nextInt(options.size()));
    }

    @SafeVarargs
    static <T> T pickOf(Random rnd, T... options) {
        return options[rnd.nextInt(options.length)];
    }

    /** Inclusive on both ends. */
    static int between(Random rnd, int low, int high) {
        return low + rnd.nextInt(high - low + 1);
    }

    static boolean chance(Random rnd, double probability) {
        return rnd.nextDouble() < probability;
    }

    /** A UUID from the seed (not UUID.randomUUID(), which would break determinism). */
    static String uuid(Random rnd) {
        return new UUID(rnd.nextLong(), rnd.nextLong()).toString();
    }

    static byte[] bytes(Random rnd, int length) {
        byte[] result = new byte[length];
        rnd.nextBytes(result);
        return result;
    }

    /** Printable ASCII without space, quote or backslash. */
    static String ascii(Random rnd, int length) {
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            char c = (char) between(rnd, 0x21, 0x7e);
            if (c != '"' && c != '\\') {
                s.append(c);
            }
        }
        return s.toString();
    }

    static String alphanumeric(Random rnd, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /**
     * Cycles through its items in an order reshuffled on every pass, so that over any stretch each item gets its share
     * (balance by construction, not by luck) while the order still varies with the seed.
     */
    static final class Rotation<T> {
        private final List<T> items;
        private final Random rnd;
        private int next;

        Rotation(List<T> items, Random rnd) {
            if (items.isEmpty()) {
                throw new IllegalArgumentException("nothing to rotate");
            }
            this.items = new ArrayList<>(items);
            this.rnd = rnd;
            this.next = this.items.size();
        }

        T next() {
            if (next == items.size()) {
                Collections.shuffle(items, rnd);
                next = 0;
            }
            return items.get(next++);
        }
    }
}
