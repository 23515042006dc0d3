package io.crampcare.support.inbox;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Who may still apply consumed records while the service stops. Quarkus closes Hibernate and the datasource before
 * the Kafka connector stops delivering, so a record processed then would fail. From the shutdown event on, batches in
 * progress finish (the event waits for them, up to 10 s), and batches that arrive later are neither applied nor
 * acknowledged: their worker waits until the connector has closed (offsets of what was processed committed), and
 * they are redelivered after the restart. Retry pauses end at the shutdown event.
 */
@ApplicationScoped
public class ShutdownGate {

    // Each batch holds the read side; the shutdown takes the write side to wait for the batches in progress.
    private final ReadWriteLock inFlight = new ReentrantReadWriteLock();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch connectorClosed = new CountDownLatch(1);

    /** Enters for one batch; false (nothing entered) once the service stops. */
    boolean enter() {
        inFlight.readLock().lock();
        if (stopping.getCount() == 0) {
            inFlight.readLock().unlock();
            return false;
        }
        return true;
    }

    /** Leaves after {@link #enter} returned true. */
    void leave() {
        inFlight.readLock().unlock();
    }

    /** Waits {@code millis}; true when the service began to stop before they passed (or the thread was interrupted). */
    boolean stopsWithin(long millis) {
        try {
            return stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Holds a batch that arrived during the shutdown until the connector has closed, so nothing polls on. */
    void awaitConnectorClosed() {
        try {
            connectorClosed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping.countDown();
        try {
            if (inFlight.writeLock().tryLock(10, TimeUnit.SECONDS)) { // the batches in progress have committed
                inFlight.writeLock().unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** After KafkaConnector#terminate (priority 50): the consumers are closed, the dead-letter producers too. */
    void connectorClosed(@Observes @Priority(100) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        connectorClosed.countDown();
    }
}
