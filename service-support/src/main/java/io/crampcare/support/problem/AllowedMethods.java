package io.crampcare.support.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The methods each path of this service answers, for the {@code Allow} header of a 405 (RESTEasy Reactive throws
 * its NotAllowedException without one). Read once from the JAX-RS resources (every one is a bean here): class
 * {@code @Path} plus method {@code @Path}; of the templates a path matches, those with the most literal characters
 * win, as in JAX-RS matching. HEAD goes with GET and OPTIONS with everything, as RESTEasy serves both itself.
 */
@Singleton
public class AllowedMethods {

    private record Route(Pattern pattern, int literals, String method) {
    }

    private final List<Route> routes = new ArrayList<>();

    AllowedMethods(BeanManager beans) {
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    Path sub = method.getAnnotation(Path.class);
                    add(root.value() + "/" + (sub == null ? "" : sub.value()), http);
                }
            }
        }
    }

    /** The Allow header's methods for a request path (as UriInfo gives it, decoded). */
    public Set<String> of(String path) {
        String normal = normalize(path);
        int best = -1;
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            if (!route.pattern().matcher(normal).matches() || route.literals() < best) {
                continue;
            }
            if (route.literals() > best) {
                best = route.literals();
                methods.clear();
            }
            methods.add(route.method());
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return methods;
    }

    private void add(String template, String method) {
        StringBuilder regex = new StringBuilder();
        int literals = 0;
        for (String part : normalize(template).split("(?=\\{)|(?<=\\})")) {
            if (part.startsWith("{")) {
                regex.append("[^/]+");
            } else {
                regex.append(Pattern.quote(part));
                literals += part.length();
            }
        }
        routes.add(new Route(Pattern.compile(regex.toString()), literals, method));
    }

    /** Without empty segments: "/api/v1/" + "/rules" and "api/v1/rules/" are the same path. */
    private static String normalize(String path) {
        return "/" + String.join("/", List.of(path.split("/")).stream().filter(s -> !s.isEmpty()).toList());
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }
}
