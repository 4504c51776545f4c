package io.flaude.emulator.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fly's region codes that can host a volume (meta-regions such as {@code us} are not accepted), with
 * the names and approximate coordinates {@code /v1/platform/regions} lists (our data, not Fly's).
 */
final class Regions {
    private record Region(String code, String name, String geo, double latitude, double longitude) {}

    private static final List<Region> ALL = List.of(
            new Region("ams", "Amsterdam, Netherlands", "eu", 52.37, 4.90),
            new Region("arn", "Stockholm, Sweden", "eu", 59.33, 18.07),
            new Region("atl", "Atlanta, Georgia (US)", "na", 33.75, -84.39),
            new Region("bog", "Bogotá, Colombia", "sa", 4.71, -74.07),
            new Region("bom", "Mumbai, India", "as", 19.08, 72.88),
            new Region("bos", "Boston, Massachusetts (US)", "na", 42.36, -71.06),
            new Region("cdg", "Paris, France", "eu", 48.86, 2.35),
            new Region("den", "Denver, Colorado (US)", "na", 39.74, -104.99),
            new Region("dfw", "Dallas, Texas (US)", "na", 32.78, -96.80),
            new Region("ewr", "Secaucus, NJ (US)", "na", 40.79, -74.06),
            new Region("eze", "Ezeiza, Argentina", "sa", -34.82, -58.54),
            new Region("fra", "Frankfurt, Germany", "eu", 50.11, 8.68),
            new Region("gdl", "Guadalajara, Mexico", "na", 20.67, -103.35),
            new Region("gig", "Rio de Janeiro, Brazil", "sa", -22.91, -43.17),
            new Region("gru", "Sao Paulo, Brazil", "sa", -23.55, -46.63),
            new Region("hkg", "Hong Kong, Hong Kong", "as", 22.32, 114.17),
            new Region("iad", "Ashburn, Virginia (US)", "na", 39.04, -77.49),
            new Region("jnb", "Johannesburg, South Africa", "af", -26.20, 28.05),
            new Region("lax", "Los Angeles, California (US)", "na", 34.05, -118.24),
            new Region("lhr", "London, United Kingdom", "eu", 51.51, -0.13),
            new Region("mad", "Madrid, Spain", "eu", 40.42, -3.70),
            new Region("mia", "Miami, Florida (US)", "na", 25.76, -80.19),
            new Region("nrt", "Tokyo, Japan", "as", 35.68, 139.69),
            new Region("ord", "Chicago, Illinois (US)", "na", 41.88, -87.63),
            new Region("otp", "Bucharest, Romania", "eu", 44.43, 26.10),
            new Region("phx", "Phoenix, Arizona (US)", "na", 33.45, -112.07),
            new Region("qro", "Querétaro, Mexico", "na", 20.59, -100.39),
            new Region("scl", "Santiago, Chile", "sa", -33.45, -70.67),
            new Region("sea", "Seattle, Washington (US)", "na", 47.61, -122.33),
            new Region("sin", "Singapore, Singapore", "as", 1.35, 103.82),
            new Region("sjc", "San Jose, California (US)", "na", 37.34, -121.89),
            new Region("syd", "Sydney, Australia", "oc", -33.87, 151.21),
            new Region("waw", "Warsaw, Poland", "eu", 52.23, 21.01),
            new Region("yul", "Montreal, Canada", "na", 45.50, -73.57),
            new Region("yyz", "Toronto, Canada", "na", 43.65, -79.38));
    private static final Set<String> CODES = ALL.stream().map(Region::code).collect(Collectors.toUnmodifiableSet());

    private Regions() {}

    /** Rejects a missing or unknown region with Fly's 422 (superfly/flyctl#2730). */
    static String require(String region) {
        if (region == null || !CODES.contains(region)) {
            throw ApiError.of(
                    422,
                    "Region '" + (region == null ? "" : region)
                            + "' cannot host your machine. Please use an alternative region"
                            + " (see `fly platform regions`).");
        }
        return region;
    }

    /** {@code /v1/platform/regions}: {@code {nearest, regions: [regionRow]}}; the nearest is always {@code iad}. */
    static ObjectNode platform() {
        ObjectNode body = Json.object().put("nearest", "iad");
        ArrayNode rows = body.putArray("regions");
        for (Region r : ALL) {
            rows.addObject()
                    .put("code", r.code())
                    .put("name", r.name())
                    .put("geo_region", r.geo())
                    .put("latitude", r.latitude())
                    .put("longitude", r.longitude())
                    .put("gateway_available", true)
                    .put("requires_paid_plan", false)
                    .put("deprecated", false)
                    .put("mpg_available", false);
        }
        return body;
    }
}
