package io.crampcare.support.privacy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.crampcare.contracts.EventDescriptor;
import io.crampcare.contracts.privacy.SubjectErasedV1;
import io.crampcare.support.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * This service's part of each erasure: every replica polls the registry for the service's pending steps, and the one
 * that claims a step deletes the person's rows here ({@link PersonalRows}) in one transaction with the step's record.
 * Twice: a request or an event that passed its "not erased" check just before the erasure was asked may commit rows
 * after the first pass, so a second pass comes once such transactions have ended
 * ({@link PrivacyConfig#secondPassAfter()}), and only it marks the step erased. The last service to finish completes
 * the erasure, shreds the person's key ({@link SubjectKeys}) and publishes {@code io.crampcare.subject.erased.v1} on
 * {@code erasures} for consumers outside the services, in that one transaction. A service that was down erases when it
 * is back. Counts {@code crampcare.erasures.erased{service}}; logs name the erasure, never the person.
 */
@ApplicationScoped
public class ErasureWorker {

    private static final Logger LOG = Logger.getLogger(ErasureWorker.class);
    /** Erasures one run takes at most; the next run takes the rest. */
    private static final int PER_RUN = 50;

    private final ErasureStore store;
    private final Instance<PersonalRows> rows;
    private final MeterRegistry registry;
    private final PrivacyConfig config;
    private final String service;
    private final SubjectKeys subjectKeys;
    private final Outbox outbox;

    ErasureWorker(ErasureStore store, Instance<PersonalRows> rows, MeterRegistry registry, PrivacyConfig config,
            @ConfigProperty(name = "quarkus.application.name") String service, SubjectKeys subjectKeys,
            Outbox outbox) {
        this.subjectKeys = subjectKeys;
        this.outbox = outbox;
        this.store = store;
        this.rows = rows;
        this.registry = registry;
        this.config = config;
        this.service = service;
    }

    @Scheduled(every = "${crampcare.privacy.erase-every}", delayed = "${crampcare.privacy.erase-first-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            for (int i = 0; i < PER_RUN && eraseNext(); i++) {
                // one erasure per transaction
            }
        } catch (RuntimeException e) {
            // The step stays pending (the transaction rolled back): the next run tries again.
            LOG.warnf("Erasing in %s failed; retrying at the next run: %s", service, e);
        }
    }

    /** Runs the next due pass of this service's part of the oldest pending erasure; false when none is due. */
    @Transactional
    public boolean eraseNext() {
        Optional<ErasureStore.Claimed> claimed = store.claim(service, config.secondPassAfter());
        if (claimed.isEmpty()) {
            return false;
        }
        ErasureStore.Claimed step = claimed.get();
        int erased = 0;
        for (PersonalRows personal : rows) {
            erased += personal.erase(step.userId());
        }
        if (!step.secondPass()) {
            store.markFirstPass(step.erasureId(), service, erased);
            LOG.infof("Erasure %s: %d rows erased in %s; a second pass follows in %s", step.erasureId(), erased,
                    service, config.secondPassAfter());
            return true;
        }
        boolean completed = store.markErased(step.erasureId(), service, erased);
        if (completed) {
            // The last step: every service's rows are gone, so the person's key goes, and with it every copy of
            // their events on the topics (sealed with it). Outside consumers learn it from the erasure event, which
            // commits with the shredding (a person who never had an event has no key and gets none).
            Instant erasedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            subjectKeys.shred(step.userId()).ifPresent(subjectRef -> outbox.write(EventDescriptor.SUBJECT_ERASED,
                    new SubjectErasedV1(subjectRef, erasedAt), erasedAt));
        }
        registry.counter("crampcare.erasures.erased", "service", service).increment();
        LOG.infof("Erasure %s: erased in %s (%d rows in the second pass)%s", step.erasureId(), service, erased,
                completed ? "; every service has erased its part" : "");
        return true;
    }
}
