package io.crampcare.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FaultyLink in front of an echo server: passes bytes both ways, cuts and refuses, restores, delays. */
class FaultyLinkTest {

    private ServerSocket echo;
    private FaultyLink link;

    @BeforeEach
    void start() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            while (true) {
                try {
                    Socket socket = echo.accept();
                    Thread pump = new Thread(() -> {
                        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException e) {
                            // client gone
                        }
                    });
                    pump.setDaemon(true);
                    pump.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
        link = new FaultyLink("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        link.close();
        echo.close();
    }

    @Test
    void passesBytesBothWays() throws IOException {
        try (Socket socket = connect()) {
            assertEquals("hello", roundTrip(socket, "hello"));
            assertEquals("again", roundTrip(socket, "again"));
        }
        assertEquals(1, link.accepted());
    }

    @Test
    void cutClosesOpenConnectionsAndRefusesNewOnesUntilRestored() throws IOException {
        try (Socket open = connect()) {
            assertEquals("before", roundTrip(open, "before"));
            link.cut();
            assertEquals(-1, open.getInputStream().read(), "the open connection is closed");
        }
        try (Socket refused = connect()) {
            int read;
            try {
                refused.getOutputStream().write("x".getBytes(StandardCharsets.UTF_8));
                read = refused.getInputStream().read();
            } catch (IOException e) {
                read = -1; // reset: closed at once as well
            }
            assertEquals(-1, read, "a connection made while cut is closed at once");
        }
        assertEquals(1, link.refused());
        link.restore();
        try (Socket after = connect()) {
            assertEquals("after", roundTrip(after, "after"));
        }
    }

    @Test
    void delayHoldsEachDirection() throws IOException {
        try (Socket socket = connect()) {
            link.delay(Duration.ofMillis(100));
            long t0 = System.nanoTime();
            assertEquals("slow", roundTrip(socket, "slow"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 200, "two directions of 100 ms each took only " + ms + " ms");
            link.delay(Duration.ZERO);
            assertEquals("fast", roundTrip(socket, "fast"));
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), link.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        byte[] sent = text.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(sent);
        byte[] back = socket.getInputStream().readNBytes(sent.length);
        assertArrayEquals(sent, back);
        return new String(back, StandardCharsets.UTF_8);
    }
}
