package org.quartermaster.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The Merkle leaf of a journal event: the journal library's encoding of (sequence - 1, time in
 * milliseconds, actor, organisation, type, entity, canonical payload). Platform sequences start
 * at 1; leaf indices at 0.
 */
final class Leaves {
    private Leaves() {}

    /** The payload as RFC 8785 canonical JSON, as the journal library defines it. */
    static String canonicalPayload(Object payload) {
        String json = CanonicalJson.write(payload == null ? java.util.Map.of() : payload);
        return new String(org.quartermaster.journal.CanonicalJson.canonicalize(json), StandardCharsets.UTF_8);
    }

    /** The canonical payload of a tree already made canonical by {@link CanonicalJson#tree}. */
    static String canonicalPayload(com.fasterxml.jackson.databind.JsonNode tree) {
        String json = CanonicalJson.writeSorted(tree);
        return new String(org.quartermaster.journal.CanonicalJson.canonicalize(json), StandardCharsets.UTF_8);
    }

    static byte[] leaf(long sequence, Instant time, String actor, String organisation, String type, String entity,
                       String payload) {
        return new org.quartermaster.journal.JournalEvent(sequence - 1, time.toEpochMilli(), actor, organisation, type,
                entity, payload.getBytes(StandardCharsets.UTF_8)).encode();
    }
}
