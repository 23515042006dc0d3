package io.crampcare.support.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A W3C trace context ({@code traceparent}, {@code tracestate}) as text, so that a trace survives where no thread
 * carries it: in outbox rows until the relay publishes them, in planned nudges until the dispatcher fires them, and
 * in Kafka headers between services. Plain W3C, whatever propagators are configured, because these strings are
 * stored and read back by us.
 *
 * @param traceparent the {@code traceparent} value, e.g. {@code 00-<trace id>-<span id>-01}
 * @param tracestate  the {@code tracestate} value, or null when empty
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<TraceContext> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(TraceContext carrier, String key) {
            return carrier == null ? null : TRACEPARENT.equals(key) ? carrier.traceparent : carrier.tracestate;
        }
    };

    /** The context of the span current on this thread, or null when there is none. */
    public static TraceContext current() {
        return of(Context.current());
    }

    /** The context's span as text, or null when it has no valid span. */
    public static TraceContext of(Context context) {
        Map<String, String> fields = new HashMap<>(2);
        W3C.inject(context, fields, Map::put);
        String traceparent = fields.get(TRACEPARENT);
        return traceparent == null ? null : new TraceContext(traceparent, emptyToNull(fields.get(TRACESTATE)));
    }

    /** Reads {@code traceparent}/{@code tracestate} from Kafka headers; null when the record has none. */
    public static TraceContext from(Headers headers) {
        String traceparent = header(headers, TRACEPARENT);
        return traceparent == null ? null : new TraceContext(traceparent, emptyToNull(header(headers, TRACESTATE)));
    }

    /**
     * A context whose (remote) parent is this one, for a span that continues the stored trace. An unparsable value
     * gives the root context: a new trace rather than a failure.
     */
    public Context asParent() {
        return W3C.extract(Context.root(), this, GETTER);
    }

    /** The 32 hex digits of the trace id, or null when {@code traceparent} is not in the W3C form. */
    public String traceId() {
        String[] parts = traceparent.split("-");
        return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
    }

    /** Sets the headers a consumer continues the trace from (replacing any it had). */
    public void writeTo(Headers headers) {
        headers.remove(TRACEPARENT).add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        headers.remove(TRACESTATE);
        if (tracestate != null) {
            headers.add(TRACESTATE, tracestate.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
