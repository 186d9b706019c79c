package org.quartermaster.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP contract of the catalogue, parties, needs, offers, feed and history routes: happy
 * paths and every kind of bad input, each refused with a problem and without any change. Runs
 * once per database (see the subclasses).
 */
abstract class ApiContract extends ApiSupport {

    @Nested
    class Items {
        @Test
        void definesReadsListsAndChangesAnItem() {
            String code = unique("AMMO");
            String gun = item(true);
            JsonNode made = created(http.post("/api/v1/items", """
                    {"code":"%s","name":"155 mm HE","unit":"H87","nsn":"1320-01-234-5678","cpv":"35331000-3",
                     "category":"AMMUNITION","lethal":true,"compatibleWith":[{"item":"%s","penalty":5}]}"""
                    .formatted(code, gun)));
            assertThat(made.get("version").asLong()).isEqualTo(1);
            assertThat(made.get("cpvName").asText()).isNotBlank();
            assertThat(made.get("compatibleWith").get(0).get("item").asText()).isEqualTo(gun);
            assertThat(read("/api/v1/items/" + code)).isEqualTo(made);

            List<JsonNode> ammunition = listAll("/api/v1/items?category=AMMUNITION&lethal=true&q=" + code.toLowerCase());
            assertThat(ammunition).extracting(i -> i.get("code").asText()).containsExactly(code);
            assertThat(listAll("/api/v1/items?lethal=false")).extracting(i -> i.get("code").asText())
                    .doesNotContain(code, gun);

            Http1.Reply changed = http.put("/api/v1/items/" + code, """
                    {"name":"155 mm HE M107","unit":"H87","category":"AMMUNITION","lethal":true,"version":1}""");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().get("version").asLong()).isEqualTo(2);
            assertThat(changed.json().get("compatibleWith")).isEmpty();
            assertThat(read("/api/v1/items/" + code).get("name").asText()).isEqualTo("155 mm HE M107");
        }

        @Test
        void refusesAStaleChange() {
            String code = item(false);
            String body = """
                    {"name":"renamed","unit":"H87","category":"MEDICAL","lethal":false,"version":1}""";
            assertThat(http.put("/api/v1/items/" + code, body).status()).isEqualTo(200);
            JsonNode p = problem(refused(() -> http.put("/api/v1/items/" + code, body)), 409);
            assertThat(p.get("type").asText()).endsWith("stale-record");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "bad NSN                | \"nsn\":\"1320-1-234-5678\"        | /nsn",
                "NSN with letters       | \"nsn\":\"13A0-01-234-5678\"       | /nsn",
                "CPV of the wrong shape | \"cpv\":\"3533100-3\"             | /cpv",
                "CPV not in the list    | \"cpv\":\"35331000-4\"            | /cpv",
                "unknown unit           | \"unit\":\"XYZZY\"                | /unit",
                "lower-case code        | \"code\":\"ammo\"                 | /code",
                "unknown category       | \"category\":\"SPACESHIPS\"       | /category",
                "lethal as a string     | \"lethal\":\"yes\"                | /lethal",
                "lethal missing         | \"lethal\":null                   | /lethal",
                "blank name             | \"name\":\"  \"                   | /name",
                "name too long          | \"name\":\"LONG\"                 | /name",
                "unknown field          | \"colour\":\"green\"              | /colour",
                "unknown compatible     | \"compatibleWith\":[{\"item\":\"NO-SUCH-ITEM\",\"penalty\":1}] | /compatibleWith",
                "penalty as text        | \"compatibleWith\":[{\"item\":\"X1\",\"penalty\":\"low\"}] | /compatibleWith/0/penalty",
                "null link              | \"compatibleWith\":[null]        | /compatibleWith/0",
                "link without penalty   | \"compatibleWith\":[{\"item\":\"X1\"}] | /compatibleWith/0/penalty",
                "link to a bad code     | \"compatibleWith\":[{\"item\":\"x\",\"penalty\":1}] | /compatibleWith/0/item",
                "penalty out of range   | \"compatibleWith\":[{\"item\":\"X1\",\"penalty\":1001}] | /compatibleWith/0/penalty",
        })
        void refusesABadItemPointingAtTheField(String why, String override, String pointer) {
            String json = override.replace("LONG", "N".repeat(201));
            String body = itemWith(unique("ITX"), json);
            fieldProblem(refused(() -> http.post("/api/v1/items", body)), pointer);
        }

        @Test
        void refusesADuplicateCode() {
            String code = item(false);
            fieldProblem(refused(() -> http.post("/api/v1/items", itemWith(code, "\"lethal\":false"))), "/code");
        }

        @Test
        void answers404ForAnUnknownItem() {
            problem(http.get("/api/v1/items/NO-SUCH-ITEM"), 404);
            problem(refused(() -> http.put("/api/v1/items/NO-SUCH-ITEM", """
                    {"name":"x","unit":"H87","category":"MEDICAL","lethal":false,"version":1}""")), 404);
        }

        @Test
        void refusesChangingTheCode() {
            String code = item(false);
            fieldProblem(refused(() -> http.put("/api/v1/items/" + code, """
                    {"code":"OTHER-CODE","name":"x","unit":"H87","category":"MEDICAL","lethal":false,"version":1}""")),
                    "/code");
        }

        private String itemWith(String code, String override) {
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            fields.put("code", "\"" + code + "\"");
            fields.put("name", "\"Item\"");
            fields.put("unit", "\"H87\"");
            fields.put("category", "\"MEDICAL\"");
            fields.put("lethal", "false");
            String key = override.substring(1, override.indexOf('"', 1));
            fields.put(key, override.substring(override.indexOf(':') + 1));
            StringBuilder out = new StringBuilder("{");
            fields.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
            return out.append('}').toString();
        }
    }

    @Nested
    class Organisations {
        @Test
        void registersReadsListsAndChangesAnOrganisation() {
            String code = unique("MOD");
            JsonNode made = created(http.post("/api/v1/organisations", """
                    {"code":"%s","name":"Ministry","kind":"RECIPIENT","country":"UKR","groups":["UDCG"],
                     "ncage":"U1234"}""".formatted(code)));
            assertThat(read("/api/v1/organisations/" + code)).isEqualTo(made);
            assertThat(listAll("/api/v1/organisations?kind=RECIPIENT&group=UDCG"))
                    .extracting(o -> o.get("code").asText()).contains(code);
            assertThat(listAll("/api/v1/organisations?kind=FUND")).extracting(o -> o.get("code").asText())
                    .doesNotContain(code);
            Http1.Reply changed = http.put("/api/v1/organisations/" + code, """
                    {"name":"Ministry of Defence","kind":"RECIPIENT","country":"UKR","groups":["UDCG","EU"],
                     "version":1}""");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().get("groups")).hasSize(2);
            problem(refused(() -> http.put("/api/v1/organisations/" + code, """
                    {"name":"Stale","kind":"RECIPIENT","country":"UKR","version":1}""")), 409);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "two-letter country  | \"kind\":\"RECIPIENT\",\"country\":\"UA\"             | /country",
                "unknown country     | \"kind\":\"RECIPIENT\",\"country\":\"XXX\"            | /country",
                "lower-case country  | \"kind\":\"RECIPIENT\",\"country\":\"ukr\"            | /country",
                "unknown kind        | \"kind\":\"PIRATE\",\"country\":\"UKR\"               | /kind",
                "missing kind        | \"country\":\"UKR\"                                  | /kind",
                "lower-case group    | \"kind\":\"FUND\",\"country\":\"UKR\",\"groups\":[\"nato\"] | /groups",
                "groups not an array | \"kind\":\"FUND\",\"country\":\"UKR\",\"groups\":\"NATO\"   | /groups",
                "bad NCAGE           | \"kind\":\"SUPPLIER\",\"country\":\"UKR\",\"ncage\":\"12\"  | /ncage",
        })
        void refusesABadOrganisation(String why, String fields, String pointer) {
            String body = "{\"code\":\"" + unique("ORGX") + "\",\"name\":\"Org\"," + fields + "}";
            fieldProblem(refused(() -> http.post("/api/v1/organisations", body)), pointer);
        }

        @Test
        void answers404ForAnUnknownOrganisation() {
            problem(http.get("/api/v1/organisations/NO-SUCH-ORG"), 404);
        }
    }

    @Nested
    class Locations {
        @Test
        void addsReadsAndListsALocation() {
            String org = organisation("RECIPIENT");
            String code = location(org);
            JsonNode read = read("/api/v1/locations/" + code);
            assertThat(read.get("organisation").asText()).isEqualTo(org);
            assertThat(listAll("/api/v1/locations?kind=DEPOT&country=UKR")).extracting(l -> l.get("code").asText())
                    .contains(code);
            assertThat(listAll("/api/v1/locations?country=POL")).extracting(l -> l.get("code").asText())
                    .doesNotContain(code);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "unknown organisation | \"country\":\"UKR\",\"kind\":\"HUB\",\"organisation\":\"NO-SUCH-ORG\" | /organisation",
                "bad country          | \"country\":\"ZZZ\",\"kind\":\"HUB\"                                | /country",
                "unknown kind         | \"country\":\"UKR\",\"kind\":\"CASTLE\"                             | /kind",
        })
        void refusesABadLocation(String why, String fields, String pointer) {
            String body = "{\"code\":\"" + unique("LOCX") + "\",\"name\":\"Hub\"," + fields + "}";
            fieldProblem(refused(() -> http.post("/api/v1/locations", body)), pointer);
        }

        @Test
        void answers404ForAnUnknownLocation() {
            problem(http.get("/api/v1/locations/NO-SUCH-LOC"), 404);
        }
    }

    @Nested
    class Needs {
        @Test
        void filesSubmitsChangesAndCancelsANeed() {
            World w = world();
            JsonNode draft = need(w, 100, false);
            assertThat(draft.get("id").asText()).matches("N-\\d{6,}");
            assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
            JsonNode open = step("needs", draft, "submit");
            assertThat(open.get("status").asText()).isEqualTo("OPEN");
            Http1.Reply changed = http.patch("/api/v1/needs/" + open.get("id").asText(),
                    "{\"quantity\":120,\"priority\":\"P1\",\"version\":" + open.get("version") + "}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().get("quantity").asLong()).isEqualTo(120);
            assertThat(changed.json().get("priority").asText()).isEqualTo("P1");
            JsonNode cancelled = step("needs", changed.json(), "cancel");
            assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
            assertThat(read("/api/v1/needs/" + draft.get("id").asText())).isEqualTo(cancelled);
        }

        @Test
        void listsNeedsByEachFilter() {
            World w = world();
            JsonNode a = need(w, 10, true);
            JsonNode b = need(w, 20, false);
            String id = a.get("id").asText();
            assertThat(ids("/api/v1/needs?item=" + w.item())).containsExactly(id, b.get("id").asText());
            assertThat(ids("/api/v1/needs?item=" + w.item() + "&status=OPEN")).containsExactly(id);
            assertThat(ids("/api/v1/needs?requester=" + w.recipient() + "&status=DRAFT"))
                    .containsExactly(b.get("id").asText());
            assertThat(ids("/api/v1/needs?destination=" + w.location() + "&priority=2")).hasSize(2);
            assertThat(ids("/api/v1/needs?item=" + w.item() + "&priority=1")).isEmpty();
            assertThat(ids("/api/v1/needs?item=" + w.item() + "&dueBefore=2027-04-01")).hasSize(2);
            assertThat(ids("/api/v1/needs?item=" + w.item() + "&dueBefore=2027-03-31")).isEmpty();
        }

        @Test
        void pagesThrough120NeedsWithACursorSeeingEachOnce() {
            World w = world();
            List<String> filed = new ArrayList<>();
            for (int i = 0; i < 120; i++) filed.add(need(w, i + 1, true).get("id").asText());
            List<String> seen = new ArrayList<>();
            String after = null;
            int pages = 0;
            do {
                JsonNode page = read("/api/v1/needs?item=" + w.item() + "&limit=50" + (after == null ? "" : "&after=" + after));
                page.get("items").forEach(n -> seen.add(n.get("id").asText()));
                after = page.hasNonNull("next") ? page.get("next").asText() : null;
                pages++;
            } while (after != null);
            assertThat(pages).as("120 needs in pages of 50").isEqualTo(3);
            assertThat(seen).containsExactlyElementsOf(filed);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "zero quantity        | quantity      | 0                   | /quantity",
                "negative quantity    | quantity      | -5                  | /quantity",
                "fractional quantity  | quantity      | 1.5                 | /quantity",
                "quantity as text     | quantity      | \"10\"              | /quantity",
                "quantity too large   | quantity      | 1000000001          | /quantity",
                "quantity beyond long | quantity      | 99999999999999999999 | /quantity",
                "quantity null        | quantity      | null                | /quantity",
                "unknown item         | item          | \"NO-SUCH-ITEM\"    | /item",
                "unknown requester    | requester     | \"NO-SUCH-ORG\"     | /requester",
                "unknown destination  | destination   | \"NO-SUCH-LOC\"     | /destination",
                "priority P9          | priority      | \"P9\"              | /priority",
                "date not a date      | dueDate       | \"tomorrow\"        | /dueDate",
                "impossible date      | dueDate       | \"2027-02-30\"      | /dueDate",
                "submit as text       | submit        | \"yes\"             | /submit",
                "releasable not array | releasableTo  | \"NATO\"            | /releasableTo",
                "releasable with null | releasableTo  | [null]              | /releasableTo",
                "releasable comma     | releasableTo  | [\"NATO,EU\"]     | /releasableTo",
                "releasable blank     | releasableTo  | [\"\"]            | /releasableTo",
                "justification too long | justification | \"LONG\"       | /justification",
                "unknown field        | colour        | \"green\"           | /colour",
        })
        void refusesABadNeedPointingAtTheField(String why, String field, String value, String pointer) {
            World w = world();
            String body = replaceField(needBody(w, 10, true), field, value.replace("LONG", "j".repeat(4001)));
            fieldProblem(refused(() -> http.post("/api/v1/needs", body)), pointer);
        }

        @Test
        void refusesAnIllegalTransitionWith409() {
            JsonNode open = need(world(), 10, true);
            JsonNode p = problem(refused(() -> http.post("/api/v1/needs/" + open.get("id").asText() + "/close",
                    "{\"version\":" + open.get("version") + "}")), 409);
            assertThat(p.get("type").asText()).endsWith("illegal-transition");
            problem(refused(() -> http.post("/api/v1/needs/" + open.get("id").asText() + "/submit",
                    "{\"version\":" + open.get("version") + "}")), 409);
        }

        @Test
        void refusesAStaleVersionWith409() {
            JsonNode draft = need(world(), 10, false);
            String id = draft.get("id").asText();
            step("needs", draft, "submit");
            problem(refused(() -> http.post("/api/v1/needs/" + id + "/cancel", "{\"version\":1}")), 409);
            problem(refused(() -> http.patch("/api/v1/needs/" + id, "{\"quantity\":5,\"version\":1}")), 409);
        }

        @ParameterizedTest(name = "version {0}")
        @ValueSource(strings = {"{}", "{\"version\":0}", "{\"version\":-1}", "{\"version\":\"1\"}"})
        void refusesAMissingOrBadVersion(String body) {
            JsonNode draft = need(world(), 10, false);
            fieldProblem(refused(() -> http.post("/api/v1/needs/" + draft.get("id").asText() + "/submit", body)),
                    "/version");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"N-999999", "N-0", "N-", "X-000001", "garbage", "N-00000000000000000000000001"})
        void answers404ForAnUnknownNeed(String id) {
            problem(http.get("/api/v1/needs/" + id), 404);
            problem(refused(() -> http.patch("/api/v1/needs/" + id, "{\"quantity\":5,\"version\":1}")), 404);
            problem(refused(() -> http.post("/api/v1/needs/" + id + "/cancel", "{\"version\":1}")), 404);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "status=LOST | status", "priority=9 | priority", "priority=high | priority",
                "dueBefore=soon | dueBefore", "limit=0 | limit", "limit=501 | limit", "limit=ten | limit",
                "after=!!! | after", "after=dDEy | after", "after=cy0x | after", "after=cy1x | after",
        })
        void answers400ForABadQueryParameter(String query, String parameter) {
            parameterProblem(http.get("/api/v1/needs?" + query), parameter);
        }

        private List<String> ids(String path) {
            return listAll(path).stream().map(n -> n.get("id").asText()).toList();
        }
    }

    @Nested
    class Offers {
        @Test
        void walksAPledgedOfferThroughItsLifecycleMovingTheNeed() {
            World w = world();
            JsonNode need = need(w, 100, true);
            String needId = need.get("id").asText();
            JsonNode offer = offer(w, 40, needId);
            assertThat(offer.get("status").asText()).isEqualTo("OFFERED");
            assertThat(read("/api/v1/needs/" + needId).get("coveredQuantity").asLong()).isZero();

            JsonNode accepted = step("offers", offer, "accept");
            assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
            JsonNode n = read("/api/v1/needs/" + needId);
            assertThat(n.get("status").asText()).isEqualTo("PARTLY_COVERED");
            assertThat(n.get("coveredQuantity").asLong()).isEqualTo(40);

            JsonNode rest = step("offers", offer(w, 60, needId), "accept");
            assertThat(read("/api/v1/needs/" + needId).get("status").asText()).isEqualTo("COVERED");

            JsonNode delivered = step("offers", step("offers", step("offers", accepted, "commit"), "ship"), "deliver");
            assertThat(delivered.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(read("/api/v1/needs/" + needId).get("deliveredQuantity").asLong()).isEqualTo(40);

            step("offers", rest, "withdraw");
            n = read("/api/v1/needs/" + needId);
            assertThat(n.get("coveredQuantity").asLong()).as("withdrawing uncovers").isEqualTo(40);
            assertThat(n.get("status").asText()).isEqualTo("PARTLY_COVERED");
            List<String> types = new ArrayList<>();
            read("/api/v1/history/" + needId).get("events").forEach(e -> types.add(e.get("type").asText()));
            assertThat(types).first().isEqualTo("NeedFiled");
            assertThat(types).hasSize(5);
        }

        @Test
        void declinesAnOpenOfferAndListsOffersByEachFilter() {
            World w = world();
            JsonNode need = need(w, 50, true);
            JsonNode pledged = offer(w, 10, need.get("id").asText());
            JsonNode loose = offer(w, 5, null);
            step("offers", loose, "decline");
            assertThat(offerIds("/api/v1/offers?item=" + w.item())).containsExactly(id(pledged), id(loose));
            assertThat(offerIds("/api/v1/offers?donor=" + w.donor() + "&status=DECLINED")).containsExactly(id(loose));
            assertThat(offerIds("/api/v1/offers?need=" + id(need))).containsExactly(id(pledged));
            assertThat(offerIds("/api/v1/offers?item=" + w.item() + "&status=ACCEPTED")).isEmpty();
        }

        @Test
        void refusesAnAcceptanceThatWouldOverCoverTheNeed() {
            World w = world();
            JsonNode need = need(w, 10, true);
            JsonNode offer = offer(w, 11, id(need));
            JsonNode p = problem(refused(() -> http.post("/api/v1/offers/" + id(offer) + "/accept",
                    "{\"version\":1}")), 409);
            assertThat(p.get("type").asText()).endsWith("need-not-coverable");
        }

        @Test
        void refusesAnOfferOfAnItemThatCannotServeTheNeed() {
            World w = world();
            JsonNode need = need(w, 10, true);
            String other = item(false);
            fieldProblem(refused(() -> http.post("/api/v1/offers", offerBody(w, other, 5, id(need)))), "/need");
        }

        @Test
        void acceptsACompatibleItemForANeed() {
            World w = world();
            JsonNode need = need(w, 10, true);
            String substitute = unique("SUB");
            created(http.post("/api/v1/items", """
                    {"code":"%s","name":"Substitute","unit":"H87","category":"MEDICAL","lethal":false,
                     "compatibleWith":[{"item":"%s","penalty":10}]}""".formatted(substitute, w.item())));
            JsonNode offer = created(http.post("/api/v1/offers", offerBody(w, substitute, 5, id(need))));
            step("offers", offer, "accept");
            assertThat(read("/api/v1/needs/" + id(need)).get("coveredQuantity").asLong()).isEqualTo(5);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "zero quantity     | quantity       | 0                | /quantity",
                "negative quantity | quantity       | -1               | /quantity",
                "unknown donor     | donor          | \"NO-SUCH-ORG\"  | /donor",
                "unknown item      | item           | \"NO-SUCH-ITEM\" | /item",
                "unknown origin    | origin         | \"NO-SUCH-LOC\"  | /origin",
                "unknown need      | need           | \"N-999999\"     | /need",
                "need not an id    | need           | \"garbage\"      | /need",
                "bad condition     | condition      | \"SHINY\"        | /condition",
                "bad terms         | terms          | \"GIFT\"         | /terms",
                "missing date      | availableFrom  | null             | /availableFrom",
                "unknown field     | price          | 100              | /price",
                "releasable null   | releasableTo   | [null]           | /releasableTo",
                "releasable lower  | releasableTo   | [\"nato\"]     | /releasableTo",
        })
        void refusesABadOfferPointingAtTheField(String why, String field, String value, String pointer) {
            World w = world();
            String body = replaceField(offerBody(w, w.item(), 5, null), field, value);
            fieldProblem(refused(() -> http.post("/api/v1/offers", body)), pointer);
        }

        @Test
        void refusesNonLethalOnlyForALethalItem() {
            World w = world();
            String lethal = item(true);
            String body = replaceField(offerBody(w, lethal, 5, null), "nonLethalOnly", "true");
            fieldProblem(refused(() -> http.post("/api/v1/offers", body)), "/nonLethalOnly");
        }

        @Test
        void refusesIllegalStepsAndStaleVersionsWith409() {
            World w = world();
            JsonNode offer = offer(w, 5, null);
            for (String action : List.of("commit", "ship", "deliver")) {
                JsonNode p = problem(refused(() -> http.post("/api/v1/offers/" + id(offer) + "/" + action,
                        "{\"version\":1}")), 409);
                assertThat(p.get("type").asText()).endsWith("illegal-transition");
            }
            step("offers", offer, "accept");
            problem(refused(() -> http.post("/api/v1/offers/" + id(offer) + "/withdraw", "{\"version\":1}")), 409);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"O-999999", "O-0", "N-000001", "nothing"})
        void answers404ForAnUnknownOffer(String id) {
            problem(http.get("/api/v1/offers/" + id), 404);
            problem(refused(() -> http.post("/api/v1/offers/" + id + "/accept", "{\"version\":1}")), 404);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "status=GONE | status", "need=garbage | need", "limit=-1 | limit", "after=%25%25 | after"})
        void answers400ForABadQueryParameter(String query, String parameter) {
            parameterProblem(http.get("/api/v1/offers?" + query), parameter);
        }

        private List<String> offerIds(String path) {
            return listAll(path).stream().map(ApiContract::id).toList();
        }
    }

    @Nested
    class FeedAndHistory {
        @Test
        void pagesTheFeedFromACursor() {
            item(false);
            item(false);
            JsonNode first = read("/api/v1/feed?limit=1");
            assertThat(first.get("items")).hasSize(1);
            String next = first.get("next").asText();
            JsonNode second = read("/api/v1/feed?limit=1&after=" + next);
            assertThat(second.get("items").get(0).get("sequence").asLong())
                    .isEqualTo(first.get("items").get(0).get("sequence").asLong() + 1);
            long size = journalSize();
            long total = 0;
            String after = null;
            do {
                JsonNode page = read("/api/v1/feed?limit=7" + (after == null ? "" : "&after=" + after));
                total += page.get("items").size();
                after = page.hasNonNull("next") ? page.get("next").asText() : null;
            } while (after != null);
            assertThat(total).isEqualTo(size);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {"after=xyz | after", "limit=0 | limit", "limit=1.5 | limit"})
        void answers400ForABadFeedParameter(String query, String parameter) {
            parameterProblem(http.get("/api/v1/feed?" + query), parameter);
        }

        @Test
        void showsTheHistoryOfARecordAndAnswers404ForAnUnknownOne() {
            String code = item(false);
            JsonNode history = read("/api/v1/history/" + code);
            assertThat(history.get("events")).hasSize(1);
            assertThat(history.get("events").get(0).get("type").asText()).isEqualTo("ItemDefined");
            problem(http.get("/api/v1/history/NO-SUCH-RECORD"), 404);
        }
    }

    // ---- helpers -------------------------------------------------------------------------

    static String id(JsonNode record) {
        return record.get("id").asText();
    }
}
