package org.quartermaster.journal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

/** Deterministic events for tests. */
final class Fixtures {
    private Fixtures() {
    }

    static JournalEvent event(long sequence, Random random) {
        byte[] payload = CanonicalJson.write(Map.of(
                "need", "N-" + random.nextInt(100_000),
                "quantity", (long) random.nextInt(10_000),
                "note", "ä\"\n" + random.nextInt(50)));
        return new JournalEvent(sequence, 1_700_000_000_000L + sequence * 1000, "user-"
                + random.nextInt(20), "UKR-MOD", "NeedFiled", "need-" + sequence, payload);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
