package io.crampcare.support.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.crampcare.support.metrics.Rejections;
import io.crampcare.support.problem.ProblemMappers;
import io.crampcare.support.problem.ProblemTypes;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Defence in depth behind the API gateway: the operator endpoints ({@code /api/v1/admin/*}) answer a 404 problem to
 * any request that came through the gateway, whatever token it carries. The gateway marks every request it relays
 * with {@link #HEADER} (overwriting what a client sent), so only ops on a service's own port reach them.
 * <p>
 * The path is judged as the resource matcher may read it, not as the gateway matched it: the raw path with the
 * {@code ;matrix} parameters of each segment dropped (what RESTEasy routes on: {@code /api/v1/admin/outbox;x%2F..}
 * is the outbox), and the same path decoded first; either reading that names an admin path is refused. Runs before
 * authentication, so the answer says nothing about the token.
 */
@ApplicationScoped
public class GatewayAdminFilter {

    /** Set by the gateway (deploy/gateway) on every request it relays. */
    public static final String HEADER = "X-CrampCare-Gateway";
    /** Why an operator endpoint may answer 404, for its OpenAPI document. */
    public static final String THROUGH_THE_GATEWAY = "the request came through the API gateway (operator endpoints "
            + "answer only on the service's own port)";

    private static final String ADMIN = "/api/v1/admin";
    private static final Pattern MATRIX = Pattern.compile(";[^/]*");
    private static final String BODY = "{\"type\":\"" + ProblemTypes.NOT_FOUND + "\",\"title\":\"Not Found\","
            + "\"status\":404,\"detail\":\"No CrampCare API at this path.\"}";

    @Inject
    Rejections rejections;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (ctx.request().headers().contains(HEADER) && namesAdmin(ctx.request().path())) {
                rejections.count(ProblemTypes.NOT_FOUND, 404);
                ctx.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON)
                        .end(BODY);
            } else {
                ctx.next();
            }
        });
    }

    /** Whether a raw request path (as sent, before decoding) reaches an operator endpoint by either reading. */
    static boolean namesAdmin(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        return isAdmin(normalize(decode(withoutMatrix(rawPath)))) || isAdmin(normalize(withoutMatrix(decode(rawPath))));
    }

    private static boolean isAdmin(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.equals(ADMIN) || lower.startsWith(ADMIN + "/");
    }

    /** Drops {@code ;...} from every segment. */
    private static String withoutMatrix(String path) {
        return MATRIX.matcher(path).replaceAll("");
    }

    /** Percent-decoding of a path: no '+' as space; a malformed escape stays as it is. */
    private static String decode(String path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            int hi = c == '%' && i + 2 < path.length() ? Character.digit(path.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(path.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Empty and {@code .} segments dropped, {@code ..} taking the previous one away, backslashes as slashes. */
    private static String normalize(String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.replace('\\', '/').split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return "/" + String.join("/", segments);
    }
}
