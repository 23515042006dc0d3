package io.crampcare.support.tracing;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Spans are exported only when {@code CRAMPCARE_OTLP_ENDPOINT} is set. Quarkus falls back to localhost:4317 when no
 * OTLP endpoint is configured and has no runtime switch for "do not export" short of disabling the SDK, which would
 * also stop spans and propagation. Quarkus builds its OTLP exporter only when no SpanExporter bean is found, so this
 * bean, found only while the endpoint is unset, swallows the spans instead: traces are still created and carried
 * (logs show traceId/spanId), nothing connects anywhere.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "crampcare.otlp.endpoint", stringValue = "", lookupIfMissing = true)
public class DiscardingSpanExporter implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
