package org.quartermaster.audit.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.audit.CanonicalJson;
import org.quartermaster.audit.Journal;
import org.quartermaster.audit.JournalEvent;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Export;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.RouteTable.Param;

/**
 * The journal's events as a file for auditors and administrators: sequence, time, actor, event
 * type, record, hash and the change itself (its canonical JSON payload), oldest first, from a
 * sequence on. The rows are those of the change feed ({@link Journal#feed}: events of records the
 * caller may not see are left out in the query). For a bundle that proves itself offline, see
 * {@code qm export journal}. Its route policy (auditors and administrators) is declared with the
 * journal's others in {@code Quartermaster.routePolicies()}: audit does not depend on access.
 */
public final class JournalExport {
    public static final String PATH = "/api/v1/exports/journal";
    /** Every column, in the order written. */
    public static final List<String> COLUMNS = List.of("sequence", "time", "actor", "organisation", "type", "entity",
            "hash", "payload");

    private JournalExport() {}

    /** One event as a row of {@link #COLUMNS}; the payload is JSON (an object in JSON lines, its text in CSV). */
    public static Map<String, Object> row(JournalEvent e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sequence", e.sequence());
        row.put("time", e.time().toString());
        row.put("actor", e.actor());
        row.put("organisation", e.organisation());
        row.put("type", e.type());
        row.put("entity", e.entityId());
        row.put("hash", e.hash());
        row.put("payload", CanonicalJson.read(e.payload()));
        return row;
    }

    public static void routes(RouteTable t, Journal journal) {
        t.download(PATH, "journal", "The journal's events the caller may see, oldest first, as CSV or JSON lines"
                + " (auditors and administrators), streamed as an attachment", List.of(Export.FORMAT,
                new Param("after", "start after this sequence number (default: from the first event)", Long.class)),
                ctx -> {
                    String after = afterCursor(ctx);
                    var viewer = Actors.of(ctx);
                    Export.stream(ctx, "journal", COLUMNS, cursor -> journal.feed(cursor == null ? after : cursor,
                            Export.PAGE_ROWS, viewer), JournalExport::row);
                });
    }

    /** The feed's cursor of {@code after} (a sequence number), or null from the first event. */
    private static String afterCursor(io.javalin.http.Context ctx) {
        String raw = org.quartermaster.server.Http.param(ctx, "after");
        if (raw == null) return null;
        long sequence;
        try {
            sequence = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new org.quartermaster.shared.InvalidField("after", "must be a sequence number (0 or more)");
        }
        if (sequence < 0) throw new org.quartermaster.shared.InvalidField("after", "must be a sequence number (0 or more)");
        return sequence == 0 ? null : org.quartermaster.shared.Cursor.encode(sequence);
    }
}
