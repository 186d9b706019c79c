package org.quartermaster.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.quartermaster.journal.BundleWriter;
import org.quartermaster.journal.SignedTreeHead;
import org.quartermaster.store.Database;

/**
 * Writes the journal as a verifiable bundle (the journal library's format): the public key,
 * every event's leaf bytes with the leaf hash recorded at append time, and every signed head
 * right after the event that completes it. A head over all events is signed first, so the
 * whole bundle is covered.
 */
public final class BundleExport {
    private BundleExport() {}

    /** Writes the bundle; returns the number of events written. */
    public static long write(Database db, Journal journal, OutputStream out) throws IOException {
        journal.signIfDue(true);
        List<SignedTreeHead> heads = journal.heads();
        try (BundleWriter writer = new BundleWriter(out, journal.keys().publicKeyBytes())) {
            long[] count = {0};
            int[] next = {0};
            db.read(h -> {
                h.createQuery("""
                                SELECT e.*, n.hash AS leaf_hash FROM journal_events e
                                JOIN journal_nodes n ON n.level = 0 AND n.idx = e.sequence - 1
                                ORDER BY e.sequence""").setFetchSize(1000)
                        .map((rs, ctx) -> java.util.Map.entry(Journal.map(rs), rs.getBytes("leaf_hash")))
                        .useStream(events -> events.forEach(row -> {
                            try {
                                writer.writeEvent(row.getKey().leafBytes(), row.getValue());
                                count[0]++;
                                while (next[0] < heads.size() && heads.get(next[0]).treeSize() == count[0]) {
                                    writer.writeHead(heads.get(next[0]++));
                                }
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }));
                return null;
            });
            return count[0];
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
