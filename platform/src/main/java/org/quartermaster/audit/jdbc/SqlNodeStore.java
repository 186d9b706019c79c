package org.quartermaster.audit.jdbc;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.quartermaster.journal.NodeStore;

/**
 * The Merkle tree's subtree hashes in table {@code journal_nodes}, read and written through one
 * connection (a write transaction, or a read snapshot). Nodes are written once; a small cache
 * keeps the reads of one transaction from repeating. Writes are batched: call {@link #flush}.
 */
public final class SqlNodeStore implements NodeStore {
    private final Handle handle;
    private final Map<Long, byte[]> cache = new HashMap<>();
    private org.jdbi.v3.core.statement.PreparedBatch batch;

    public SqlNodeStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void put(int level, long index, byte[] hash, int offset) {
        byte[] copy = java.util.Arrays.copyOfRange(hash, offset, offset + 32);
        if (batch == null) {
            batch = handle.prepareBatch("INSERT INTO journal_nodes (level, idx, hash) VALUES (:level, :idx, :hash)");
        }
        batch.bind("level", level).bind("idx", index).bind("hash", copy).add();
        cache.put(key(level, index), copy);
    }

    /**
     * Writes the nodes put since the last flush, in one statement batch. Until then they are
     * only in this store's memory (reads through this store see them).
     */
    public void flush() {
        if (batch != null && batch.size() > 0) batch.execute();
        batch = null;
    }

    @Override
    public void get(int level, long index, byte[] out, int outOffset) {
        byte[] hash = cache.get(key(level, index));
        if (hash == null) {
            hash = handle.createQuery("SELECT hash FROM journal_nodes WHERE level = :level AND idx = :idx")
                    .bind("level", level).bind("idx", index).mapTo(byte[].class).findOne()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "no journal node at level " + level + ", index " + index));
            cache.put(key(level, index), hash);
        }
        System.arraycopy(hash, 0, out, outOffset, 32);
    }

    private static long key(int level, long index) {
        return ((long) level << 56) ^ index;
    }
}
