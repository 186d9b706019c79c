package org.quartermaster.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.access.model.Role;
import org.quartermaster.audit.web.JournalExport;
import org.quartermaster.needs.FileNeed;
import org.quartermaster.needs.web.NeedsExport;
import org.quartermaster.offers.web.OffersExport;
import org.quartermaster.shared.Actor;
import org.quartermaster.testing.AccessWorld;
import org.quartermaster.testing.TestDatabases;
import org.quartermaster.testing.TestServer;
import org.quartermaster.testing.TestServer.Reply;
import org.quartermaster.testing.TestServer.SignedIn;

/**
 * The downloads over HTTP: a file of exactly the rows the caller's list shows (CSV and JSON
 * lines alike), the list's filters, an attachment with its name, a 400 problem for a bad format
 * or filter before anything is streamed, signed-in callers only, and the journal's events for
 * auditors and administrators. The access matrix checks every caller's rows as well
 * ({@link MatrixExportEntries}).
 */
class ExportRoutesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Needs beyond one page of the export's reads, so that paging is crossed. */
    static final int EXTRA_NEEDS = 520;
    static TestServer server;
    static SignedIn owner;
    static SignedIn partner;
    static SignedIn stranger;

    @BeforeAll
    static void start() {
        server = TestServer.secured(TestDatabases.sqlite());
        AccessWorld.load(server.app());
        // a justification CSV must quote, and many needs of the owner released to the group
        server.app().needs().file(new FileNeed(AccessWorld.OWN, AccessWorld.ITEM, 7, "P1", AccessWorld.DUE,
                AccessWorld.DEPOT, "a, \"quoted\"\r\nsecond line", Set.of(AccessWorld.GROUP), true), Actor.SYSTEM);
        for (int i = 0; i < EXTRA_NEEDS; i++) {
            AccessWorld.need(server.app(), AccessWorld.OWN, Set.of(AccessWorld.GROUP), i % 2 == 0);
        }
        owner = server.signIn("olga", AccessWorld.OWN, Role.COORDINATOR);
        partner = server.signIn("piet", AccessWorld.PARTNER, Role.VIEWER);
        stranger = server.signIn("uwe", AccessWorld.UNRELATED, Role.VIEWER);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static Map<String, String> as(SignedIn s) {
        return Map.of("Cookie", s.cookie());
    }

    /** The ids of the caller's list, through every page. */
    private static Set<String> listed(String path, SignedIn s) {
        Set<String> ids = new TreeSet<>();
        String after = null;
        do {
            JsonNode page = server.get(path + (path.contains("?") ? "&" : "?") + "limit=500"
                    + (after == null ? "" : "&after=" + after), as(s)).json();
            page.get("items").forEach(row -> ids.add(row.get("id").asText()));
            after = page.get("next") == null || page.get("next").isNull() ? null : page.get("next").asText();
        } while (after != null);
        return ids;
    }

    private static Set<String> csvIds(Reply r, List<String> columns) {
        List<List<String>> rows = MatrixExportEntries.csv(r.body());
        assertThat(rows.get(0)).isEqualTo(columns);
        Set<String> ids = new TreeSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).hasSize(columns.size());
            ids.add(row.get(columns.indexOf("id")));
        }
        assertThat(ids).hasSize(rows.size() - 1);
        return ids;
    }

    private static List<JsonNode> lines(Reply r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.body().split("\n")) if (!line.isEmpty()) out.add(JSON.readTree(line));
        return out;
    }

    @Test
    void eachCallerDownloadsExactlyTheNeedsItsListShows() throws Exception {
        Map<String, Set<String>> seen = new HashMap<>();
        for (SignedIn s : List.of(owner, partner, stranger)) {
            Reply csv = server.get(NeedsExport.PATH + "?format=csv", as(s));
            assertThat(csv.status()).as(csv.body()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"needs.csv\"");
            Set<String> ids = csvIds(csv, NeedsExport.COLUMNS);
            assertThat(ids).as(s.user()).isEqualTo(listed("/api/v1/needs", s));
            Reply json = server.get(NeedsExport.PATH + "?format=json", as(s));
            assertThat(json.header("Content-Type")).startsWith("application/x-ndjson");
            assertThat(json.header("Content-Disposition")).isEqualTo("attachment; filename=\"needs.jsonl\"");
            Set<String> jsonIds = new TreeSet<>();
            for (JsonNode row : lines(json)) {
                List<String> names = new ArrayList<>();
                row.fieldNames().forEachRemaining(names::add);
                assertThat(names).isEqualTo(NeedsExport.COLUMNS);
                jsonIds.add(row.get("id").asText());
            }
            assertThat(jsonIds).isEqualTo(ids);
            seen.put(s.user(), ids);
        }
        // the owner sees its 520 extra needs and the world's; the others see fewer, and not the same
        assertThat(seen.get("olga").size()).isGreaterThan(EXTRA_NEEDS);
        assertThat(seen.get("piet")).isNotEqualTo(seen.get("olga"));
        assertThat(seen.get("uwe").size()).isLessThan(seen.get("piet").size());
    }

    @Test
    void aFieldWithCommasQuotesAndLineBreaksSurvivesBothFormats() throws Exception {
        List<List<String>> rows = MatrixExportEntries.csv(server.get(NeedsExport.PATH, as(owner)).body());
        int justification = NeedsExport.COLUMNS.indexOf("justification");
        assertThat(rows).extracting(r -> r.get(justification)).contains("a, \"quoted\"\r\nsecond line");
        assertThat(lines(server.get(NeedsExport.PATH + "?format=json", as(owner))))
                .extracting(r -> r.get("justification").asText()).contains("a, \"quoted\"\r\nsecond line");
    }

    @Test
    void theListsFiltersApply() {
        Reply open = server.get(NeedsExport.PATH + "?status=OPEN&priority=2&requester=" + AccessWorld.OWN, as(partner));
        assertThat(open.status()).isEqualTo(200);
        List<List<String>> rows = MatrixExportEntries.csv(open.body());
        assertThat(rows.size()).isGreaterThan(1);
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row.get(NeedsExport.COLUMNS.indexOf("status"))).isEqualTo("OPEN");
            assertThat(row.get(NeedsExport.COLUMNS.indexOf("priority"))).isEqualTo("P2");
            assertThat(row.get(NeedsExport.COLUMNS.indexOf("requester"))).isEqualTo(AccessWorld.OWN);
        }
        assertThat(csvIds(open, NeedsExport.COLUMNS)).isEqualTo(listed("/api/v1/needs?status=OPEN&priority=2&requester="
                + AccessWorld.OWN, partner));
        Reply offers = server.get(OffersExport.PATH + "?donor=" + AccessWorld.PARTNER, as(partner));
        assertThat(csvIds(offers, OffersExport.COLUMNS)).isNotEmpty()
                .isEqualTo(listed("/api/v1/offers?donor=" + AccessWorld.PARTNER, partner));
    }

    @Test
    void eachCallerDownloadsExactlyTheOffersItsListShows() {
        for (SignedIn s : List.of(owner, partner, stranger)) {
            Reply csv = server.get(OffersExport.PATH + "?format=CSV", as(s));
            assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"offers.csv\"");
            assertThat(csvIds(csv, OffersExport.COLUMNS)).as(s.user()).isEqualTo(listed("/api/v1/offers", s));
        }
    }

    @Test
    void aBadFormatOrFilterIsAProblemAndNobodyUnsignedDownloads() {
        // a parameter's problem is a 400 naming it (the house rule for query parameters)
        for (String bad : List.of("format=xlsx", "priority=9", "status=LOST", "dueBefore=yesterday")) {
            Reply r = server.get(NeedsExport.PATH + "?" + bad, as(owner));
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("errors").get(0).get("parameter").asText()).isEqualTo(bad.split("=")[0]);
            assertThat(r.header("Content-Disposition")).isNull();
        }
        assertThat(server.get(NeedsExport.PATH, Map.of()).status()).isEqualTo(401);
        assertThat(server.get(OffersExport.PATH, Map.of()).status()).isEqualTo(401);
        assertThat(server.get(JournalExport.PATH, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void auditorsAndAdministratorsDownloadTheJournalEventsTheyMaySee() throws Exception {
        assertThat(server.get(JournalExport.PATH, as(owner)).status()).isEqualTo(403);
        SignedIn auditor = server.signIn("aud", AccessWorld.PARTNER, Role.AUDITOR);
        Reply csv = server.get(JournalExport.PATH, as(auditor));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"journal.csv\"");
        List<List<String>> rows = MatrixExportEntries.csv(csv.body());
        assertThat(rows.get(0)).isEqualTo(JournalExport.COLUMNS);
        List<Long> sequences = rows.subList(1, rows.size()).stream().map(r -> Long.parseLong(r.get(0))).toList();
        // the feed, page by page, is the same list of events
        List<Long> feed = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = server.get("/api/v1/feed?limit=500" + (after == null ? "" : "&after=" + after),
                    as(auditor)).json();
            page.get("items").forEach(e -> feed.add(e.get("sequence").asLong()));
            after = page.get("next") == null || page.get("next").isNull() ? null : page.get("next").asText();
        } while (after != null);
        assertThat(sequences).isNotEmpty().isEqualTo(feed);
        assertThat(sequences.size()).isLessThan((int) server.app().journal().size());
        // JSON lines carry the payload as an object; after= starts later
        List<JsonNode> json = lines(server.get(JournalExport.PATH + "?format=json&after=" + sequences.get(2),
                as(auditor)));
        assertThat(json).extracting(e -> e.get("sequence").asLong()).isEqualTo(sequences.subList(3, sequences.size()));
        assertThat(json.get(0).get("payload").isObject()).isTrue();
        assertThat(server.get(JournalExport.PATH + "?after=x", as(auditor)).status()).isEqualTo(400);
        SignedIn admin = server.signIn("adam", AccessWorld.OWN, Role.ADMIN);
        assertThat(server.get(JournalExport.PATH + "?format=json", as(admin)).status()).isEqualTo(200);
    }

    @Test
    void theListPagesLinkToTheirDownloadsWithTheirFilters() {
        Map<String, String> page = new HashMap<>(as(owner));
        page.put("Accept", "text/html");
        Reply needs = server.get("/needs?status=OPEN", page);
        assertThat(needs.body()).contains("href=\"/api/v1/exports/needs?status=OPEN&amp;format=csv\"",
                "href=\"/api/v1/exports/needs?status=OPEN&amp;format=json\"");
        Reply offers = server.get("/offers", page);
        assertThat(offers.body()).contains("href=\"/api/v1/exports/offers?format=csv\"");
        Reply followed = server.get("/api/v1/exports/needs?status=OPEN&format=csv", as(owner));
        assertThat(csvIds(followed, NeedsExport.COLUMNS)).isEqualTo(listed("/api/v1/needs?status=OPEN", owner));
    }

    @Test
    void theOpenApiDocumentDescribesTheDownloads() {
        JsonNode doc = server.get("/api/openapi.json").json();
        for (String path : List.of(NeedsExport.PATH, OffersExport.PATH, JournalExport.PATH)) {
            JsonNode content = doc.get("paths").get(path).get("get").get("responses").get("200").get("content");
            assertThat(content.has("text/csv")).as(path).isTrue();
            assertThat(content.has("application/x-ndjson")).as(path).isTrue();
        }
    }
}
