package io.crampcare.system.fuzz;

import java.util.ArrayList;
import java.util.List;

/** What kind of hostility a request carries; the label appears in brackets in every description. */
public enum Category {

    /** (a) A valid-shaped body with one or more mutations: types, ranges, enums, sizes, nesting, text. */
    BODY("body"),
    /** (b) A body that is not JSON, or not quite. */
    SYNTAX("syntax"),
    /** (c) Missing, wrong or odd Content-Type (and Accept, Content-Encoding). */
    CONTENT_TYPE("content-type"),
    /** (d) Odd ids, paths and query parameters. */
    PATH_QUERY("path-query"),
    /** (e) Missing, malformed or forged bearer tokens. */
    TOKEN("token"),
    /** (f) A valid token for the user, naming the other user (or spoofing who the caller is). */
    VICTIM("victim");

    final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Whether the category means anything for the endpoint: body categories only where a body is read; "victim" where
     * a user or a record is named (the rules name neither). Neither on the admin endpoints, which answer 403 to every
     * user token before they read a body or look at whose data is named: path, query and token attacks are enough there.
     */
    public boolean appliesTo(Endpoint endpoint) {
        return switch (this) {
            case BODY, SYNTAX, CONTENT_TYPE -> endpoint.takesBody() && !endpoint.admin();
            case PATH_QUERY, TOKEN -> true;
            case VICTIM -> !endpoint.admin() && (endpoint.namesUser() || endpoint.hasId());
        };
    }

    /** The endpoints this category applies to, in declaration order. */
    public List<Endpoint> endpoints() {
        List<Endpoint> result = new ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            if (appliesTo(e)) {
                result.add(e);
            }
        }
        return result;
    }

    static Category ofLabel(String label) {
        for (Category c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("No category labelled " + label);
    }
}
