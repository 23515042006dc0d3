package io.crampcare.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.GroupState;

import io.crampcare.kafka.ConsumerGroups;
import io.crampcare.testsupport.JwtTestResource;
import io.crampcare.testsupport.TestDatabase;

/**
 * CrampCare as real processes: the local Kafka broker (deploy/kafka/kafka.sh, so it can be killed and restarted),
 * a fresh database with init.sql, and the three packaged services with the environment compose gives them.
 * {@link #close()} stops everything it started, also after a failure.
 */
final class SystemUnderTest implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final String ISSUER = "https://auth.crampcare.local";
    private static final String AUDIENCE = "crampcare-api";

    final Path root = repositoryRoot();
    final Path state;
    final int kafkaPort = freePort();
    private final int controllerPort = freePort();
    final TestDatabase database;
    private final Path publicKey;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** Where intake's export finds the advice and reminder services of this run (set by {@link #start()}). */
    private Map<String, String> exportParts = Map.of();
    /** Between the services and PostgreSQL when {@link #linkDatabase()} was called; else they connect directly. */
    private FaultyLink databaseLink;

    SystemUnderTest() {
        try {
            state = root.resolve("system-tests/target/system");
            if (Files.exists(state)) {
                try (var paths = Files.walk(state)) { // a fresh broker and fresh logs every run
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String svc : new String[] { "intake", "advice", "reminder" }) {
            Path jar = jar(svc);
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: run the whole build (./mvnw verify), which packages the services first");
            }
        }
        Path[] keys = JwtTestResource.writeKeyPair();
        publicKey = keys[0];
        // TestTokens reads these, as it does inside a Quarkus test.
        System.setProperty("mp.jwt.verify.issuer", ISSUER);
        System.setProperty("mp.jwt.verify.audiences", AUDIENCE);
        System.setProperty(JwtTestResource.PRIVATE_KEY_LOCATION, keys[1].toString());
        database = TestDatabase.create("system");
    }

    void start() {
        startBroker();
        int intake = freePort();
        int advice = freePort();
        int reminder = freePort();
        // Intake's export asks the other two for their parts, where this run starts them.
        exportParts = Map.of("CRAMPCARE_EXPORT_ADVICE_URL", "http://127.0.0.1:" + advice,
                "CRAMPCARE_EXPORT_REMINDER_URL", "http://127.0.0.1:" + reminder);
        add("intake", intake);
        add("advice", advice);
        add("reminder", reminder);
        services.values().forEach(ServiceProcess::start);
        services.values().forEach(s -> s.awaitReady(READY_TIMEOUT));
    }

    /** Adds (does not start) a service process, e.g. a second replica. */
    ServiceProcess add(String service, int port) {
        return add(service, port, Map.of());
    }

    /** Adds (does not start) a service process with {@code extra} in its environment, e.g. a shifted clock. */
    ServiceProcess add(String service, int port, Map<String, String> extra) {
        String name = services.containsKey(service) ? service + "-" + port : service;
        Map<String, String> env = new HashMap<>(extra);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", databaseLink == null ? database.jdbcUrl()
                : "jdbc:postgresql://127.0.0.1:" + databaseLink.port() + "/" + database.name());
        env.put("QUARKUS_DATASOURCE_USERNAME", service + "_svc");
        env.put("QUARKUS_DATASOURCE_PASSWORD", service + "_svc");
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toUri().toString());
        // Packaged services no longer migrate at start (./stack and compose run a one-shot init first); here each
        // process migrates its own schema as it starts (Flyway's lock serialises replicas), which keeps one start.
        env.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "true");
        // Reached on 127.0.0.1 only (baseUrl), as ./stack binds them: nothing of a test run listens beyond the machine.
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        // Every exchange is checked against the service's own /q/openapi (ApiContract): serve it, as ./stack does.
        env.put("CRAMPCARE_API_DOCS_ENABLED", "true");
        // Erasures within seconds: each service looks every second, and its second pass follows 3 s after the first.
        env.put("CRAMPCARE_PRIVACY_ERASE_EVERY", "1s");
        env.put("CRAMPCARE_PRIVACY_SECOND_PASS_AFTER", "3s");
        if (service.equals("intake")) {
            env.putAll(exportParts);
        }
        // Faults here are short: retry Kafka sooner than production would.
        env.put("CRAMPCARE_OUTBOX_SEND_TIMEOUT", "3s");
        env.put("CRAMPCARE_OUTBOX_MAX_BACKOFF", "1s");
        // "A workout registered a minute ahead fires its warm-up": a one-minute lead instead of 15.
        env.put("CRAMPCARE_REMINDER_WARM_UP_LEAD", "1m");
        ServiceProcess process = new ServiceProcess(name, port, jar(service), env, state.resolve(name + ".log"));
        services.put(name, process);
        return process;
    }

    /**
     * Puts a {@link FaultyLink} between PostgreSQL and every service added from now on (call before {@link #start()}),
     * so that a test can cut or slow their database connections without touching the server. Closed with the system.
     */
    FaultyLink linkDatabase() {
        String[] server = TestDatabase.serverAddress().split(":");
        databaseLink = new FaultyLink(server[0], Integer.parseInt(server[1]));
        return databaseLink;
    }

    /** Stops (SIGTERM) an added process and forgets it: readiness and settling no longer look at it. */
    void remove(ServiceProcess process) {
        process.stop();
        services.remove(process.name);
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    String url(String service) {
        return services.get(service).baseUrl();
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /**
     * Waits until consumer group {@code group} is stable with exactly {@code members} consumers. After a kill -9 the
     * dead consumers stay members until their session times out (45 s by default), and a rebalance begun meanwhile
     * (a replica joining) waits for them: until then the group's partitions are not consumed.
     */
    void awaitConsumerGroup(String group, int members, Duration timeout) {
        try {
            List<String> waiting = ConsumerGroups.await(bootstrapServers(), List.of(group),
                    d -> d != null && d.groupState() == GroupState.STABLE && d.members().size() == members, timeout);
            if (!waiting.isEmpty()) {
                throw new IllegalStateException("Consumer group " + group + " not stable with " + members
                        + " members after " + timeout);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Describing consumer group " + group + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void startBroker() {
        kafka("start");
    }

    /** kill -9 of the broker process, by the PID file kafka.sh keeps. */
    void killBroker() {
        try {
            long pid = Long.parseLong(Files.readString(state.resolve("kafka/kafka.pid")).trim());
            ProcessHandle.of(pid).ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().join();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void kafka(String command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(root.resolve("deploy/kafka/kafka.sh").toString(), command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                            state.resolve("kafka-script.log").toFile()));
            builder.environment().put("KAFKA_PORT", Integer.toString(kafkaPort));
            builder.environment().put("KAFKA_CONTROLLER_PORT", Integer.toString(controllerPort));
            builder.environment().put("CRAMPCARE_STATE", state.toString());
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kafka.sh " + command + " failed (" + exit + "); see "
                        + state.resolve("kafka-script.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::stop);
        try {
            kafka("stop");
        } catch (RuntimeException e) {
            killBrokerQuietly();
        }
        if (databaseLink != null) {
            databaseLink.close();
        }
        database.close();
    }

    private void killBrokerQuietly() {
        try {
            killBroker();
        } catch (RuntimeException e) {
            // nothing left to stop
        }
    }

    private Path jar(String service) {
        return root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/kafka/kafka.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the CrampCare checkout");
        }
        return dir;
    }
}
