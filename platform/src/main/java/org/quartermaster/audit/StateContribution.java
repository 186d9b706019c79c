package org.quartermaster.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * What a context gives the verifier about the state it owns: its rows as stored, and how each
 * of its journal event types changes them. {@code qm verify} replays every event through the
 * contributions and checks that the replayed rows equal the stored ones, so a row edited
 * without an event (or an event edited without its row) is found.
 *
 * <p>Rows are maps of plain values (strings, longs, booleans; dates and instants as ISO text),
 * keyed by the record's public id.
 */
public interface StateContribution {
    /** The name reported for this state, usually its main table. */
    String table();

    /** The event types this contribution replays. */
    Set<String> eventTypes();

    /** The stored rows, by public id. */
    Map<String, Map<String, Object>> stored(Handle handle);

    /** Applies one event to the replayed rows. */
    void replay(String type, String entity, Instant time, JsonNode payload, Map<String, Map<String, Object>> rows);
}
