package io.crampcare.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy the test controls, between the services and a server (PostgreSQL): it accepts on a local port, connects
 * upstream and pumps bytes both ways. {@link #cut()} closes every open connection and refuses new ones (accepted, then
 * closed at once) until {@link #restore()}; {@link #delay(Duration)} holds every chunk that long per direction before
 * passing it on (added latency, not less bandwidth: reading goes on meanwhile, and order is kept).
 */
final class FaultyLink implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 3_000;
    private final String upstreamHost;
    private final int upstreamPort;
    private final ServerSocket server;
    private final Set<Link> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean cut;
    private volatile long delayNanos;
    private volatile boolean closed;

    FaultyLink(String upstreamHost, int upstreamPort) {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        try {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "faulty-link-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Closes every open connection; new ones are closed as soon as they are accepted, until {@link #restore()}. */
    void cut() {
        cut = true;
        open.forEach(Link::close);
    }

    void restore() {
        cut = false;
    }

    /** Latency added per direction from now on (zero: none). */
    void delay(Duration perDirection) {
        delayNanos = perDirection.toNanos();
    }

    /** Connections accepted and passed on so far. */
    int accepted() {
        return accepted.get();
    }

    /** Connections refused (closed at once) while cut. */
    int refused() {
        return refused.get();
    }

    int openConnections() {
        return open.size();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (cut) {
                refused.incrementAndGet();
                closeQuietly(client);
                continue;
            }
            Socket upstream = new Socket();
            try {
                client.setTcpNoDelay(true); // the protocol is request/response: Nagle would add its own delay
                upstream.setTcpNoDelay(true);
                upstream.connect(new InetSocketAddress(upstreamHost, upstreamPort), CONNECT_TIMEOUT_MS);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            accepted.incrementAndGet();
            Link link = new Link(client, upstream);
            open.add(link);
            link.start();
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        open.forEach(Link::close);
    }

    /** One proxied connection: two directions, each a reader and a writer joined by a queue of timed chunks. */
    private final class Link {
        private final Socket client;
        private final Socket upstream;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() {
            String name = "faulty-link-" + client.getPort();
            try {
                direction(client.getInputStream(), upstream.getOutputStream(), name + "-up");
                direction(upstream.getInputStream(), client.getOutputStream(), name + "-down");
            } catch (IOException e) {
                close();
            }
        }

        private void direction(InputStream in, OutputStream out, String name) {
            BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
            daemon(name + "-read", () -> {
                byte[] buffer = new byte[16 * 1024];
                try {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        queue.put(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, n)));
                    }
                } catch (IOException | InterruptedException e) {
                    // closed: by the peer, by cut() or close()
                }
                queue.add(Chunk.END);
            });
            daemon(name + "-write", () -> {
                try {
                    for (Chunk chunk = queue.take(); chunk != Chunk.END; chunk = queue.take()) {
                        long wait = chunk.due() - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        out.write(chunk.bytes());
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // the other side is gone
                }
                close(); // either side ending ends the connection, as the protocol expects
            });
        }

        void close() {
            open.remove(this);
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private record Chunk(long due, byte[] bytes) {
        static final Chunk END = new Chunk(0, new byte[0]);
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
