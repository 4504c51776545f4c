package io.flaude.emulator.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The organization-wide lists ({@code /v1/orgs/{org}/machines}, {@code /v1/orgs/{org}/volumes}) and
 * {@code /v1/platform/regions}. The org lists span every app, carry {@code app_name}, page with
 * {@code limit}/{@code cursor} in the body, and filter by region, state and {@code updated_after}.
 */
final class OrgRoutes {
    private static final int MAX_LIMIT = 1000;

    private final Store store;
    private final String orgSlug;

    OrgRoutes(Store store, String orgSlug) {
        this.store = store;
        this.orgSlug = orgSlug;
    }

    void registerOn(Router router) {
        router.add("GET", "/v1/orgs/{org_slug}/machines", "Machines_org_list", this::machines);
        router.add("GET", "/v1/orgs/{org_slug}/volumes", "Volumes_org_list", this::volumes);
        router.add("GET", "/v1/platform/regions", "Platform_regions_get", r -> ApiResponse.of(200, Regions.platform()));
    }

    private record Found<T>(String app, T item, long seq, String state, String region, Instant updatedAt) {}

    /** 200 {@code {machines: [OrgMachine], next_cursor?, last_machine_id?, last_updated_at?}}. */
    private ApiResponse machines(ApiRequest request) {
        Filter filter = filter(request);
        return store.locked(() -> {
            List<Found<MachineRecord>> all = new ArrayList<>();
            store.apps().forEach(a -> store.machines(a.name())
                    .forEach(m -> all.add(new Found<>(a.name(), m, m.seq(), m.state(), m.region(), m.updatedAt()))));
            var page =
                    Paging.page(filter.apply(all, MachineRecord::destroyed), Found::seq, filter.limit, filter.cursor);
            ObjectNode body = Json.object();
            ArrayNode machines = body.putArray("machines");
            for (Found<MachineRecord> f : page.items()) {
                MachineRecord m = f.item();
                ObjectNode o = machines.addObject()
                        .put("id", m.id())
                        .put("name", m.name())
                        .put("state", m.state())
                        .put("region", m.region())
                        .put("version", m.version())
                        .put("private_ip", m.privateIp())
                        .put("app_name", f.app())
                        .put("created_at", Views.timestamp(m.createdAt()))
                        .put("updated_at", Views.timestamp(m.updatedAt()));
                ObjectNode config = o.putObject("config").put("image", MachineConfigs.image(m.config()));
                if (m.config().has("guest")) {
                    config.set("guest", m.config().get("guest").deepCopy());
                }
                if (m.config().has("metadata")) {
                    config.set("metadata", m.config().get("metadata").deepCopy());
                }
            }
            finish(body, page, "last_machine_id", f -> f.item().id());
            return ApiResponse.of(200, body);
        });
    }

    /** 200 {@code {volumes: [OrgVolume], next_cursor?, last_volume_id?, last_updated_at?}}. */
    private ApiResponse volumes(ApiRequest request) {
        Filter filter = filter(request);
        return store.locked(() -> {
            List<Found<VolumeRecord>> all = new ArrayList<>();
            store.apps().forEach(a -> store.volumes(a.name())
                    .forEach(v -> all.add(new Found<>(a.name(), v, v.seq(), v.state(), v.region(), v.createdAt()))));
            var page = Paging.page(filter.apply(all, VolumeRecord::destroyed), Found::seq, filter.limit, filter.cursor);
            ObjectNode body = Json.object();
            ArrayNode volumes = body.putArray("volumes");
            Instant now = Instant.now();
            page.items()
                    .forEach(f -> volumes.add(
                            Views.volume(f.item(), now, filter.summary).put("app_name", f.app())));
            finish(body, page, "last_volume_id", f -> f.item().id());
            return ApiResponse.of(200, body);
        });
    }

    private <T> void finish(
            ObjectNode body,
            Paging.Page<Found<T>> page,
            String lastIdField,
            java.util.function.Function<Found<T>, String> id) {
        if (page.nextCursor() != null) {
            body.put("next_cursor", page.nextCursor());
        }
        if (!page.items().isEmpty()) {
            Found<T> last = page.items().getLast();
            body.put(lastIdField, id.apply(last)).put("last_updated_at", Views.timestamp(last.updatedAt()));
        }
    }

    private final class Filter {
        boolean includeDeleted;
        boolean summary;
        String region;
        Set<String> states;
        Instant updatedAfter;
        Integer limit;
        String cursor;

        <T> List<Found<T>> apply(List<Found<T>> all, java.util.function.Predicate<T> deleted) {
            return all.stream()
                    .filter(f -> includeDeleted || !deleted.test(f.item()))
                    .filter(f -> region == null || region.equals(f.region()))
                    .filter(f -> states.isEmpty() || states.contains(f.state()))
                    .filter(f -> updatedAfter == null
                            || (f.updatedAt() != null && f.updatedAt().isAfter(updatedAfter)))
                    .sorted(java.util.Comparator.comparingLong(Found::seq))
                    .toList();
        }
    }

    private Filter filter(ApiRequest request) {
        if (!orgSlug.equals(request.param("org_slug"))) {
            throw ApiError.notFound("organization");
        }
        Filter f = new Filter();
        f.includeDeleted = request.flag("include_deleted");
        f.summary = request.flag("summary");
        f.region = request.query("region");
        f.states = request.queryValues("state").stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        String after = request.query("updated_after");
        try {
            f.updatedAfter = after == null ? null : Instant.parse(after);
        } catch (DateTimeParseException e) {
            throw ApiError.invalid("updated_after must be an RFC 3339 time");
        }
        f.limit = request.intQuery("limit", 1, MAX_LIMIT);
        f.cursor = request.query("cursor");
        return f;
    }
}
