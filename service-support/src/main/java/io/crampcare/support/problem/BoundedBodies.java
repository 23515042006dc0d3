package io.crampcare.support.problem;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpVersion;

/**
 * The body limit on the bytes actually read, for bodies that declare no length (chunked): BodyLimit can only refuse a
 * declared Content-Length. Whatever reads a body reads it through this count; the 64 KiB + 1st byte is a 413 problem,
 * and so is a body whose reader stopped early (Jackson stops after the JSON value) but which goes on past the limit.
 */
@Provider
public class BoundedBodies implements ReaderInterceptor {

    @Inject
    BodyLimit limit;

    @Inject
    CurrentVertxRequest request;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Counted counted = new Counted(context.getInputStream(), limit.bytes());
        context.setInputStream(counted);
        Object body = context.proceed();
        counted.skipToEnd();
        return body;
    }

    private final class Counted extends FilterInputStream {

        private final long limit;
        private long read;
        private boolean drained;

        Counted(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        /** Reads what the reader left (to its end, or past the limit), once; the reader may have closed it. */
        void skipToEnd() throws IOException {
            if (drained) {
                return;
            }
            drained = true;
            byte[] rest = new byte[8192];
            while (read(rest, 0, rest.length) >= 0) {
                // counted; over the limit throws
            }
        }

        @Override
        public void close() throws IOException {
            skipToEnd();
            super.close();
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                // HTTP/1.1 closes rather than read the rest of the body (HTTP/2 resets the stream by itself).
                boolean http1 = request.getCurrent().request().version() != HttpVersion.HTTP_2;
                throw new ProblemException(BodyLimit.tooLarge(limit),
                        http1 ? Map.of("Connection", "close") : Map.of());
            }
        }
    }
}
