package io.crampcare.support.audit;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.crampcare.support.ids.TimeOrderedIds;
import io.crampcare.support.security.AccessRecorder;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Records each access to a user's data by someone other than that user: who (the token's subject and role), whose
 * data, which operation, why ({@link AccessReason}, required), in which service. Each entry is written in its own
 * transaction, so that a business transaction rolled back later (or a 404 after the check) does not erase the record
 * that the access was attempted; a request records each subject once however often its ownership is checked.
 */
@RequestScoped
public class AccessAudit implements AccessRecorder {

    private final AuditStore store;
    private final HttpHeaders headers;
    private final ResourceInfo resource;
    private final String service;
    private final Set<String> recorded = new HashSet<>();

    AccessAudit(AuditStore store, HttpHeaders headers, ResourceInfo resource,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.store = store;
        this.headers = headers;
        this.resource = resource;
        this.service = service;
    }

    /**
     * Records that {@code actor} acts on {@code subjectUserId}'s data in this request's operation (its HTTP method and
     * path template); null for a record id that named nobody. 400 when the request gives no valid reason.
     */
    @Override
    public void actingFor(String actor, String actorRole, String subjectUserId) {
        record(actor, actorRole, operation(), List.of(subjectUserId == null ? "" : subjectUserId));
    }

    /** Records that {@code actor} used the tool {@code tool} on the data of each of {@code subjects}. */
    public void usedTool(String actor, String actorRole, String tool, Collection<String> subjects) {
        record(actor, actorRole, tool, subjects);
    }

    /** 400 unless the request says why it acts on other users' data; for a tool, before it shows or does anything. */
    public void requireReason() {
        AccessReason.of(headers.getHeaderString(AccessReason.HEADER));
    }

    /** The empty subject stands for nobody (a record that does not exist). */
    private void record(String actor, String actorRole, String operation, Collection<String> subjects) {
        String reason = AccessReason.of(headers.getHeaderString(AccessReason.HEADER));
        Set<String> fresh = new LinkedHashSet<>();
        for (String subject : subjects) {
            String key = subject == null ? "" : subject;
            if (recorded.add(operation + "\n" + key)) {
                fresh.add(key);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> fresh.forEach(subject -> store.insert(TimeOrderedIds.next(),
                actor, actorRole, subject.isEmpty() ? null : subject, operation, reason, service)));
    }

    /** "GET /api/v1/users/{userId}/drinks": the resource method's HTTP method and path template. */
    private String operation() {
        Method method = resource.getResourceMethod();
        String verb = "?";
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                verb = http.value();
            }
        }
        return verb + " " + join(pathOf(resource.getResourceClass().getAnnotation(Path.class)),
                pathOf(method.getAnnotation(Path.class)));
    }

    private static String pathOf(Path path) {
        return path == null ? "" : path.value();
    }

    private static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
