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
    private java.util.List<Node> pending = new java.util.ArrayList<>();

    public SqlNodeStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void put(int level, long index, byte[] hash, int offset) {
        byte[] copy = java.util.Arrays.copyOfRange(hash, offset, offset + 32);
        pending.add(new Node(level, index, copy));
        cache.put(key(level, index), copy);
    }

    /**
     * Writes the nodes put since the last flush, in one statement batch. Until then they are
     * only in this store's memory (reads through this store see them).
     */
    public void flush() {
        if (pending.isEmpty()) return;
        var batch = handle.prepareBatch("INSERT INTO journal_nodes (level, idx, hash) VALUES (:level, :idx, :hash)");
        for (Node n : drain()) batch.bind("level", n.level()).bind("idx", n.index()).bind("hash", n.hash()).add();
        batch.execute();
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

    /** The nodes put since the last flush, in order, without writing them (the caller writes them). */
    public java.util.List<Node> drain() {
        java.util.List<Node> out = pending;
        pending = new java.util.ArrayList<>();
        return out;
    }

    /** A node to be written: level, index and its 32-byte hash. */
    public record Node(int level, long index, byte[] hash) {}

    /**
     * The right border of a tree of {@code size} leaves (one perfect subtree per set bit), all
     * of which this store has read or written: what {@link #preload} needs to reopen that tree
     * without a read.
     */
    public Map<Long, byte[]> border(long size) {
        Map<Long, byte[]> out = new HashMap<>();
        for (int level = 0; level < 64; level++) {
            if ((size >>> level & 1) == 1) {
                long k = key(level, (size >>> level) - 1);
                byte[] hash = cache.get(k);
                if (hash == null) throw new IllegalStateException("border node " + level + " not in this store");
                out.put(k, hash);
            }
        }
        return out;
    }

    /** Nodes known to be stored (a border kept from an earlier transaction of the same tree). */
    public void preload(Map<Long, byte[]> nodes) {
        cache.putAll(nodes);
    }

    private static long key(int level, long index) {
        return ((long) level << 56) ^ index;
    }
}
