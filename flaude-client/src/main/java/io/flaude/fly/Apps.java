package io.flaude.fly;

import io.flaude.fly.internal.Bodies;
import io.flaude.fly.internal.Calls;
import io.flaude.fly.internal.FlyRequest;
import io.flaude.fly.internal.FlyResponse;
import io.flaude.fly.internal.HttpTransport;
import io.flaude.fly.internal.Json;
import io.flaude.fly.internal.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fly apps: find (404 means none), create, ensure (find or create, tolerating a concurrent create of
 * the same app by us), list and delete. Obtain it from {@link FlyClient#apps()}.
 */
public final class Apps {
    private static final Logger LOG = LoggerFactory.getLogger(Apps.class);

    /** The organization apps are created in when none is named. */
    public static final String DEFAULT_ORG = "personal";

    private final HttpTransport http;

    Apps(HttpTransport http) {
        this.http = http;
    }

    /**
     * The app, or empty when no app has that name. Raises {@link FlyUnauthorizedException} when another org holds it.
     */
    public Optional<App> find(String name) {
        Validation.appName(name);
        return Calls.findOrEmpty(() -> app(Bodies.object(http.send(FlyRequest.get("/apps/" + name)), "get-app")));
    }

    /** Creates an app in {@code org}. A taken name raises a {@link FlyException} with Fly status {@code name_taken}. */
    public App create(String name, String org) {
        Validation.appName(name);
        Validation.orgSlug(org);
        ObjectNode body = Json.object();
        body.put("name", name);
        body.put("org_slug", org);
        LOG.info("Creating app '{}' in org '{}'", name, org);
        return Calls.createReconciled(
                http,
                "app create of '" + name + "'",
                () -> {
                    FlyResponse r = http.send(FlyRequest.post("/apps", body));
                    JsonNode created = Bodies.object(r, "create-app");
                    String id = Json.string(created, "id", null);
                    if (id == null) {
                        throw Bodies.invalid(r, "create-app", "no app id in the answer");
                    }
                    return new App(id, name, null, org, 0, 0, null);
                },
                () -> find(name),
                LOG);
    }

    /**
     * The app, created in {@code org} if it does not exist. If a concurrent create wins the race the
     * name is taken by us, and the app is returned; a name held by someone else is raised.
     */
    public App ensure(String name, String org) {
        Optional<App> existing = find(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return create(name, org);
        } catch (FlyApiException e) {
            if (!nameTaken(e)) {
                throw e;
            }
            LOG.debug("App '{}' was created concurrently; reading it back", name);
            return find(name).orElseThrow(() -> e);
        }
    }

    /** The apps of {@code org}, all pages. */
    public List<App> list(String org) {
        Validation.orgSlug(org);
        return Calls.allPages(http, FlyRequest.get("/apps").withQuery("org_slug", org), r -> {
            JsonNode body = Bodies.object(r, "list-apps");
            List<App> page = new ArrayList<>();
            for (JsonNode a : body.path("apps")) {
                page.add(app(a));
            }
            return new Calls.Page<>(page, Json.string(body, "next_cursor", null));
        });
    }

    /** Deletes the app and everything in it; {@code force} also stops running machines. A 404 is success. */
    public boolean delete(String name, boolean force) {
        Validation.appName(name);
        FlyRequest request = FlyRequest.delete("/apps/" + name);
        return Calls.deleteIfPresent(
                http, force ? request.withQuery("force", "true") : request, "App '" + name + "'", LOG);
    }

    private static boolean nameTaken(FlyApiException e) {
        return e.flyStatus().filter("name_taken"::equals).isPresent()
                || (e.statusCode() == 422
                        && e.detail().toLowerCase(java.util.Locale.ROOT).contains("taken"));
    }

    private static App app(JsonNode a) {
        JsonNode org = a.path("organization");
        return new App(
                Json.string(a, "id", ""),
                Json.string(a, "name", ""),
                Json.string(a, "status", null),
                org.isObject() ? Json.string(org, "slug", null) : null,
                orZero(Json.integer(a, "machine_count")),
                orZero(Json.integer(a, "volume_count")),
                Json.string(a, "network", null));
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }
}
