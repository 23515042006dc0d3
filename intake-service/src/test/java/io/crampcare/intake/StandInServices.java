package io.crampcare.intake;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.crampcare.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stand-ins for the advice and reminder services, which intake's export calls over HTTP (intake's tests run intake
 * alone): two JDK HTTP servers on free ports, named to intake by {@code crampcare.export.*}. Each answers
 * {@code GET .../data} with an empty part of its service until told otherwise, and remembers the last such request.
 * Tests steer them over HTTP ({@link Control}: the test and the resource may live in different class loaders).
 */
public class StandInServices implements QuarkusTestResourceLifecycleManager {

    static final String EMPTY_ADVICE = "{\"advice\":[],\"reportHistory\":[],\"nudgeAcks\":[]}";
    static final String EMPTY_REMINDER = "{\"preferences\":[],\"workouts\":[],\"nudges\":[],\"drinks\":[],"
            + "\"hydrationTargets\":[],\"hydrationDays\":[]}";

    private final List<HttpServer> servers = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        return Map.of("crampcare.export.advice-url", serve(EMPTY_ADVICE),
                "crampcare.export.reminder-url", serve(EMPTY_REMINDER),
                "crampcare.export.timeout", "3s");
    }

    @Override
    public void stop() {
        servers.forEach(server -> server.stop(0));
    }

    private String serve(String empty) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", new StandIn(empty)::handle);
            server.start();
            servers.add(server);
            return "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One stand-in: its answer, and the last data request it got. */
    private static final class StandIn {
        private final String empty;
        private volatile int status = 200;
        private volatile String body;
        private volatile boolean drop;
        private volatile String last = "";

        StandIn(String empty) {
            this.empty = empty;
            this.body = empty;
        }

        synchronized void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getRawPath();
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            switch (path) {
                case "/control/answer" -> {
                    status = Integer.parseInt(exchange.getRequestHeaders().getFirst("X-Status"));
                    body = request;
                    drop = false;
                    send(exchange, 204, "");
                }
                case "/control/drop" -> {
                    drop = true;
                    send(exchange, 204, "");
                }
                case "/control/reset" -> {
                    status = 200;
                    body = empty;
                    drop = false;
                    last = "";
                    send(exchange, 204, "");
                }
                case "/control/last" -> send(exchange, 200, last);
                default -> {
                    String reason = exchange.getRequestHeaders().getFirst(TestTokens.ACCESS_REASON);
                    last = exchange.getRequestMethod() + " " + path + "\n"
                            + exchange.getRequestHeaders().getFirst("Authorization")
                            + (reason == null ? "" : "\n" + reason);
                    if (drop) {
                        exchange.close(); // no answer at all: as a service that went away
                    } else {
                        send(exchange, status, body);
                    }
                }
            }
        }

        private static void send(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        }
    }

    /** Steers one stand-in from a test. */
    record Control(String url) {

        static Control advice() {
            return new Control(ConfigProvider.getConfig().getValue("crampcare.export.advice-url", String.class));
        }

        static Control reminder() {
            return new Control(ConfigProvider.getConfig().getValue("crampcare.export.reminder-url", String.class));
        }

        void answer(int status, String body) {
            given().header("X-Status", status).body(body).when().post(url + "/control/answer").then().statusCode(204);
        }

        /** From now on the stand-in closes every data request's connection without an answer. */
        void drop() {
            given().when().post(url + "/control/drop").then().statusCode(204);
        }

        void reset() {
            given().when().post(url + "/control/reset").then().statusCode(204);
        }

        /**
         * The last data request: "METHOD path", then its Authorization header on the next line, and its
         * CrampCare-Access-Reason on a third when it had one.
         */
        String last() {
            return given().when().get(url + "/control/last").then().statusCode(200).extract().asString();
        }
    }
}
