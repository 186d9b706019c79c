package org.quartermaster.funds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.testing.TestServer;
import org.quartermaster.testing.TestServer.Reply;

/** {@code POST /api/v1/transfer-batches} and single transfers under concurrency, over real HTTP. */
class TransferBatchApiTest {
    static TestServer s;
    static String member;
    static String envelope;
    static String sink;

    @BeforeAll
    static void start() {
        s = TestServer.sqlite();
        member = account("DEU", "CONTRIBUTIONS", false);
        envelope = account("EPF", "ENVELOPE-BATCH", true);
        sink = account("UKR", "RECEIVED", true);
        ok(s.post("/api/v1/transfers", """
                {"id":"seed","debit":"%s","credit":"%s","amountMinor":100,"currency":"EUR"}"""
                .formatted(member, envelope)), 201);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static String account(String owner, String purpose, boolean noNegative) {
        return ok(s.post("/api/v1/accounts", """
                {"owner":"%s","fund":"EPF","purpose":"%s","currency":"EUR","noNegative":%s}"""
                .formatted(owner, purpose, noNegative)), 201).json().get("id").asText();
    }

    static Reply ok(Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r;
    }

    static String transfer(String id, String debit, String credit, long amount, String currency) {
        return """
                {"id":"%s","debit":"%s","credit":"%s","amountMinor":%d,"currency":"%s"}"""
                .formatted(id, debit, credit, amount, currency);
    }

    @Test
    void eachEntryHasItsOwnOutcomeAsIfPostedAlone() {
        Reply r = ok(s.post("/api/v1/transfer-batches", "{\"transfers\":["
                + transfer("b-1", member, sink, 10, "EUR") + ","
                + transfer("b-2", envelope, sink, 1_000_000, "EUR") + ","   // more than the envelope holds
                + transfer("b-3", member, sink, 5, "USD") + ","             // wrong currency
                + transfer("b-1", member, sink, 10, "EUR") + ","            // retry of b-1 in the same batch
                + transfer("b-1", member, sink, 11, "EUR") + ","            // b-1 with other content
                + transfer("b-4", envelope, sink, 40, "EUR") + "]}"), 200);
        JsonNode items = r.json().get("items");
        assertThat(items).hasSize(6);
        assertThat(items.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(items.get(0).get("transfer").get("id").asText()).isEqualTo("b-1");
        assertThat(items.get(1).get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(items.get(1).get("type").asText()).isEqualTo("insufficient-funds");
        assertThat(items.get(1).get("field").asText()).isEqualTo("amountMinor");
        assertThat(items.get(2).get("status").asInt()).isEqualTo(422);
        assertThat(items.get(2).get("type").asText()).isEqualTo("currency-mismatch");
        assertThat(items.get(3).get("outcome").asText()).isEqualTo("REPLAYED");
        assertThat(items.get(4).get("status").asInt()).isEqualTo(409);
        assertThat(items.get(5).get("outcome").asText()).isEqualTo("CREATED");
        ok(s.get("/api/v1/transfers/b-1"), 200);
        ok(s.get("/api/v1/transfers/b-4"), 200);
        assertThat(s.get("/api/v1/transfers/b-2").status()).isEqualTo(404);
        assertThat(s.get("/api/v1/transfers/b-3").status()).isEqualTo(404);
        // posting the same batch again replays the made ones and refuses the rest again
        JsonNode again = ok(s.post("/api/v1/transfer-batches", "{\"transfers\":["
                + transfer("b-1", member, sink, 10, "EUR") + "," + transfer("b-4", envelope, sink, 40, "EUR") + "]}"),
                200).json().get("items");
        assertThat(again.get(0).get("outcome").asText()).isEqualTo("REPLAYED");
        assertThat(again.get(1).get("outcome").asText()).isEqualTo("REPLAYED");
        assertThat(ok(s.get("/api/v1/ledger/verify"), 200).json().get("sound").asBoolean()).isTrue();
    }

    @Test
    void aMalformedEntryRefusesTheWholeRequestAndNamesIt() {
        Reply r = s.post("/api/v1/transfer-batches", "{\"transfers\":["
                + transfer("m-1", member, sink, 10, "EUR") + ","
                + transfer("m-2", member, "nonsense", 10, "EUR") + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/transfers/1/credit");
        assertThat(s.get("/api/v1/transfers/m-1").status()).isEqualTo(404);
        Reply missing = s.post("/api/v1/transfer-batches", "{\"transfers\":[{\"id\":\"m-3\",\"debit\":\"" + member
                + "\",\"credit\":\"" + sink + "\",\"currency\":\"EUR\"}]}");
        assertThat(missing.status()).as(missing.body()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/transfers/0/amountMinor");
        Reply amount = s.post("/api/v1/transfer-batches", "{\"transfers\":[" + transfer("m-4", member, sink, 0, "EUR") + "]}");
        assertThat(amount.status()).as(amount.body()).isEqualTo(422);
        assertThat(amount.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/transfers/0/amountMinor");
        StringBuilder tooMany = new StringBuilder("{\"transfers\":[");
        for (int i = 0; i <= Ledger.BATCH_SIZE_MAX; i++) {
            tooMany.append(i == 0 ? "" : ",").append(transfer("many-" + i, member, sink, 1, "EUR"));
        }
        Reply big = s.post("/api/v1/transfer-batches", tooMany + "]}");
        assertThat(big.status()).as(big.body()).isEqualTo(422);
        assertThat(big.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/transfers");
        assertThat(s.post("/api/v1/transfer-batches", "{}").status()).isEqualTo(422);
        assertThat(s.post("/api/v1/transfer-batches", "{\"transfers\":[null]}").status()).isEqualTo(422);
    }

    @Test
    void fiftyConcurrentRetriesOfOneIdOverHttpMakeOneTransfer() throws Exception {
        List<Integer> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                // half with an Idempotency-Key (their own transaction), half through the group commit
                Map<String, String> headers = i % 2 == 0 ? Map.of("Idempotency-Key", "k-" + i) : Map.of();
                futures.add(pool.submit(() -> statuses.add(s.post("/api/v1/transfers",
                        transfer("same", member, sink, 7, "EUR"), headers).status())));
            }
            for (Future<?> f : futures) f.get();
        }
        assertThat(statuses).hasSize(50).containsOnly(200, 201);
        assertThat(statuses.stream().filter(x -> x == 201).count()).isEqualTo(1);
        JsonNode page = ok(s.get("/api/v1/transfers?limit=500"), 200).json().get("items");
        long same = 0;
        for (JsonNode t : page) if (t.get("id").asText().equals("same")) same++;
        assertThat(same).isEqualTo(1);
    }
}
