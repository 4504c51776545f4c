package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class JournalTest extends EmulatorTestBase {
    @Test
    void an_exchange_records_request_and_response() {
        api.createApp("my-app");

        var response = api.post("/v1/apps/my-app/volumes?x=1", "{\"name\":\"data\",\"region\":\"ord\"}");

        Exchange exchange = fly.journal().last();
        assertThat(exchange.method()).isEqualTo("POST");
        assertThat(exchange.path()).isEqualTo("/v1/apps/my-app/volumes");
        assertThat(exchange.query()).isEqualTo("x=1");
        assertThat(exchange.requestBody()).isEqualTo("{\"name\":\"data\",\"region\":\"ord\"}");
        assertThat(exchange.requestHeaders().get("content-type")).containsExactly("application/json");
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.responseBody()).isEqualTo(response.body());
        assertThat(exchange.responseHeaders().get("fly-request-id"))
                .containsExactly(response.headers().firstValue("fly-request-id").orElseThrow());
        assertThat(exchange.operation()).isEqualTo("Volumes_create");
    }

    @Test
    void header_names_are_looked_up_in_any_case() {
        api.post("/v1/apps/my-app/volumes", "{}");

        Exchange exchange = fly.journal().last();
        assertThat(exchange.requestHeaders().get("Content-Type")).containsExactly("application/json");
        assertThat(exchange.responseHeaders().get("Fly-Request-Id")).hasSize(1);
        assertThat(exchange.requestHeaders().keySet())
                .allSatisfy(name -> assertThat(name).isLowerCase());
    }

    @Test
    void the_authorization_header_is_redacted() {
        api.get("/v1/apps?org_slug=personal");

        Exchange exchange = fly.journal().last();
        assertThat(exchange.requestHeaders().get("authorization")).containsExactly("<redacted>");
        assertThat(exchange.toString()).doesNotContain(fly.token());
    }

    @Test
    void exchanges_are_kept_in_arrival_order_with_no_query_and_empty_bodies_when_absent() {
        api.createApp("my-app");
        api.get("/v1/apps/my-app");
        api.delete("/v1/apps/my-app");

        List<Exchange> exchanges = fly.journal().exchanges();
        assertThat(exchanges).extracting(Exchange::method).containsExactly("POST", "GET", "DELETE");
        Exchange delete = exchanges.get(2);
        assertThat(delete.query()).isNull();
        assertThat(delete.requestBody()).isEmpty();
        assertThat(delete.responseBody()).isEmpty();
        assertThat(delete.status()).isEqualTo(202);
    }

    @Test
    void matching_filters_by_method_and_path_glob() {
        api.createApp("app-a");
        api.createApp("app-b");
        api.createVolume("app-a");
        api.createVolume("app-b");
        api.get("/v1/apps/app-a/volumes");

        assertThat(fly.journal().matching("POST", "/v1/apps/*/volumes")).hasSize(2);
        assertThat(fly.journal().matching("*", "/v1/apps/app-a/volumes")).hasSize(2);
        assertThat(fly.journal().matching("post", "/v1/apps")).hasSize(2);
        assertThat(fly.journal().matching("GET", "/v1/*")).isEmpty();
    }

    @Test
    void clear_empties_the_journal_and_last_then_has_nothing() {
        api.get("/v1/apps?org_slug=personal");

        fly.journal().clear();

        assertThat(fly.journal().exchanges()).isEmpty();
        assertThatThrownBy(() -> fly.journal().last()).isInstanceOf(NoSuchElementException.class);
    }
}
