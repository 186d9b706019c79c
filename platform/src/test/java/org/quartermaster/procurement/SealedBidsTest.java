package org.quartermaster.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.procurement.JointWorld.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quartermaster.server.RouteTable;
import org.quartermaster.shared.Actor;
import org.quartermaster.testing.TestServer.Reply;

/**
 * Before the opening no route (any method, any role, any organisation), no page, no feed entry,
 * no journal event and no table of the database holds a bid's content: a unique marker in the
 * note and a unique price are searched in every response and every stored cell. After the
 * opening the same search finds them, so the test can fail.
 */
class SealedBidsTest {
    static final long PRICE_MARKER = 987_654_321L;
    static final List<Actor> EVERYONE = java.util.Arrays.asList(ANNA, BRUNO, POL, DEU, EST, POL_LOGISTICIAN, RHM, NAMMO,
            KNDS, ROGUE, ROOT, AUDITOR, VIEWER, null);

    @Test
    void nothingRevealsABidBeforeTheOpening() {
        try (ActingServer s = new ActingServer(START)) {
            setUp(s);
            String id = open(s);
            joinAndCommit(s, id);
            publish(s, id);
            String marker = "MARKER-" + UUID.randomUUID();
            bid(s, id, RHM, 1, PRICE_MARKER, marker);
            bid(s, id, NAMMO, 1, 370_000, "plain");
            List<String> bidIds = new ArrayList<>();
            for (var b : ok(s.get("/api/v1/procurements/" + id + "/bids", RHM), 200).json().get("items")) {
                bidIds.add(b.get("id").asText());
            }
            s.clock.advance(Duration.ofDays(9));
            ok(s.post("/api/v1/procurements/" + id + "/request-opening", "{\"version\":%d}"
                    .formatted(version(s, id)), ANNA), 200);

            int calls = sweep(s, id, bidIds, marker, false);
            assertThat(calls).as("every route was called as every actor").isGreaterThan(s.routes.routes().size() * 10);
            assertThat(storedCellsContaining(s, marker)).isEmpty();
            assertThat(storedCellsContaining(s, Long.toString(PRICE_MARKER))).isEmpty();

            ok(s.post("/api/v1/procurements/" + id + "/confirm-opening", "{\"version\":%d}"
                    .formatted(version(s, id)), BRUNO), 200);
            Reply opened = ok(s.get("/api/v1/procurements/" + id + "/bids", ANNA), 200);
            assertThat(opened.body()).contains(marker).contains(Long.toString(PRICE_MARKER));
            assertThat(storedCellsContaining(s, marker)).isNotEmpty();
        }
    }

    /** Calls every route with every actor; GETs with filled path and query parameters, writes with an empty body. */
    private static int sweep(ActingServer s, String procedure, List<String> bids, String marker, boolean expectFound) {
        Pattern param = Pattern.compile("\\{([a-zA-Z0-9]+)}");
        int calls = 0;
        for (RouteTable.Route r : s.routes.routes()) {
            List<String> paths = new ArrayList<>();
            for (String value : values(procedure, bids)) {
                Matcher m = param.matcher(r.path());
                StringBuilder path = new StringBuilder();
                while (m.find()) m.appendReplacement(path, m.group(1).equals("id") && r.path().contains("procurements")
                        ? procedure : value);
                m.appendTail(path);
                String query = r.params().isEmpty() ? "" : "?" + String.join("&", r.params().stream()
                        .filter(p -> !p.name().equals("after") && !p.name().equals("limit"))
                        .map(p -> p.name() + "=" + (p.name().equals("procedure") ? procedure : value)).toList());
                paths.add(path + query);
                if (!r.params().isEmpty()) paths.add(path.toString());
            }
            String method = r.method().toString().toUpperCase(java.util.Locale.ROOT);
            for (String path : paths.stream().distinct().toList()) {
                for (Actor a : EVERYONE) {
                    Reply reply = method.equals("GET") ? s.get(path, a) : s.send(method, path, "{}", a);
                    calls++;
                    assertThat(reply.status()).as(method + " " + path + " as " + a).isLessThan(500);
                    assertThat(reply.body()).as(method + " " + path + " as " + a)
                            .doesNotContain(marker).doesNotContain(Long.toString(PRICE_MARKER));
                }
            }
        }
        // the feed and journal pages, followed to their end, as everyone
        for (Actor a : EVERYONE) {
            for (String start : List.of("/api/v1/feed", "/api/v1/journal")) {
                String next = start;
                for (int page = 0; next != null && page < 100; page++) {
                    Reply reply = s.get(next, a);
                    calls++;
                    assertThat(reply.body()).doesNotContain(marker).doesNotContain(Long.toString(PRICE_MARKER));
                    if (reply.status() != 200) break;
                    var n = reply.json().path("next");
                    next = n.isMissingNode() || n.isNull() ? null : start + "?after=" + n.asText();
                }
            }
        }
        return calls;
    }

    private static List<String> values(String procedure, List<String> bids) {
        List<String> out = new ArrayList<>(List.of(procedure, "CT-000001", "CO-000001", "SUP-RHM", "Q-000001",
                "CMP-000001", "MS-000001", "AMMO-155", "EDA-JP"));
        out.addAll(bids);
        return out;
    }

    /** Every cell of every table that contains {@code needle}: table and column. */
    static List<String> storedCellsContaining(ActingServer s, String needle) {
        return s.app.db().read(h -> {
            List<String> found = new ArrayList<>();
            List<String> tables = h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table'")
                    .mapTo(String.class).list();
            for (String table : tables) {
                for (Map<String, Object> row : h.createQuery("SELECT * FROM \"" + table + "\"").mapToMap().list()) {
                    row.forEach((column, value) -> {
                        String text = value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                                : String.valueOf(value);
                        if (text.contains(needle)) found.add(table + "." + column);
                    });
                }
            }
            return found;
        });
    }
}
