package io.crampcare.support.audit;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.crampcare.support.paging.PageCursor;
import io.crampcare.support.paging.PageRequest;

/** Reads the audit of access: pages for auditors, and everything about one user (for that user's export). */
@ApplicationScoped
public class AuditEntries {

    private final AuditStore store;

    AuditEntries(AuditStore store) {
        this.store = store;
    }

    /** One page of entries, newest first: about {@code userId} (any user when null), at in [from, to). */
    public PageRequest.Slice<AuditEntry> page(String userId, Instant from, Instant to, PageRequest page) {
        return page.slice(store.page(userId, from, to, page), entry -> new PageCursor(entry.at(), entry.id()));
    }

    /** Every entry about {@code userId}, oldest first. */
    public List<AuditEntry> entriesAbout(String userId) {
        return store.about(userId);
    }
}
