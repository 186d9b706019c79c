package org.quartermaster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.logistics.LogisticsEndToEndTest.custody;
import static org.quartermaster.logistics.LogisticsEndToEndTest.ok;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.logistics.LogisticsEndToEndTest;
import org.quartermaster.testing.TestServer;

/** {@code qm ship verify-receipt}: a receipt saved from the API verifies offline with the published key, a changed one does not. */
class ShipCommandTest {
    @TempDir
    Path dir;

    @Test
    void verifiesASavedReceiptOfflineAndRejectsATamperedOne() throws Exception {
        String receipt;
        String key;
        try (TestServer s = TestServer.sqlite()) {
            LogisticsEndToEndTest.referenceData(s);
            String offer = LogisticsEndToEndTest.acceptedOffer(s, 3);
            String id = ok(s.post("/api/v1/shipments", """
                    {"owner":"DEU-MOD","receiver":"UKR-MOD","origin":"DEPOT-DE","destination":"DEST-UA","mode":"AIR",
                     "plannedDeparture":"2026-01-01T08:00:00Z","plannedArrival":"2026-01-02T08:00:00Z",
                     "lines":[{"kind":"OFFER","fulfils":"%s","item":"HELMET","quantity":3}]}""".formatted(offer)), 201)
                    .json().get("id").asText();
            String path = "/api/v1/shipments/" + id;
            ok(s.post(path + "/custody", custody("DEPARTED", "DEU-MOD", "A", "")), 201);
            ok(s.post(path + "/custody", custody("ARRIVED", "DEU-MOD", "A", "")), 201);
            ok(s.post(path + "/custody", custody("HANDED_OVER", "DEU-MOD", "A", ",\"to\":\"UKR-MOD\"")), 201);
            ok(s.post(path + "/receipt", """
                    {"organisation":"UKR-MOD","person":"Lt. Shevchenko","lines":[{"line":1,"received":3}]}"""), 201);
            receipt = ok(s.get(path + "/receipt"), 200).body();
            key = ok(s.get("/api/v1/signing-keys/UKR-MOD"), 200).body();
        }
        // the server is gone: only the two files remain
        Path r = Files.writeString(dir.resolve("receipt.json"), receipt);
        Path k = Files.writeString(dir.resolve("key.json"), key);
        assertThat(run("ship", "verify-receipt", "--receipt", r.toString(), "--key", k.toString())).isZero();
        Path tampered = Files.writeString(dir.resolve("tampered.json"),
                receipt.replace("\\\"received\\\":3", "\\\"received\\\":30"));
        assertThat(Files.readString(tampered)).isNotEqualTo(receipt);
        assertThat(run("ship", "verify-receipt", "--receipt", tampered.toString(), "--key", k.toString())).isEqualTo(1);
        assertThat(run("ship", "verify-receipt", "--receipt", dir.resolve("none.json").toString(), "--key", "x")).isEqualTo(2);
    }

    static int run(String... args) {
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream()));
            return Main.commandLine().execute(args);
        } finally {
            System.setOut(out);
        }
    }
}
