package io.crampcare.testsupport;

import java.util.OptionalDouble;

/** The service's Prometheus scrape ({@code /q/metrics}), as Prometheus reads it: with a metrics-only token. */
public final class Scrape {

    private Scrape() {
    }

    /** The whole scrape. */
    public static String text() {
        return TestTokens.asMetricsReader().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** One series' value (0 when absent), e.g. {@code name{label="v"}} with its labels in the scrape's order. */
    public static double value(String series) {
        return find(series).orElse(0);
    }

    /** One series' value, or empty when the scrape does not have it. */
    public static OptionalDouble find(String series) {
        return text().lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).split(" ")[0]))
                .findFirst();
    }
}
