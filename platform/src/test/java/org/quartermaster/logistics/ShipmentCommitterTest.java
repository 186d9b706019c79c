package org.quartermaster.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.logistics.LogisticsEndToEndTest.custody;
import static org.quartermaster.logistics.LogisticsEndToEndTest.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.audit.JournalEvent;
import org.quartermaster.testing.TestDatabases;
import org.quartermaster.testing.TestServer;
import org.quartermaster.testing.TestServer.Reply;

/**
 * Custody steps of concurrent callers commit together, yet each caller gets its own outcome: a refused step (out of order, not the holder, a stale version, an unknown
 * organisation) leaves the others' steps, the shipment it refers to and the journal untouched,
 * and every step that was answered 201 is stored and journalled exactly once, naming its own
 * actor. The response is what a read afterwards shows.
 */
public class ShipmentCommitterTest {
    static final int CALLERS = 24;
    static final String[][] CHAIN = {
        {"HANDED_OVER", "DEU-MOD", "CARRIER-A"},
        {"DEPARTED", "CARRIER-A", null},
        {"ARRIVED_AT_HUB", "CARRIER-A", null},
        {"HANDED_OVER", "CARRIER-A", "CARRIER-B"},
        {"DEPARTED", "CARRIER-B", null},
        {"ARRIVED_AT_HUB", "CARRIER-B", null},
        {"DEPARTED", "CARRIER-B", null},
        {"ARRIVED", "CARRIER-B", null},
        {"HANDED_OVER", "CARRIER-B", "UKR-MOD"},
    };

    /** The donor's accepted offer the test's shipments carry (never received here, so it stays shippable). */
    static volatile String offer;

    static void acceptedOffer(TestServer s) {
        offer = s.app().offers().make(new org.quartermaster.offers.MakeOffer("DEU-MOD", "HELMET", 10_000, "NEW",
                "DEPOT-DE", java.time.LocalDate.of(2026, 11, 1), "DONATION", false, null, false, null,
                java.util.Set.of()), org.quartermaster.shared.Actor.SYSTEM).publicId();
        s.app().offers().act(offer, org.quartermaster.offers.model.OfferRules.Action.ACCEPT, 1,
                org.quartermaster.shared.Actor.SYSTEM);
    }

    static String plan(int i) {
        return """
                {"owner":"DEU-MOD","receiver":"UKR-MOD","origin":"DEPOT-DE","destination":"DEST-UA","mode":"ROAD",
                 "plannedDeparture":"2026-12-01T08:00:00Z","plannedArrival":"2099-12-05T18:00:00Z",
                 "hubs":[{"location":"HUB-PL"},{"location":"HUB-UA"}],
                 "lines":[{"kind":"OFFER","fulfils":"%s","item":"HELMET","quantity":%d}]}""".formatted(offer, 1 + i);
    }

    static String step(String[] e, String extra) {
        return custody(e[0], e[1], "Person of " + e[1], (e[2] == null ? "" : ",\"to\":\"" + e[2] + "\"") + extra);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void concurrentStepsEachGetTheirOwnOutcome(TestDatabases.Kind kind) throws Exception {
        try (TestServer s = new TestServer(TestDatabases.open(kind))) {
            LogisticsEndToEndTest.referenceData(s);
            acceptedOffer(s);
            long journalBefore = s.app().journal().size();
            ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
            try {
                // plans of concurrent callers, one of them bad (an unknown receiver): only it is refused
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Reply>> plans = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    int n = i;
                    plans.add(pool.submit(() -> {
                        go.await();
                        String body = n == 7 ? plan(n).replace("\"receiver\":\"UKR-MOD\"", "\"receiver\":\"NOBODY\"")
                                : plan(n);
                        return s.post("/api/v1/shipments", body);
                    }));
                }
                go.countDown();
                String[] ids = new String[CALLERS];
                for (int i = 0; i < CALLERS; i++) {
                    Reply r = plans.get(i).get();
                    if (i == 7) {
                        assertThat(r.status()).as(r.body()).isEqualTo(422);
                        assertThat(r.body()).contains("receiver");
                    } else {
                        ids[i] = ok(r, 201).json().get("id").asText();
                        assertThat(ok(s.get("/api/v1/shipments/" + ids[i]), 200).json().get("lines").get(0)
                                .get("quantity").asLong()).isEqualTo(1 + i);
                    }
                }

                // each caller walks its own shipment's chain; every third step a wrong step is tried
                // first, concurrently with the other callers' good steps
                Map<String, Integer> stored = new ConcurrentHashMap<>();
                List<Future<?>> walks = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    if (i == 7) continue;
                    String path = "/api/v1/shipments/" + ids[i];
                    walks.add(pool.submit(() -> {
                        for (int k = 0; k < CHAIN.length; k++) {
                            String[] e = CHAIN[k];
                            if (k % 3 == 1) {
                                Reply wrong = s.post(path + "/custody", step(new String[] {"ARRIVED_AT_HUB", e[1], null}, ",\"location\":\"DEST-UA\""));
                                assertThat(wrong.status()).as(wrong.body()).isEqualTo(409);
                                Reply notHolder = s.post(path + "/custody",
                                        step(new String[] {e[0], "UKR-MOD", e[2]}, ""));
                                assertThat(notHolder.status()).as(notHolder.body()).isEqualTo(409);
                                Reply unknown = s.post(path + "/custody",
                                        step(new String[] {"HANDED_OVER", e[1], "NOBODY"}, ""));
                                assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
                            }
                            Reply r = ok(s.post(path + "/custody", step(e, "")), 201);
                            JsonNode after = ok(s.get(path), 200).json();
                            assertThat(r.json()).as("the response is what a read shows").isEqualTo(after);
                            assertThat(after.get("custodyCount").asInt()).isEqualTo(k + 1);
                        }
                        stored.put(path, CHAIN.length);
                        return null;
                    }));
                }
                for (Future<?> f : walks) f.get();
                assertThat(stored).hasSize(CALLERS - 1);
                for (int i = 0; i < CALLERS; i++) {
                    if (i == 7) continue;
                    JsonNode chain = ok(s.get("/api/v1/shipments/" + ids[i] + "/custody"), 200).json().get("items");
                    assertThat(chain).hasSize(CHAIN.length);
                    for (int k = 0; k < CHAIN.length; k++) {
                        assertThat(chain.get(k).get("kind").asText()).isEqualTo(CHAIN[k][0]);
                        assertThat(chain.get(k).get("organisation").asText()).isEqualTo(CHAIN[k][1]);
                    }
                }
            } finally {
                pool.shutdownNow();
            }

            // the journal holds each stored plan and step once, and nothing of a refused one
            List<JournalEvent> events = s.app().journal().range(journalBefore + 1, s.app().journal().size());
            assertThat(events.stream().filter(e -> e.type().equals("ShipmentPlanned")).count()).isEqualTo(CALLERS - 1);
            assertThat(events.stream().filter(e -> e.type().equals("CustodyRecorded")).count())
                    .isEqualTo((long) (CALLERS - 1) * CHAIN.length);
            assertThat(events.stream().filter(e -> e.type().equals("CustodyRecorded"))
                    .map(e -> e.entityId() + "/" + e.payload()).distinct().count())
                    .isEqualTo((long) (CALLERS - 1) * CHAIN.length);
            assertThat(s.app().journal().firstBrokenLink()).isZero();
            long[] counts = s.app().logistics().committerCounts();
            assertThat(counts[1]).as("every step went through the committer")
                    .isGreaterThanOrEqualTo((long) (CALLERS - 1) * CHAIN.length);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aStepOnAShipmentThatMovedSinceItsChecksIsRefusedAlone(TestDatabases.Kind kind) throws Exception {
        try (TestServer s = new TestServer(TestDatabases.open(kind))) {
            LogisticsEndToEndTest.referenceData(s);
            acceptedOffer(s);
            String id = ok(s.post("/api/v1/shipments", plan(1)), 201).json().get("id").asText();
            String path = "/api/v1/shipments/" + id;
            // the same step posted by many callers at once: exactly one of them moves the shipment
            ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Reply>> replies = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    replies.add(pool.submit(() -> {
                        go.await();
                        return s.post(path + "/custody", step(CHAIN[0], ""));
                    }));
                }
                go.countDown();
                int created = 0;
                for (Future<Reply> f : replies) {
                    Reply r = f.get();
                    if (r.status() == 201) {
                        created++;
                    } else {
                        assertThat(r.status()).as(r.body()).isEqualTo(409);
                    }
                }
                assertThat(created).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(ok(s.get(path + "/custody"), 200).json().get("items")).hasSize(1);
            assertThat(ok(s.get(path), 200).json().get("version").asLong()).isEqualTo(2);
        }
    }
}
