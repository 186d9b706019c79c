package org.quartermaster.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartermaster.catalog.model.Item;
import org.quartermaster.needs.model.Need;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.testing.TestServer;
import org.quartermaster.testing.TestServer.Reply;
import org.quartermaster.testing.UiFixture;

/** The web UI over HTTP: pages, partials, paging, languages, HTML errors and escaping. */
class PagesHttpTest {
    private static final Map<String, String> BROWSER = Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    private static TestServer server;
    private static UiFixture.World world;

    @BeforeAll
    static void start() {
        server = TestServer.sqlite();
        world = UiFixture.load(server.app());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Reply page(String path, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(BROWSER);
        all.putAll(headers);
        return server.send("GET", path, null, all);
    }

    private static Reply page(String path) {
        return page(path, Map.of());
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/needs", "/needs/N-000001", "/offers", "/offers/O-000001", "/items", "/organisations",
            "/needs?status=OPEN&priority=1", "/offers?donor=DEU-MOD"})
    void servesEveryPageAsEnglishHtml(String path) {
        Reply r = page(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body()).startsWith("<!doctype html>").contains("<html lang=\"en\">")
                .contains("href=\"/static/qm.css\"").contains("/webjars/htmx.org/2.0.8/dist/htmx.min.js");
    }

    @Test
    void escapesUserTextOnTheNeedPageAndInTheHistory() {
        Reply filed = server.post("/api/v1/needs", """
                {"requester":"UKR-MOD","item":"MED-IFAK","quantity":10,"priority":"P2","dueDate":"2027-01-15",
                 "destination":"UA-LVIV-DEPOT","justification":"<script>alert('x')</script> & \\"quotes\\"","submit":true}""");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String id = filed.json().get("id").asText();

        Reply r = page("/needs/" + id);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
        // once in the justification, once in the NeedFiled event's fields
        assertThat(count(r.body(), "&lt;script&gt;")).isEqualTo(2);
    }

    @Test
    void showsANeedsOffersAndHistory() {
        Offer accepted = world.offers().get(1);  // the fixture accepts its second offer
        assertThat(accepted.status().name()).isEqualTo("ACCEPTED");
        Reply r = page("/needs/" + accepted.need());
        assertThat(r.body()).contains("href=\"/offers/" + accepted.publicId() + "\"").contains("Need filed")
                .contains("Status changed").contains("(offer " + accepted.publicId() + " accept)")
                .doesNotContain("No offer has been made");
        assertThat(page("/offers/" + accepted.publicId()).body()).contains("href=\"/needs/" + accepted.need() + "\"")
                .contains("Offer made").contains("Accepted");
    }

    @Test
    void answersAnUnknownNeedWithAnHtmlNotFoundPage() {
        Reply r = page("/needs/N-999999");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body()).contains("Page not found").contains("need N-999999 does not exist");
        Reply offer = page("/offers/O-999999", Map.of("Accept-Language", "fr"));
        assertThat(offer.status()).isEqualTo(404);
        assertThat(offer.body()).contains("Page introuvable");
    }

    @Test
    void keepsProblemJsonForTheApiEvenWhenHtmlIsAccepted() {
        Reply r = page("/api/v1/needs/N-999999");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(server.get("/needs/N-999999").header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void answersAnUnknownPathWithAnHtmlNotFoundPage() {
        Reply r = page("/no/such/page");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body()).contains("Page not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/needs?status=BOGUS", "/needs?priority=9", "/needs?priority=x", "/needs?after=nonsense",
            "/offers?status=LOST", "/needs/X-1"})
    void answersBadFiltersWithAnHtmlClientError(String path) {
        Reply r = page(path);
        assertThat(r.status()).as(path).isBetween(400, 404);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void filtersNeedsByPriority() {
        Reply r = page("/needs?priority=1");
        long expected = world.needs().stream().filter(n -> n.priority().rank() == 1).count();
        assertThat(expected).isPositive();
        assertThat(count(r.body(), "<span class=\"prio p1\">")).isEqualTo((int) expected);
        assertThat(r.body()).doesNotContain("<span class=\"prio p2\">").contains("<option value=\"1\" selected>");
    }

    @Test
    void pagesTheNeedListWithACursorAndAnHtmxPartial() {
        Reply first = page("/needs");
        // 31 or more needs are filed (30 by the fixture); a page holds 25
        assertThat(count(first.body(), "<a class=\"id\" href=\"/needs/")).isEqualTo(25);
        Matcher next = Pattern.compile("hx-get=\"(/needs\\?after=[^\"]+)\"").matcher(first.body());
        assertThat(next.find()).as("a next-page link").isTrue();

        Reply second = page(next.group(1).replace("&amp;", "&"), Map.of("HX-Request", "true"));

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).startsWith("<div id=\"needs-table\"").doesNotContain("<html");
        int total = server.app().needs().countByStatus().values().stream().mapToInt(Long::intValue).sum();
        assertThat(count(second.body(), "<a class=\"id\" href=\"/needs/")).isEqualTo(total - 25);
    }

    @Test
    void choosesTheLanguageFromTheCookieThenTheBrowser() {
        assertThat(page("/needs", Map.of("Accept-Language", "uk-UA,uk;q=0.9,en;q=0.5")).body())
                .contains("<html lang=\"uk\">").contains("<h1>Потреби</h1>");
        assertThat(page("/needs", Map.of("Accept-Language", "de-DE,fr;q=0.7")).body()).contains("<h1>Besoins</h1>");
        assertThat(page("/needs", Map.of("Accept-Language", "uk", "Cookie", "lang=fr")).body())
                .contains("<h1>Besoins</h1>");
        assertThat(page("/needs", Map.of("Accept-Language", ";;;=,", "Cookie", "lang=xx")).body())
                .contains("<h1>Needs</h1>");
    }

    @Test
    void switchesLanguageWithACookieAndGoesBackToTheSamePage() {
        Reply r = page("/lang/uk", Map.of("Referer", server.base() + "/needs?priority=1"));
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).isEqualTo("/needs?priority=1");
        assertThat(r.header("Set-Cookie")).startsWith("lang=uk;").contains("Path=/");

        Reply elsewhere = page("/lang/fr", Map.of("Referer", "https://evil.example//attack"));
        assertThat(elsewhere.header("Location")).isEqualTo("/");
        assertThat(page("/lang/xx").status()).isEqualTo(400);
    }

    @Test
    void namesCpvCodesInTheReadersLanguage() {
        assertThat(page("/items").body()).contains("Ammunition for firearms and warfare");
        assertThat(page("/items", Map.of("Cookie", "lang=uk")).body())
                .contains("Боєприпаси для вогнепальної зброї та бойової техніки").contains("<h1>Каталог</h1>");
    }

    @Test
    void servesTheCoverageChartDataAsJson() {
        JsonNode chart = server.get("/api/v1/dashboard/coverage").json();
        Map<String, String> categoryOf = new HashMap<>();
        for (Item i : server.app().catalog().all()) categoryOf.put(i.code(), i.category().name());
        Map<String, Long> askedByCategory = new HashMap<>();
        for (Need n : world.needs()) {
            if (!"DRAFT".equals(n.status().name())) askedByCategory.merge(categoryOf.get(n.item()), n.quantity(), Long::sum);
        }
        // 5 priorities x 3 measures
        assertThat(chart.get("series")).hasSize(15);
        for (int c = 0; c < chart.get("categories").size(); c++) {
            String category = chart.get("categories").get(c).asText();
            long asked = 0;
            for (JsonNode s : chart.get("series")) {
                if ("asked".equals(s.get("measure").asText())) asked += s.get("values").get(c).asLong();
            }
            assertThat(asked).as(category).isGreaterThanOrEqualTo(askedByCategory.getOrDefault(category, 0L));
        }
        assertThat(chart.get("categories")).hasSize(askedByCategory.size());
        long covered = 0;
        for (JsonNode s : chart.get("series")) {
            if ("covered".equals(s.get("measure").asText())) for (JsonNode v : s.get("values")) covered += v.asLong();
        }
        assertThat(covered).isPositive();
    }

    @Test
    void documentsTheChartRouteButNotThePages() {
        String openApi = server.get("/api/openapi.json").body();
        assertThat(openApi).contains("/api/v1/dashboard/coverage").doesNotContain("\"/needs/{id}\"");
    }

    @Test
    void rendersTheChartDataIntoTheDashboard() {
        Reply r = page("/");
        assertThat(r.body()).contains("id=\"coverage-chart\"").contains("data-chart=\"{&#34;categories&#34;")
                .contains("/webjars/echarts/5.3.1/dist/echarts.min.js");
    }

    @Test
    void servesTheScriptsFromWebJars() {
        assertThat(server.get("/webjars/echarts/5.3.1/dist/echarts.min.js").status()).isEqualTo(200);
        assertThat(server.get("/webjars/htmx.org/2.0.8/dist/htmx.min.js").status()).isEqualTo(200);
        assertThat(server.get("/static/dashboard.js").status()).isEqualTo(200);
    }
}
