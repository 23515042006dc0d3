package io.crampcare.support.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's erasure as the registry holds it: when it was asked and by whom, each service's part, and when everything
 * was erased (the receipt). It names nobody: the user id is not part of it.
 *
 * @param completedAt when the last service erased its part; null while any is pending
 */
public record Erasure(UUID id, Instant requestedAt, RequestedBy requestedBy, Instant completedAt, List<Step> steps) {

    public Erasure {
        steps = List.copyOf(steps);
    }

    /** Who asked: the person (their own token) or an operator (the admin role, with a reason in the audit). */
    public enum RequestedBy {
        SELF, ADMIN
    }

    /** One service's part: erased at {@code erasedAt}, or pending (null). */
    public record Step(String service, Instant erasedAt) {
    }

    /** A row of the registry's erasure joined with one of its steps. */
    record Row(UUID id, Instant requestedAt, RequestedBy requestedBy, Instant completedAt, String service,
            Instant erasedAt) {
    }

    static Optional<Erasure> of(List<Row> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row first = rows.get(0);
        return Optional.of(new Erasure(first.id(), first.requestedAt(), first.requestedBy(), first.completedAt(),
                rows.stream().map(r -> new Step(r.service(), r.erasedAt())).toList()));
    }
}
