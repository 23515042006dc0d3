package io.crampcare.support.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;

/**
 * What a JAX-RS resource method takes, read once per method from its parameters' annotations (and the fields of its
 * {@code @BeanParam}s).
 */
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
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                query.addAll(queryParameters(parameter.getType()));
            }
            boolean injected = false;
            for (Annotation annotation : parameter.getAnnotations()) {
                injected |= jaxRs(annotation.annotationType());
            }
            body |= !injected && !jaxRs(parameter.getType());
        }
        return new Signature(body, List.copyOf(query));
    }

    /** The query parameters a {@code @BeanParam} class reads into its fields. */
    private static List<String> queryParameters(Class<?> bean) {
        List<String> names = new ArrayList<>();
        for (Class<?> type = bean; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                QueryParam queryParam = field.getAnnotation(QueryParam.class);
                if (queryParam != null) {
                    names.add(queryParam.value());
                }
            }
        }
        return names;
    }

    /** JAX-RS's and RESTEasy's own: parameter annotations, and the context types injected without one. */
    private static boolean jaxRs(Class<?> type) {
        String name = type.getName();
        return name.startsWith("jakarta.ws.rs.") || name.startsWith("org.jboss.resteasy.reactive.")
                || name.startsWith("io.vertx.");
    }
}
