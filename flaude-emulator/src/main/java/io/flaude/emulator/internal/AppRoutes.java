package io.flaude.emulator.internal;

import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The Apps operations: create, show, delete and list. */
final class AppRoutes {
    /** Fly's app name rule: lowercase letters, digits and dashes, starting with a letter, at most 63. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private static final int MAX_LIST_LIMIT = 5000;

    private final Store store;
    private final EmulatorConfig config;
    private final Instances instances;

    AppRoutes(Store store, EmulatorConfig config, Instances instances) {
        this.store = store;
        this.config = config;
        this.instances = instances;
    }

    void registerOn(Router router) {
        router.add("POST", "/v1/apps", "Apps_create", this::create);
        router.add("GET", "/v1/apps", "Apps_list", this::list);
        router.add("GET", "/v1/apps/{app_name}", "Apps_show", this::show);
        router.add("DELETE", "/v1/apps/{app_name}", "Apps_delete", this::delete);
    }

    /** 201 {@code {id, created_at}}. fly-go's {@code ?wait=true} is accepted and ignored: creation is immediate. */
    private ApiResponse create(ApiRequest request) {
        RequestBody body = request.body();
        // The spec and fly-go send "name"; the older docs send "app_name".
        String given = body.nonEmptyString("name");
        String name = given != null ? given : body.nonEmptyString("app_name");
        String org = body.nonEmptyString("org_slug");
        String key = body.nonEmptyString("idempotency_key");
        String network = body.nonEmptyString("network");
        return store.locked(() -> {
            if (key != null) {
                var earlier = store.appByIdempotencyKey(key);
                if (earlier.isPresent()) {
                    return replay(earlier.get(), name);
                }
            }
            if (name == null) {
                throw ApiError.invalid("name is required");
            }
            if (!NAME.matcher(name).matches() || name.endsWith("-")) {
                throw ApiError.invalid("app name must be 1-63 lowercase letters, digits or dashes,"
                        + " start with a letter and not end with a dash");
            }
            requireOrg(org);
            if (store.findApp(name).isPresent()) {
                throw ApiError.nameTaken();
            }
            long seq = store.nextSeq();
            var app = new AppRecord(
                    seq,
                    Ids.appId(),
                    name,
                    org,
                    System.currentTimeMillis(),
                    network == null ? "default" : network,
                    100_000 + seq,
                    key);
            store.putApp(app);
            return created(app);
        });
    }

    /**
     * A retry with a known idempotency key (spec, CreateAppRequest): the same or no name returns the
     * first app; another name is rejected. The status of that rejection is unverified; 422 is what
     * the spec lists for "rejected by validation".
     */
    private static ApiResponse replay(AppRecord earlier, String name) {
        if (name != null && !name.equals(earlier.name())) {
            throw ApiError.of(422, "idempotency_key was already used to create app '" + earlier.name() + "'");
        }
        return created(earlier);
    }

    private static ApiResponse created(AppRecord app) {
        return ApiResponse.of(201, Json.object().put("id", app.id()).put("created_at", app.createdAtMillis()));
    }

    /** {@code {apps, total_apps, next_cursor?}}; {@code org_slug} is required, {@code app_role} ignored. */
    private ApiResponse list(ApiRequest request) {
        String org = request.query("org_slug");
        if (org == null) {
            throw ApiError.invalid("org_slug is required");
        }
        Integer limit = request.intQuery("limit", 1, MAX_LIST_LIMIT);
        String cursor = request.query("cursor");
        return store.locked(() -> {
            requireOrg(org);
            var all = store.apps();
            var page = Paging.page(all, AppRecord::seq, limit, cursor);
            ObjectNode body = Json.object();
            ArrayNode apps = body.putArray("apps");
            page.items().forEach(app -> apps.add(Views.app(app, liveVolumeCount(app), liveMachineCount(app))));
            body.put("total_apps", all.size());
            if (page.nextCursor() != null) {
                body.put("next_cursor", page.nextCursor());
            }
            return ApiResponse.of(200, body);
        });
    }

    private ApiResponse show(ApiRequest request) {
        return store.locked(() -> {
            AppRecord app = store.app(request.param("app_name"));
            return ApiResponse.of(200, Views.app(app, liveVolumeCount(app), liveMachineCount(app)));
        });
    }

    /**
     * 202 with no body; the app's volumes and machines go with it, running ones included, so
     * {@code ?force=true} is accepted and changes nothing (unverified whether Fly refuses running
     * machines without it).
     */
    private ApiResponse delete(ApiRequest request) {
        return store.locked(() -> {
            String app = store.app(request.param("app_name")).name();
            instances.forgetApp(app);
            store.removeApp(app);
            return ApiResponse.empty(202);
        });
    }

    private int liveVolumeCount(AppRecord app) {
        return (int)
                store.volumes(app.name()).stream().filter(v -> !v.destroyed()).count();
    }

    private int liveMachineCount(AppRecord app) {
        return (int)
                store.machines(app.name()).stream().filter(m -> !m.destroyed()).count();
    }

    /**
     * The emulator holds one organization. Another slug gets 404 {@code organization not found}
     * (unverified: Fly's answer for an org the token cannot see is not documented).
     */
    private void requireOrg(String org) {
        if (org == null) {
            throw ApiError.invalid("org_slug is required");
        }
        if (!org.equals(config.orgSlug())) {
            throw ApiError.notFound("organization");
        }
    }
}
