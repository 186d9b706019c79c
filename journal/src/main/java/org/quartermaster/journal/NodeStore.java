package org.quartermaster.journal;

/**
 * Storage of the hashes of complete (perfect) subtrees of the journal's Merkle tree.
 * The node at {@code (level, index)} covers leaves {@code [index * 2^level, (index+1) * 2^level)};
 * level 0 holds the leaf hashes. Nodes are written once and never change, so an implementation
 * may be a plain append-only table keyed by (level, index). Every proof reads O(log n) nodes.
 */
public interface NodeStore {

    /**
     * Stores a 32-byte hash. The store copies {@code hash[offset, offset+32)}: callers reuse
     * their buffers. Writing the same node twice with different bytes is a broken invariant.
     */
    void put(int level, long index, byte[] hash, int offset);

    /**
     * Copies the stored hash of node {@code (level, index)} into {@code out[outOffset..]}.
     *
     * @throws IllegalArgumentException if the node was never stored
     */
    void get(int level, long index, byte[] out, int outOffset);

    /** Returns a new array with the stored hash of node {@code (level, index)}. */
    default byte[] get(int level, long index) {
        byte[] out = new byte[TreeHasher.HASH_BYTES];
        get(level, index, out, 0);
        return out;
    }
}
