package io.crampcare.support.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.QueryParam;

/** What a JAX-RS resource method takes, read once per method from its parameters' annotations. */
final class ResourceMethods {

    /** @param takesBody whether one parameter is the request body (it has no JAX-RS annotation and is no context) */
    record Signature(boolean takesBody, List<String> queryParameters) {
    }

    private static final Map<Method, Signature> SIGNATURES = new ConcurrentHashMap<>();

    private ResourceMethods() {
    }

    static Signature of(Method method) {
        return SIGNATURES.computeIfAbsent(method, ResourceMethods::read);
    }

    private static Signature read(Method method) {
        boolean body = false;
        List<String> query = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam queryParam = parameter.getAnnotation(QueryParam.class);
            if (queryParam != null) {
                query.add(queryParam.value());
            }
            boolean injected = false;
            for (Annotation annotation : parameter.getAnnotations()) {
                injected |= jaxRs(annotation.annotationType());
            }
            body |= !injected && !jaxRs(parameter.getType());
        }
        return new Signature(body, List.copyOf(query));
    }

    /** JAX-RS's and RESTEasy's own: parameter annotations, and the context types injected without one. */
    private static boolean jaxRs(Class<?> type) {
        String name = type.getName();
        return name.startsWith("jakarta.ws.rs.") || name.startsWith("org.jboss.resteasy.reactive.")
                || name.startsWith("io.vertx.");
    }
}
