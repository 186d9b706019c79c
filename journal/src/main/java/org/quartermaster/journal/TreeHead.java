package org.quartermaster.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An unsigned tree head: the tree size, its root hash and when it was taken (epoch millis).
 * {@link #signedBytes()} is the one canonical encoding that is signed.
 */
public record TreeHead(long treeSize, byte[] rootHash, long timestampMillis) {

    /** Domain separator, so a head signature can never be replayed as another message. */
    static final byte[] SIGNED_PREFIX =
            "quartermaster-journal-tree-head-v1\n".getBytes(StandardCharsets.US_ASCII);
    /** Bytes of {@link #signedBytes()}: prefix, size (8), timestamp (8), root (32). */
    public static final int SIGNED_BYTES = SIGNED_PREFIX.length + 8 + 8 + TreeHasher.HASH_BYTES;

    public TreeHead {
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must be >= 0, got " + treeSize);
        }
        if (rootHash == null || rootHash.length != TreeHasher.HASH_BYTES) {
            throw new IllegalArgumentException("rootHash must be 32 bytes");
        }
        if (timestampMillis < 0) {
            throw new IllegalArgumentException("timestampMillis must be >= 0, got "
                    + timestampMillis);
        }
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The canonical signed encoding: prefix || size (u64 BE) || time (u64 BE) || root. */
    public byte[] signedBytes() {
        return ByteBuffer.allocate(SIGNED_BYTES).put(SIGNED_PREFIX).putLong(treeSize)
                .putLong(timestampMillis).put(rootHash).array();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TreeHead h && h.treeSize == treeSize
                && h.timestampMillis == timestampMillis
                && java.util.Arrays.equals(h.rootHash, rootHash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(treeSize) * 31 + java.util.Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "TreeHead[size=" + treeSize + ", root=" + java.util.HexFormat.of().formatHex(rootHash)
                + ", time=" + timestampMillis + "]";
    }
}
