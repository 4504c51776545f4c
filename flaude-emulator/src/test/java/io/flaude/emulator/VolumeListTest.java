package io.flaude.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class VolumeListTest extends EmulatorTestBase {
    private static final String VOLUMES = "/v1/apps/my-app/volumes";

    @BeforeEach
    void createApp() {
        api.createApp("my-app");
    }

    @Test
    void list_answers_every_volume_in_creation_order_including_soft_deleted_ones() {
        String first = api.createVolume("my-app");
        String second = api.createVolume("my-app");
        api.delete(VOLUMES + "/" + first);

        JsonNode list = Api.json(api.get(VOLUMES));

        assertThat(list.valueStream().map(v -> v.get("id").stringValue())).containsExactly(first, second);
        assertThat(list.valueStream().map(v -> v.get("state").stringValue()))
                .containsExactly("pending_destroy", "created");
    }

    @Test
    void list_of_an_app_without_volumes_is_an_empty_array() {
        var response = api.get(VOLUMES);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.json(response).isArray()).isTrue();
        assertThat(Api.json(response).size()).isZero();
    }

    @Test
    void summary_leaves_out_blocks_and_bytes() {
        api.createVolume("my-app");

        JsonNode volume = Api.json(api.get(VOLUMES + "?summary=true")).get(0);

        assertThat(volume.has("id")).isTrue();
        assertThat(volume.has("size_gb")).isTrue();
        for (String left :
                new String[] {"blocks", "block_size", "blocks_free", "blocks_avail", "bytes_total", "bytes_used"}) {
            assertThat(volume.has(left)).as(left).isFalse();
        }
        assertThat(Api.json(api.get(VOLUMES + "?summary=1")).get(0).has("blocks"))
                .isFalse();
        assertThat(Api.json(api.get(VOLUMES)).get(0).has("blocks")).isTrue();
    }

    @Test
    void limit_pages_the_list_with_fly_next_cursor_until_the_last_page() {
        var created = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            created.add(api.createVolume("my-app"));
        }

        var seen = new ArrayList<String>();
        var pageSizes = new ArrayList<Integer>();
        String cursor = null;
        do {
            var response = api.get(VOLUMES + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = Api.json(response);
            pageSizes.add(page.size());
            page.valueStream().forEach(v -> seen.add(v.get("id").stringValue()));
            cursor = response.headers().firstValue("fly-next-cursor").orElse(null);
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seen).isEqualTo(created);
    }

    @Test
    void without_limit_there_is_no_next_cursor() {
        for (int i = 0; i < 3; i++) {
            api.createVolume("my-app");
        }

        var response = api.get(VOLUMES);

        assertThat(Api.json(response).size()).isEqualTo(3);
        assertThat(response.headers().firstValue("fly-next-cursor")).isEmpty();
    }

    @Test
    void a_limit_covering_everything_has_no_next_cursor() {
        api.createVolume("my-app");
        api.createVolume("my-app");

        assertThat(api.get(VOLUMES + "?limit=2").headers().firstValue("fly-next-cursor"))
                .isEmpty();
    }

    @Test
    void a_bad_cursor_gets_400() {
        api.createVolume("my-app");

        for (String cursor : List.of("garbage!", "bm9wZQ")) {
            var response = api.get(VOLUMES + "?limit=1&cursor=" + cursor);
            assertThat(response.statusCode()).as(cursor).isEqualTo(400);
            assertThat(Api.json(response).get("error").stringValue()).startsWith("invalid_argument: ");
        }
    }

    @Test
    void a_limit_outside_1_to_1000_gets_400() {
        for (String limit : List.of("0", "1001", "ten")) {
            assertThat(api.get(VOLUMES + "?limit=" + limit).statusCode())
                    .as(limit)
                    .isEqualTo(400);
        }
    }

    @Test
    void list_of_an_unknown_app_gets_404_app_not_found() {
        var response = api.get("/v1/apps/ghost/volumes");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Api.json(response).get("error").stringValue()).isEqualTo("app not found");
    }
}
