package io.crampcare.testsupport;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the machine running the tests offers and which of it they use: explicit settings, a Docker engine, local services. */
final class LocalServices {

    private static final Path DOCKER_SOCKET = Path.of("/var/run/docker.sock");

    private LocalServices() {
    }

    /** A non-blank environment variable. */
    static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }

    /** Where the tests' PostgreSQL and Kafka come from. */
    enum Infra {
        /** PostgreSQL on loopback (or PGHOST), the in-JVM Kafka broker. */
        LOCAL,
        /** Quarkus Dev Services: Testcontainers on a Docker engine. */
        CONTAINERS
    }

    private static volatile Infra infra;

    /**
     * The one setting that decides it: {@code CRAMPCARE_TEST_INFRA} (or {@code -Dcrampcare.test.infra}) = {@code local},
     * {@code containers} or {@code auto} (the default: local when PostgreSQL answers, else containers when a Docker
     * engine answers). So a Docker engine that happens to run never changes what {@code ./mvnw verify} uses.
     */
    static Infra infra() {
        Infra chosen = infra;
        if (chosen == null) {
            String setting = Optional.ofNullable(System.getProperty("crampcare.test.infra"))
                    .or(() -> env("CRAMPCARE_TEST_INFRA")).orElse("auto").trim().toLowerCase(java.util.Locale.ROOT);
            chosen = switch (setting) {
                case "local" -> Infra.LOCAL;
                case "containers" -> {
                    if (!dockerAvailable()) {
                        throw new IllegalStateException("CRAMPCARE_TEST_INFRA=containers, but no Docker engine answers "
                                + "(DOCKER_HOST or " + DOCKER_SOCKET + ")");
                    }
                    yield Infra.CONTAINERS;
                }
                case "auto" -> !TestDatabase.serverReachable() && dockerAvailable() ? Infra.CONTAINERS : Infra.LOCAL;
                default -> throw new IllegalStateException(
                        "CRAMPCARE_TEST_INFRA must be local, containers or auto, not '" + setting + "'");
            };
            System.err.println("CrampCare tests: infrastructure " + chosen.name().toLowerCase(java.util.Locale.ROOT)
                    + " (CRAMPCARE_TEST_INFRA=" + setting + ")");
            infra = chosen;
        }
        return chosen;
    }

    /** Whether Quarkus Dev Services provide PostgreSQL and Kafka. */
    static boolean containers() {
        return infra() == Infra.CONTAINERS;
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
