package io.crampcare.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * POSTs cramp reports to intake and records latency with HdrHistogram.
 * <ul>
 * <li>{@code closed N}: N clients, each sending its next request when the last one answered: the throughput
 * ceiling at that concurrency.</li>
 * <li>{@code open RATE}: requests start on a fixed schedule whatever the answers do; latency counts from the
 * scheduled start, so a stall shows as the delay every queued request really saw (coordinated omission
 * corrected).</li>
 * </ul>
 * Usage: {@code LoadGenerator closed|open N|RATE SECONDS WARMUP_SECONDS INTAKE_URL TOKEN OUTPUT.json [ACCEPTED.csv]}.
 * The token must be an admin's (it posts for many users). With ACCEPTED.csv, every report accepted in the measured
 * part is listed as {@code reportId,acceptedAtMicros} (epoch microseconds when the 201 arrived), so that bench/run.sh
 * can time what the rest of the system did with it.
 */
public final class LoadGenerator {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    // A user reports a cramp a few times a day at most, and each report replans the rest of that user's day (about
    // eight hydration nudges): reports are spread over many users, starting at a random one in each run, so that a
    // run rarely replans a day an earlier report (or run) just planned.
    private static final int USERS = 100_000;
    private final long firstUser = ThreadLocalRandom.current().nextLong(USERS);
    private final URI intake;
    private final String authorization;
    // One kept-alive connection per sender thread, as a gateway's connection pool would hold.
    private final ThreadLocal<HttpConnection> connection;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Queue<String> acceptedReports = new ConcurrentLinkedQueue<>();
    private volatile boolean listAccepted;

    private LoadGenerator(String intakeUrl, String token) {
        this.intake = URI.create(intakeUrl);
        this.authorization = "Bearer " + token;
        this.connection = ThreadLocal.withInitial(() -> new HttpConnection(intake));
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7 && args.length != 8) {
            System.err.println("usage: LoadGenerator closed|open N|RATE SECONDS WARMUP_SECONDS INTAKE_URL TOKEN OUTPUT.json"
                    + " [ACCEPTED.csv]");
            System.exit(2);
        }
        String mode = args[0];
        int level = Integer.parseInt(args[1]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[2]));
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[3]));
        LoadGenerator generator = new LoadGenerator(args[4], args[5]);
        Recorder recorder = new Recorder(3);
        if (warmup.toSeconds() > 0) {
            generator.run(mode, level, warmup, new Recorder(3)); // JIT, pools, caches: discarded
        }
        long acceptedInWarmup = generator.accepted.getAndSet(0);
        generator.failed.set(0);
        generator.listAccepted = args.length == 8;
        long cpuAtStart = processCpuNanos();
        Instant start = Instant.now();
        generator.run(mode, level, duration, recorder);
        generator.listAccepted = false;
        double seconds = Duration.between(start, Instant.now()).toNanos() / 1e9;
        Histogram histogram = recorder.getIntervalHistogram();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scenario", mode.equals("closed") ? "closed-loop clients" : "open model, fixed arrival rate");
        result.put(mode.equals("closed") ? "clients" : "targetRatePerSecond", level);
        result.put("seconds", Math.round(seconds * 10) / 10.0);
        result.put("accepted", generator.accepted.get());
        result.put("acceptedWithWarmup", acceptedInWarmup + generator.accepted.get());
        result.put("failed", generator.failed.get());
        result.put("acceptedPerSecond", Math.round(generator.accepted.get() / seconds));
        Map<String, Double> latency = new LinkedHashMap<>();
        for (double p : new double[] { 50, 90, 99, 99.9 }) {
            latency.put("p" + (p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p)),
                    histogram.getValueAtPercentile(p) / 1000.0);
        }
        latency.put("max", histogram.getMaxValue() / 1000.0);
        result.put("latencyMs", latency);
        // The generator's own CPU shares the box with the stack: bench/run.sh charges it per report.
        result.put("cpuMs", (processCpuNanos() - cpuAtStart) / 1_000_000);
        String json = JSON.writeValueAsString(result);
        Files.writeString(Path.of(args[6]), json);
        if (args.length == 8) {
            Files.write(Path.of(args[7]), generator.acceptedReports);
        }
        System.out.println(json);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private void run(String mode, int level, Duration duration, Recorder recorder) throws InterruptedException {
        if (mode.equals("closed")) {
            closed(level, duration, recorder);
        } else if (mode.equals("open")) {
            open(level, duration, recorder);
        } else {
            throw new IllegalArgumentException("mode must be closed or open, not " + mode);
        }
    }

    private void closed(int clients, Duration duration, Recorder recorder) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    send(started, recorder);
                }
                done.countDown();
            });
            client.setDaemon(true);
            client.start();
        }
        done.await();
    }

    private void open(int ratePerSecond, Duration duration, Recorder recorder) throws InterruptedException {
        long intervalNanos = 1_000_000_000L / ratePerSecond;
        long total = duration.toSeconds() * ratePerSecond;
        long first = System.nanoTime();
        CountDownLatch done = new CountDownLatch((int) total);
        // Many sender threads, so that a slow answer never delays the next scheduled start.
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(Math.min(512, Math.max(16, ratePerSecond / 4)));
        for (long i = 0; i < total; i++) {
            long intended = first + i * intervalNanos;
            pool.schedule(() -> {
                send(intended, recorder);
                done.countDown();
            }, intended - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        done.await(duration.toSeconds() + 120, TimeUnit.SECONDS);
        pool.shutdownNow();
    }

    /** One POST; latency from {@code startNanos} (the intended start in the open model). */
    private void send(long startNanos, Recorder recorder) {
        long n = sequence.incrementAndGet();
        String user = "bench-" + ((firstUser + n) % USERS);
        String json = """
                {"userId":"%s","occurredAt":"%s","muscle":"GLUTEUS_MAXIMUS","side":"LEFT","onset":"%s","severity":6,
                 "durationSeconds":90,"context":"AFTER_EXERCISE","activity":{"type":"SQUATS","intensity":"HARD","minutes":45},
                 "warmedUp":false,"stretchedAfter":false,"sweatingHeavily":true,"waterTodayMl":900,"symptoms":[]}
                """.formatted(user, Instant.now().minusSeconds(60), n % 2 == 0 ? "GRADUAL" : "SUDDEN");
        try {
            HttpConnection.Answer answer = connection.get().post("/api/v1/cramp-reports", authorization,
                    json.getBytes(StandardCharsets.UTF_8));
            if (answer.status() == 201) {
                accepted.incrementAndGet();
                if (listAccepted) {
                    long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
                    String location = answer.location() == null ? "" : answer.location();
                    acceptedReports.add(location.substring(location.lastIndexOf('/') + 1) + "," + nowMicros);
                }
            } else {
                failed.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            failed.incrementAndGet();
        }
        recorder.recordValue(Math.max(1, (System.nanoTime() - startNanos) / 1000));
    }
}
