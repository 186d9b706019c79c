package org.quartermaster.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * The journal's append-only RFC 9162 Merkle tree over a {@link NodeStore}.
 *
 * <p>Appending a leaf stores its hash and the hash of every perfect subtree it completes
 * (amortised two hashes per leaf, at most 64). The right border of the tree (one perfect
 * subtree per set bit of the size) is kept in memory, so appending reads nothing. Roots of
 * older sizes and proofs are built from stored perfect subtrees with O(log n) reads.
 * Not thread-safe: one writer appends, as the platform does inside its write transaction.
 */
public final class MerkleTree {

    /** Depth bound: a tree holds fewer than 2^63 leaves, so at most 63 proof nodes. */
    public static final int PROOF_NODES_MAX = 63;

    private final NodeStore store;
    private final TreeHasher hasher = new TreeHasher();
    private final byte[][] border = new byte[InMemoryNodeStore.LEVELS_MAX][TreeHasher.HASH_BYTES];
    private final byte[] scratch = new byte[TreeHasher.HASH_BYTES];
    private long size;

    /** An empty tree writing to {@code store}, which must hold no nodes yet. */
    public MerkleTree(NodeStore store) {
        this(store, 0);
    }

    /**
     * Reopens a tree of {@code size} leaves whose nodes are already in {@code store};
     * reads the O(log n) border nodes once.
     */
    public MerkleTree(NodeStore store, long size) {
        if (store == null) {
            throw new IllegalArgumentException("store must not be null");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        this.store = store;
        this.size = size;
        for (int level = 0; level < InMemoryNodeStore.LEVELS_MAX; level++) {
            if ((size >>> level & 1) == 1) {
                store.get(level, (size >>> level) - 1, border[level], 0);
            }
        }
    }

    /** Number of leaves. */
    public long size() {
        return size;
    }

    /** Appends one event's bytes as a leaf; returns its index (0-based). */
    public long append(byte[] eventBytes) {
        return append(eventBytes, 0, eventBytes.length);
    }

    /** Appends {@code bytes[offset, offset+length)} as a leaf; returns its index. */
    public long append(byte[] bytes, int offset, int length) {
        hasher.leaf(bytes, offset, length, scratch, 0);
        return appendLeafHash(scratch, 0);
    }

    /** Appends an already computed leaf hash (32 bytes at {@code offset}); returns its index. */
    public long appendLeafHash(byte[] leafHash, int offset) {
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("tree is full");
        }
        long leafIndex = size;
        byte[] current = scratch;
        if (leafHash != scratch || offset != 0) {
            System.arraycopy(leafHash, offset, scratch, 0, TreeHasher.HASH_BYTES);
        }
        store.put(0, leafIndex, current, 0);
        int level = 0;
        long index = leafIndex;
        // Each trailing 1 bit of the index closes a perfect subtree with its left sibling.
        while ((index & 1) == 1) {
            hasher.node(border[level], 0, current, 0, current, 0);
            level++;
            index >>>= 1;
            store.put(level, index, current, 0);
        }
        System.arraycopy(current, 0, border[level], 0, TreeHasher.HASH_BYTES);
        size++;
        return leafIndex;
    }

    /** The root hash of the current tree (the empty-tree hash when empty). */
    public byte[] rootHash() {
        if (size == 0) {
            return TreeHasher.emptyRoot();
        }
        byte[] root = null;
        for (int level = 0; level < InMemoryNodeStore.LEVELS_MAX; level++) {
            if ((size >>> level & 1) == 1) {
                root = root == null ? border[level].clone() : hasher.node(border[level], root);
            }
        }
        return root;
    }

    /**
     * The root hash the tree had at {@code treeSize} leaves (RFC 9162 MTH of the first
     * {@code treeSize} leaves), from O(log n) stored nodes.
     */
    public byte[] rootHash(long treeSize) {
        checkSize(treeSize);
        return treeSize == 0 ? TreeHasher.emptyRoot() : rangeHash(0, treeSize);
    }

    /** The stored leaf hash of leaf {@code index}. */
    public byte[] leafHash(long index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index must be in [0, " + size + "), got " + index);
        }
        return store.get(0, index);
    }

    /**
     * The RFC 9162 inclusion proof (section 2.1.3.1) of leaf {@code index} in the tree of
     * {@code treeSize} leaves: sibling hashes from the leaf upwards.
     */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        checkSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("index must be in [0, treeSize=" + treeSize
                    + "), got " + index);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, treeSize, proof);
        return List.copyOf(proof);
    }

    /**
     * The RFC 9162 consistency proof (section 2.1.4.1) between the trees of {@code first} and
     * {@code second} leaves. Empty when {@code first} is 0 or equals {@code second}.
     */
    public List<byte[]> consistencyProof(long first, long second) {
        checkSize(second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("first must be in [0, second=" + second
                    + "], got " + first);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return List.copyOf(proof);
    }

    // PATH(m, D[start:start+n]) of RFC 9162 2.1.3.1; appends deepest sibling first.
    private void path(long m, long start, long n, List<byte[]> proof) {
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            path(m, start, k, proof);
            proof.add(rangeHash(start + k, n - k));
        } else {
            path(m - k, start + k, n - k, proof);
            proof.add(rangeHash(start, k));
        }
    }

    // SUBPROOF(m, D[start:start+n], b) of RFC 9162 2.1.4.1.
    private void subproof(long m, long start, long n, boolean startsFromOldRoot,
                          List<byte[]> proof) {
        if (m == n) {
            if (!startsFromOldRoot) {
                proof.add(rangeHash(start, n));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, start, k, startsFromOldRoot, proof);
            proof.add(rangeHash(start + k, n - k));
        } else {
            subproof(m - k, start + k, n - k, false, proof);
            proof.add(rangeHash(start, k));
        }
    }

    /*
     * MTH of leaves [start, start+n). The recursion only asks for ranges whose start is a
     * multiple of the largest power of two not above n, so the range splits into one stored
     * perfect subtree per set bit of n, largest first; RFC 9162 hashes them right to left.
     */
    private byte[] rangeHash(long start, long n) {
        byte[] root = null;
        long end = start + n;
        for (int level = 0; level < InMemoryNodeStore.LEVELS_MAX; level++) {
            if ((n >>> level & 1) == 1) {
                long subtreeStart = end - (1L << level);
                byte[] subtree = store.get(level, subtreeStart >>> level);
                root = root == null ? subtree : hasher.node(subtree, root);
                end = subtreeStart;
            }
        }
        return root;
    }

    private void checkSize(long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("treeSize must be in [0, " + size + "], got "
                    + treeSize);
        }
    }
}
