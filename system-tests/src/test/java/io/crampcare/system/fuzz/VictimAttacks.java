package io.crampcare.system.fuzz;

import java.util.Locale;
import java.util.Random;

/**
 * Category (f): the user's valid token, naming the other user. Where the endpoint names a user (path, userId query,
 * report body), the other user goes there (expected: 403). Where it names only a record, the user's own record is
 * asked for while the other user is slipped in where the API does not look (a query parameter, identity headers a
 * proxy might set, an unknown body field): none of that may change whose data is answered.
 */
final class VictimAttacks {

    private final Random rnd;

    VictimAttacks(Random rnd) {
        this.rnd = rnd;
    }

    void apply(Draft d) {
        if (d.endpoint.namesUser()) {
            nameOtherUser(d);
        } else {
            spoofIdentity(d);
        }
    }

    /**
     * Mostly the other user as given; sometimes a spelling that is another user to an exact comparison but might be
     * the same one to a sloppy one (case, trailing space, NUL, Unicode look-alike, wildcard).
     */
    private String victim(Draft d) {
        String user = d.targets.user();
        String other = d.targets.otherUser();
        String victim = switch (rnd.nextInt(10)) {
            case 0 -> user.toUpperCase(Locale.ROOT).equals(user) ? user.toLowerCase(Locale.ROOT)
                    : user.toUpperCase(Locale.ROOT);
            case 1 -> user + " ";
            case 2 -> user + "\u0000";
            case 3 -> lookAlike(user);
            case 4 -> Rand.pickOf(rnd, "*", "%", "admin", "root", "");
            default -> other;
        };
        // A user id without letters has no case variant: then the victim is simply the other user.
        return victim.equals(user) ? other : victim;
    }

    /** The user id with its first Latin letter replaced by a Cyrillic look-alike where there is one. */
    static String lookAlike(String user) {
        String latin = "aceopxy";
        String cyrillic = "\u0430\u0441\u0435\u043E\u0440\u0445\u0443";
        for (int i = 0; i < user.length(); i++) {
            int at = latin.indexOf(user.charAt(i));
            if (at >= 0) {
                return user.substring(0, i) + cyrillic.charAt(at) + user.substring(i + 1);
            }
        }
        return user + "\u0430";
    }

    private void nameOtherUser(Draft d) {
        String victim = victim(d);
        String shown = PathAttacks.printable(victim);
        if (d.endpoint == Endpoint.REPORT_CREATE) {
            d.object().put("userId", victim);
            d.note("body userId " + shown);
        } else if (d.endpoint.query.userId) {
            if (rnd.nextInt(4) == 0) {
                d.replaceQuery("userId", victim).query("userId", d.targets.user());
                d.note("userId " + shown + " first, own userId second");
            } else {
                d.replaceQuery("userId", victim);
                d.note("userId " + shown);
            }
        } else {
            d.userSegment = Encode.segment(victim);
            d.note("path user " + shown + (d.endpoint == Endpoint.WORKOUT_DELETE ? " with the user's own workout id"
                    : ""));
        }
    }

    private void spoofIdentity(Draft d) {
        String other = d.targets.otherUser();
        switch (rnd.nextInt(d.endpoint.takesBody() ? 4 : 3)) {
            case 0 -> {
                d.query("userId", other);
                d.note("own record, userId query naming the other user");
            }
            case 1 -> {
                String header = Rand.pickOf(rnd, "X-User-Id", "X-Forwarded-User", "X-Remote-User", "X-Auth-Subject",
                        "X-Impersonate-User");
                d.headers.put(header, other);
                d.note("own record, " + header + " naming the other user");
            }
            case 2 -> {
                d.query("sub", other);
                d.query("impersonate", other);
                d.note("own record, sub and impersonate query parameters naming the other user");
            }
            default -> {
                d.object().put("userId", other);
                d.note("own record, body userId naming the other user (not a field here)");
            }
        }
    }
}
