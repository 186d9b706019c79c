package org.quartermaster.journal;

import java.util.Arrays;

/**
 * A compact {@link NodeStore} in paged byte arrays: one page list per level, 32 bytes per node,
 * no object per node. A tree of n leaves takes about 2n * 32 bytes (640 MB for 10 million).
 * Pages are fixed size, so growth never copies stored hashes. Not thread-safe.
 */
public final class InMemoryNodeStore implements NodeStore {

    /** Levels a tree of up to 2^63 leaves can have. */
    public static final int LEVELS_MAX = 64;
    private static final int PAGE_NODES_SHIFT = 15;
    private static final int PAGE_NODES = 1 << PAGE_NODES_SHIFT; // 1 MiB pages
    private static final int PAGE_BYTES = PAGE_NODES * TreeHasher.HASH_BYTES;

    private final byte[][][] pages = new byte[LEVELS_MAX][][];
    private final long[] counts = new long[LEVELS_MAX];

    @Override
    public void put(int level, long index, byte[] hash, int offset) {
        checkLevel(level);
        if (index != counts[level]) {
            throw new IllegalArgumentException("nodes must be stored in order: level " + level
                    + " expects index " + counts[level] + ", got " + index);
        }
        int page = pageOf(index);
        byte[][] levelPages = pages[level];
        if (levelPages == null || page >= levelPages.length) {
            levelPages = grow(level, page);
        }
        if (levelPages[page] == null) {
            levelPages[page] = new byte[PAGE_BYTES];
        }
        System.arraycopy(hash, offset, levelPages[page], slotOf(index), TreeHasher.HASH_BYTES);
        counts[level]++;
    }

    @Override
    public void get(int level, long index, byte[] out, int outOffset) {
        checkLevel(level);
        if (index < 0 || index >= counts[level]) {
            throw new IllegalArgumentException("node (" + level + ", " + index
                    + ") must have been stored; level holds " + counts[level]);
        }
        System.arraycopy(pages[level][pageOf(index)], slotOf(index), out, outOffset,
                TreeHasher.HASH_BYTES);
    }

    /** Number of nodes stored at {@code level}. */
    public long count(int level) {
        checkLevel(level);
        return counts[level];
    }

    private byte[][] grow(int level, int page) {
        byte[][] old = pages[level] == null ? new byte[0][] : pages[level];
        pages[level] = Arrays.copyOf(old, Math.max(page + 1, old.length * 2));
        return pages[level];
    }

    private static void checkLevel(int level) {
        if (level < 0 || level >= LEVELS_MAX) {
            throw new IllegalArgumentException("level must be in [0, 64), got " + level);
        }
    }

    private static int pageOf(long index) {
        long page = index >>> PAGE_NODES_SHIFT;
        if (page > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("index must fit the in-memory store, got " + index);
        }
        return (int) page;
    }

    private static int slotOf(long index) {
        return (int) (index & (PAGE_NODES - 1)) * TreeHasher.HASH_BYTES;
    }
}
