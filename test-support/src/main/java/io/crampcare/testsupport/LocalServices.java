package io.crampcare.testsupport;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the machine running the tests offers: explicit settings, a Docker engine, local services. */
final class LocalServices {

    private static final Path DOCKER_SOCKET = Path.of("/var/run/docker.sock");

    private LocalServices() {
    }

    /** A non-blank environment variable. */
    static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }

    /** Whether a Docker engine answers, so Quarkus Dev Services (Testcontainers) can start containers. */
    static boolean dockerAvailable() {
        if (env("DOCKER_HOST").isPresent()) {
            return true;
        }
        if (!Files.exists(DOCKER_SOCKET)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(DOCKER_SOCKET));
        } catch (IOException e) {
            return false;
        }
    }
}
