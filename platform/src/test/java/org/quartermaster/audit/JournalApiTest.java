package org.quartermaster.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartermaster.journal.JournalKeys;
import org.quartermaster.journal.ProofVerifier;
import org.quartermaster.journal.SignedTreeHead;
import org.quartermaster.journal.TreeHasher;
import org.quartermaster.testing.TestServer;

/** A client that trusts nobody checks events against signed heads through the HTTP API. */
class JournalApiTest {
    static final HexFormat HEX = HexFormat.of();

    static void defineItems(TestServer s, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            var r = s.post("/api/v1/items", "{\"code\":\"" + prefix + i + "\",\"name\":\"Item " + i
                    + "\",\"unit\":\"H87\",\"category\":\"OTHER\",\"lethal\":false}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
    }

    static SignedTreeHead head(TestServer s) {
        s.app().journal().signIfDue(true);
        JsonNode h = s.get("/api/v1/journal/head").json();
        return new SignedTreeHead(h.get("treeSize").asLong(), HEX.parseHex(h.get("rootHash").asText()),
                h.get("timestampMillis").asLong(), Base64.getDecoder().decode(h.get("signature").asText()));
    }

    static List<byte[]> path(JsonNode proof) {
        List<byte[]> out = new ArrayList<>();
        proof.get("path").forEach(n -> out.add(HEX.parseHex(n.asText())));
        return out;
    }

    @Test
    void everyEventIsProvablyInTheSignedTree() {
        try (TestServer s = TestServer.sqlite()) {
            defineItems(s, "IT", 13);
            var key = JournalKeys.publicKeyFrom(Base64.getDecoder().decode(
                    s.get("/api/v1/journal/key").json().get("key").asText()));
            SignedTreeHead head = head(s);
            assertThat(head.verify(key)).isTrue();
            assertThat(head.treeSize()).isEqualTo(13);
            JsonNode events = s.get("/api/v1/journal/events?from=1&to=13").json().get("items");
            for (JsonNode e : events) {
                long sequence = e.get("sequence").asLong();
                byte[] leaf = new TreeHasher().leaf(Base64.getDecoder().decode(e.get("leaf").asText()));
                JsonNode proof = s.get("/api/v1/journal/proofs/inclusion?sequence=" + sequence + "&treeSize=13").json();
                assertThat(ProofVerifier.verifyInclusion(leaf, sequence - 1, 13, path(proof), head.rootHash()))
                        .as("event " + sequence).isTrue();
                assertThat(ProofVerifier.verifyInclusion(leaf, sequence % 13, 13, path(proof), head.rootHash()))
                        .as("event " + sequence + " at the wrong index").isFalse();
            }
        }
    }

    @Test
    void anOldHeadIsConsistentWithTheNewOneAndDetectsARewrittenHistory() {
        try (TestServer s = TestServer.sqlite(); TestServer forger = TestServer.sqlite()) {
            defineItems(s, "A", 5);
            SignedTreeHead old = head(s);
            defineItems(s, "B", 6);
            SignedTreeHead now = head(s);
            JsonNode proof = s.get("/api/v1/journal/proofs/consistency?first=5&second=11").json();
            assertThat(ProofVerifier.verifyConsistency(5, 11, old.rootHash(), now.rootHash(), path(proof))).isTrue();

            // The same history but for one rewritten early event: the old head's holder notices.
            defineItems(forger, "A", 4);
            defineItems(forger, "Z", 1);
            defineItems(forger, "B", 6);
            SignedTreeHead forged = head(forger);
            JsonNode forgedProof = forger.get("/api/v1/journal/proofs/consistency?first=5&second=11").json();
            assertThat(ProofVerifier.verifyConsistency(5, 11, old.rootHash(), forged.rootHash(), path(forgedProof)))
                    .isFalse();
        }
    }

    @Test
    void refusesProofsOutsideTheJournal() {
        try (TestServer s = TestServer.sqlite()) {
            defineItems(s, "C", 3);
            assertThat(s.get("/api/v1/journal/proofs/inclusion?sequence=4&treeSize=3").status()).isEqualTo(400);
            assertThat(s.get("/api/v1/journal/proofs/inclusion?sequence=1&treeSize=99").status()).isEqualTo(400);
            assertThat(s.get("/api/v1/journal/proofs/inclusion?sequence=x&treeSize=3").status()).isEqualTo(400);
            assertThat(s.get("/api/v1/journal/proofs/consistency?first=3&second=2").status()).isEqualTo(400);
            assertThat(s.get("/api/v1/journal/events?from=1&to=5000").status()).isEqualTo(400);
            assertThat(s.get("/api/v1/journal/proofs/inclusion?sequence=1").json().get("errors").get(0)
                    .get("parameter").asText()).isEqualTo("treeSize");
        }
    }
}
