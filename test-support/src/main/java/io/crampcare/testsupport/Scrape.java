package io.crampcare.testsupport;

import static io.restassured.RestAssured.given;

import java.util.OptionalDouble;

/** The service's Prometheus scrape ({@code /q/metrics}), as ops read it. */
public final class Scrape {

    private Scrape() {
    }

    /** One series' value (0 when absent), e.g. {@code name{label="v"}} with its labels in the scrape's order. */
    public static double value(String series) {
        return find(series).orElse(0);
    }

    /** One series' value, or empty when the scrape does not have it. */
    public static OptionalDouble find(String series) {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).split(" ")[0]))
                .findFirst();
    }
}
