package io.flaude.fly;

import io.flaude.fly.internal.Bodies;
import io.flaude.fly.internal.FlyRequest;
import io.flaude.fly.internal.FlyResponse;
import io.flaude.fly.internal.HttpTransport;
import io.flaude.fly.internal.Json;
import io.flaude.fly.internal.Validation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An app's secrets, through Fly's Machines API ({@code POST /v1/apps/{app}/secrets}): set and unset
 * many at once, list names and digests. Values go in and never come back. A machine sees a change when
 * it next starts or is updated; pass the version a change returns as
 * {@link Machines#requiringSecrets(long)} so a machine boots with at least that. Obtain it from
 * {@link FlyClient#secrets(String)}.
 */
public final class Secrets {
    private final HttpTransport http;
    private final String app;
    private final String path;

    Secrets(HttpTransport http, String app) {
        this.http = http;
        this.app = Validation.appName(app);
        this.path = "/apps/" + app + "/secrets";
    }

    /**
     * Sets these secrets in one change and returns the app's new secrets version. Setting the same
     * values again changes nothing but the version, so a lost answer is repeated.
     */
    public long set(Map<String, String> values) {
        if (values.isEmpty()) {
            throw new FlyValidationException("no secrets to set");
        }
        Map<String, String> checked = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value == null) {
                throw new FlyValidationException(
                        "secret " + Validation.secretName(name) + " has no value; use unset to remove it");
            }
            checked.put(Validation.secretName(name), value);
        });
        return change(checked);
    }

    /** Unsets these secrets in one change (names that are not set are ignored) and returns the new version. */
    public long unset(Collection<String> names) {
        if (names.isEmpty()) {
            throw new FlyValidationException("no secrets to unset");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        names.forEach(n -> changes.put(Validation.secretName(n), null));
        return change(changes);
    }

    /** The app's secrets: names, digests and times, never values. */
    public List<AppSecret> list() {
        FlyResponse r = http.send(FlyRequest.get(path));
        List<AppSecret> out = new ArrayList<>();
        for (JsonNode s : Bodies.object(r, "list-secrets").path("secrets")) {
            out.add(new AppSecret(
                    Json.string(s, "name", ""),
                    Json.string(s, "digest", ""),
                    Json.instant(s, "created_at"),
                    Json.instant(s, "updated_at")));
        }
        return out;
    }

    private long change(Map<String, String> changes) {
        ObjectNode body = Json.object();
        ObjectNode values = body.putObject("values");
        changes.forEach((k, v) -> {
            if (v == null) {
                values.putNull(k);
            } else {
                values.put(k, v);
            }
        });
        FlyResponse r = http.send(FlyRequest.post(path, body).asRepeatable());
        JsonNode answer = Bodies.object(r, "set-secrets");
        Long version = Json.number(answer, "version");
        if (version == null) {
            version = Json.number(answer, "Version");
        }
        if (version == null) {
            throw Bodies.invalid(r, "set-secrets", "no secrets version in the answer");
        }
        return version;
    }

    /** The app these secrets belong to. */
    public String app() {
        return app;
    }
}
