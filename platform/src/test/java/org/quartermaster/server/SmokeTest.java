package org.quartermaster.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quartermaster.testing.TestServer;

class SmokeTest {
    @Test
    void servesHealthAndDefinesAnItem() {
        try (TestServer s = TestServer.sqlite()) {
            assertThat(s.get("/health").json().get("status").asText()).isEqualTo("UP");
            var created = s.post("/api/v1/items", """
                    {"code":"AMMO-155","name":"155 mm HE","unit":"H87","cpv":"35331000-3",
                     "category":"AMMUNITION","lethal":true}""");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.header("Location")).isEqualTo("/api/v1/items/AMMO-155");
            assertThat(s.get("/api/v1/feed").json().get("items").get(0).get("type").asText()).isEqualTo("ItemDefined");
        }
    }
}
