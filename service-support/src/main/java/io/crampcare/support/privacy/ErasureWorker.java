package io.crampcare.support.privacy;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * This service's part of each erasure: every replica polls the registry for the service's pending steps, and the one
 * that claims a step deletes the person's rows here ({@link PersonalRows}) and marks the step erased in one
 * transaction. The last service to finish completes the erasure. A service that was down erases when it is back.
 * Counts {@code crampcare.erasures.erased{service}}; logs name the erasure, never the person.
 */
@ApplicationScoped
public class ErasureWorker {

    private static final Logger LOG = Logger.getLogger(ErasureWorker.class);
    /** Erasures one run takes at most; the next run takes the rest. */
    private static final int PER_RUN = 50;

    private final ErasureStore store;
    private final Instance<PersonalRows> rows;
    private final MeterRegistry registry;
    private final String service;

    ErasureWorker(ErasureStore store, Instance<PersonalRows> rows, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.store = store;
        this.rows = rows;
        this.registry = registry;
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

    /** Erases this service's part of the oldest pending erasure; false when none is pending. */
    @Transactional
    public boolean eraseNext() {
        Optional<ErasureStore.Claimed> claimed = store.claim(service);
        if (claimed.isEmpty()) {
            return false;
        }
        ErasureStore.Claimed step = claimed.get();
        int erased = 0;
        for (PersonalRows personal : rows) {
            erased += personal.erase(step.userId());
        }
        boolean completed = store.markErased(step.erasureId(), service, erased);
        registry.counter("crampcare.erasures.erased", "service", service).increment();
        LOG.infof("Erasure %s: %d rows erased in %s%s", step.erasureId(), erased, service,
                completed ? "; every service has erased its part" : "");
        return true;
    }
}
