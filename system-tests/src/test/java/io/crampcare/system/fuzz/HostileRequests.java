package io.crampcare.system.fuzz;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic generator of hostile requests against every /api/v1 endpoint of intake, advice and reminder.
 *
 * <p>Balance is by construction, not by chance: the six categories are dealt round-robin (each round reshuffled), so
 * each gets {@code count / 6} requests; each category deals its requests round-robin over the endpoints it applies to,
 * so within a category every such endpoint gets the same share (give or take one). Within a category the attack
 * variants rotate the same way. The three body categories apply to the six endpoints that read a body (POST
 * /cramp-reports, PUT preferences, POST workouts, POST ack, POST snooze, POST drinks; not the admin endpoints, which
 * refuse a user's token before reading one), which therefore get the most requests: that is where most of the input
 * is. Path/query oddities and forged tokens go to all 33 endpoints; "victim" requests to the 26 that name a user or a
 * record and are not for admins.
 *
 * <p>All randomness comes from one {@code java.util.Random(seed)}, and nothing reads the clock, the environment or a
 * hash order, so a seed always yields the same list (and a shorter run is a prefix of a longer one).
 */
public final class HostileRequests {

    /** "POST /cramp-reports [body] severity: ..." */
    private static final Pattern DESCRIPTION = Pattern.compile("^(\\S+) (\\S+) \\[([a-z-]+)\\] ");

    private HostileRequests() {
    }

    public static List<HostileRequest> generate(long seed, int count, Targets t) {
        Objects.requireNonNull(t, "targets");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Random rnd = new Random(seed);
        Rand.Rotation<Category> categories = new Rand.Rotation<>(List.of(Category.values()), rnd);
        Map<Category, Rand.Rotation<Endpoint>> endpoints = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            endpoints.put(c, new Rand.Rotation<>(c.endpoints(), rnd));
        }
        Attacks attacks = new Attacks(rnd);
        List<HostileRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Category category = categories.next();
            Endpoint endpoint = endpoints.get(category).next();
            requests.add(attacks.make(endpoint, category, t));
        }
        return List.copyOf(requests);
    }

    /** The endpoint a generated request is aimed at, read from its description. */
    public static Endpoint endpointOf(HostileRequest request) {
        Matcher m = matcher(request);
        for (Endpoint e : Endpoint.values()) {
            if (e.method.equals(m.group(1)) && e.template.equals(m.group(2))) {
                return e;
            }
        }
        throw new IllegalArgumentException("No endpoint in: " + request.description());
    }

    /** The category of a generated request, read from its description. */
    public static Category categoryOf(HostileRequest request) {
        return Category.ofLabel(matcher(request).group(3));
    }

    private static Matcher matcher(HostileRequest request) {
        Matcher m = DESCRIPTION.matcher(request.description());
        if (!m.find()) {
            throw new IllegalArgumentException("Not a generated description: " + request.description());
        }
        return m;
    }

    /** One instance of each category's attacker, sharing the seeded Random and keeping their rotations. */
    private static final class Attacks {
        private final Random rnd;
        private final BodyMutations body;
        private final Variants<Random> syntax;
        private final Variants<Random> contentTypes;
        private final PathAttacks paths;
        private final Variants<TokenAttacks.Token> tokens;
        private final VictimAttacks victims;

        Attacks(Random rnd) {
            this.rnd = rnd;
            this.body = new BodyMutations(rnd);
            this.syntax = SyntaxBreakers.variants(rnd);
            this.contentTypes = ContentTypes.variants(rnd);
            this.paths = new PathAttacks(rnd);
            this.tokens = TokenAttacks.variants(rnd);
            this.victims = new VictimAttacks(rnd);
        }

        HostileRequest make(Endpoint endpoint, Category category, Targets t) {
            Draft d = new Draft(endpoint, category, t, rnd);
            switch (category) {
                case BODY -> body.apply(d);
                case SYNTAX -> syntax.apply(d);
                case CONTENT_TYPE -> contentTypes.apply(d);
                case PATH_QUERY -> paths.apply(d);
                case TOKEN -> tokens.apply(d);
                case VICTIM -> victims.apply(d);
            }
            return d.build();
        }
    }
}
